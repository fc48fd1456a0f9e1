package io.basalt.planner.sql;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * Redshift's {@code COPY table [(columns)] FROM 'source' [option ...]}, which loads files.
 *
 * <p>Options are kept in the order written, keyed by their upper-case name, with the value as
 * written (unquoted) or the empty string for flags: {@code FORMAT AS CSV QUOTE AS '"' GZIP}
 * gives {@code FORMAT=CSV, QUOTE=", GZIP=}. A bare {@code CSV} gives {@code FORMAT=CSV}; {@code
 * JSON 'auto'} gives {@code FORMAT=JSON, JSON=auto} (likewise AVRO); {@code NULL AS '\N'} gives
 * {@code NULL=\N}; {@code COMPUPDATE OFF} gives {@code COMPUPDATE=OFF}.
 */
public final class SqlCopy extends SqlDdl {
  private static final SqlOperator OPERATOR = new SqlSpecialOperator("COPY", SqlKind.OTHER_DDL);
  private static final Set<String> NUMERIC_OPTIONS = Set.of("IGNOREHEADER", "MAXERROR");
  private static final Set<String> WORD_OPTIONS = Set.of("COMPUPDATE", "STATUPDATE");
  private static final Set<String> FORMAT_ARGUMENT_OPTIONS = Set.of("JSON", "AVRO");

  /** The table to load. */
  public final SqlIdentifier table;
  /** The target columns in order; empty means all columns. */
  public final List<String> columns;
  /** The source, e.g. {@code s3://bucket/prefix/}. */
  public final String source;
  /** Options in the order written, keyed by upper-case name; flags map to "". */
  public final Map<String, String> options;

  public SqlCopy(SqlParserPos pos, SqlIdentifier table, List<String> columns, String source,
      Map<String, String> options) {
    super(OPERATOR, pos);
    this.table = requireNonNull(table, "table is null");
    this.columns = List.copyOf(requireNonNull(columns, "columns is null"));
    this.source = requireNonNull(source, "source is null");
    this.options = Collections.unmodifiableMap(
        new LinkedHashMap<>(requireNonNull(options, "options is null")));
  }

  /**
   * Adds an option while parsing, rejecting one given twice; public only for the generated
   * parser.
   */
  public static void addOption(SqlIdentifier table, Map<String, String> options, String name,
      String value, SqlParserPos pos) {
    if (options.putIfAbsent(name, value) != null) {
      throw ParseErrors.at(pos, "Cannot copy into \"" + table + "\": option " + name
          + " is specified more than once");
    }
  }

  @Override public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override public List<SqlNode> getOperandList() {
    List<SqlNode> optionList = new ArrayList<>();
    options.forEach((name, value) -> {
      optionList.add(SqlLiteral.createCharString(name, SqlParserPos.ZERO));
      optionList.add(SqlLiteral.createCharString(value, SqlParserPos.ZERO));
    });
    List<SqlNode> columnList = new ArrayList<>();
    columns.forEach(column -> columnList.add(new SqlIdentifier(column, SqlParserPos.ZERO)));
    return List.of(table, new SqlNodeList(columnList, SqlParserPos.ZERO),
        SqlLiteral.createCharString(source, SqlParserPos.ZERO),
        new SqlNodeList(optionList, SqlParserPos.ZERO));
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("COPY");
    table.unparse(writer, leftPrec, rightPrec);
    if (!columns.isEmpty()) {
      SqlDdlWriting.names(writer, columns);
    }
    writer.keyword("FROM");
    SqlDdlWriting.string(writer, source);
    String format = options.get("FORMAT");
    options.forEach((name, value) -> {
      if (name.equals("FORMAT")) {
        writer.keyword("FORMAT AS");
        writer.keyword(value);
      } else if (FORMAT_ARGUMENT_OPTIONS.contains(name) && name.equals(format)) {
        // The argument of FORMAT AS JSON 'auto': the keyword is already written.
        SqlDdlWriting.string(writer, value);
      } else if (name.equals("NULL")) {
        writer.keyword("NULL AS");
        SqlDdlWriting.string(writer, value);
      } else {
        writer.keyword(name);
        if (NUMERIC_OPTIONS.contains(name) || WORD_OPTIONS.contains(name)) {
          writer.keyword(value);
        } else if (!value.isEmpty()) {
          SqlDdlWriting.string(writer, value);
        }
      }
    });
  }
}
