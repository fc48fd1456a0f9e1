package io.basalt.planner.sql;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.sql.SqlDdl;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * Basalt's {@code CRAWL 's3://bucket/prefix/' INTO DATABASE db [WITH (key = value, ...)]}, which
 * infers tables from the files under a prefix and registers them in a catalog database, as an
 * AWS Glue crawler does.
 *
 * <p>Options are kept in the order written, keyed by their name as an identifier (lower case
 * unless quoted), with the value as a string: {@code WITH (format = 'parquet', depth = 2)} gives
 * {@code format=parquet, depth=2}, and {@code TRUE} gives {@code true}. Numbers and booleans are
 * written back as strings.
 */
public final class SqlCrawl extends SqlDdl {
  private static final SqlOperator OPERATOR = new SqlSpecialOperator("CRAWL", SqlKind.OTHER_DDL);

  /** The prefix to crawl, e.g. {@code s3://bucket/prefix/}. */
  public final String location;
  /** The catalog database, as an identifier (lower case unless quoted) or as the string given. */
  public final String database;
  /** Options in the order written, keyed by name. */
  public final Map<String, String> options;

  public SqlCrawl(SqlParserPos pos, String location, String database,
      Map<String, String> options) {
    super(OPERATOR, pos);
    this.location = requireNonNull(location, "location is null");
    this.database = requireNonNull(database, "database is null");
    this.options = Collections.unmodifiableMap(
        new LinkedHashMap<>(requireNonNull(options, "options is null")));
  }

  /**
   * Adds an option while parsing, rejecting one given twice; public only for the generated
   * parser.
   */
  public static void addOption(String location, Map<String, String> options, String name,
      String value, SqlParserPos pos) {
    if (options.putIfAbsent(name, value) != null) {
      throw ParseErrors.at(pos, "Cannot crawl '" + location + "': option \"" + name
          + "\" is specified more than once");
    }
  }

  @Override public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override public List<SqlNode> getOperandList() {
    List<SqlNode> optionList = new ArrayList<>();
    options.forEach((name, value) -> {
      optionList.add(new SqlIdentifier(name, SqlParserPos.ZERO));
      optionList.add(SqlLiteral.createCharString(value, SqlParserPos.ZERO));
    });
    return List.of(SqlLiteral.createCharString(location, SqlParserPos.ZERO),
        new SqlIdentifier(database, SqlParserPos.ZERO),
        new SqlNodeList(optionList, SqlParserPos.ZERO));
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("CRAWL");
    SqlDdlWriting.string(writer, location);
    writer.keyword("INTO DATABASE");
    writer.identifier(database, true);
    if (!options.isEmpty()) {
      writer.keyword("WITH");
      SqlWriter.Frame frame = writer.startList("(", ")");
      options.forEach((name, value) -> {
        writer.sep(",");
        writer.identifier(name, true);
        writer.keyword("=");
        SqlDdlWriting.string(writer, value);
      });
      writer.endList(frame);
    }
  }
}
