package io.basalt.planner.sql;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.sql.SqlCreate;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A Redshift {@code CREATE [TEMP] TABLE}: with column definitions, as {@code (LIKE other)}, or
 * as a query ({@code CREATE TABLE ... AS}), with its table attributes.
 *
 * <p>Exactly one of three shapes holds: {@link #likeTable} is set (and {@link #columnList} is
 * empty); or {@link #query} is set and {@link #columnList} holds optional column names as
 * {@link SqlIdentifier}s; or {@link #columnList} holds {@link SqlBasaltColumn}s.
 */
public final class SqlCreateBasaltTable extends SqlCreate {
  private static final SqlOperator OPERATOR =
      new SqlSpecialOperator("CREATE TABLE", SqlKind.CREATE_TABLE);

  /** The table's name, possibly qualified by a schema. */
  public final SqlIdentifier name;
  /** Column definitions, or column names for CREATE TABLE AS; possibly empty. */
  public final SqlNodeList columnList;
  /** Table constraints: Calcite's {@code SqlKeyConstraint} (PRIMARY KEY, UNIQUE) and
   * {@link SqlForeignKey}, including those written on a column. */
  public final SqlNodeList constraints;
  /** The table named by {@code (LIKE other)}, or null. */
  public final @Nullable SqlIdentifier likeTable;
  /** Whether {@code LIKE} copies column defaults ({@code INCLUDING DEFAULTS}). */
  public final boolean likeIncludingDefaults;
  /** The query of CREATE TABLE AS, or null. */
  public final @Nullable SqlNode query;
  /** Whether the table is {@code TEMP}/{@code TEMPORARY}. */
  public final boolean temporary;
  /** Distribution and sort keys, with column-level keys folded in. */
  public final TableAttributes attributes;
  /** PARTITIONED BY, LOCATION and TBLPROPERTIES (an Iceberg table's); {@link LakeClauses#NONE}. */
  public final LakeClauses lake;

  /**
   * The clauses of Athena's CREATE TABLE for Iceberg tables: partition transforms as parsed
   * expressions ({@code day(ts)}, {@code bucket(16, id)}, a column name), the location and the
   * table properties; {@code pos} is where the first of them was written, or null.
   */
  public record LakeClauses(@Nullable SqlParserPos pos, List<SqlNode> partitioning,
      @Nullable String location, Map<String, String> properties) {
    public static final LakeClauses NONE = new LakeClauses(null, List.of(), null, Map.of());

    public LakeClauses {
      partitioning = List.copyOf(partitioning);
      properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    /** Whether none of the clauses was written. */
    public boolean isEmpty() {
      return partitioning.isEmpty() && location == null && properties.isEmpty();
    }
  }

  public SqlCreateBasaltTable(SqlParserPos pos, boolean temporary, boolean ifNotExists,
      SqlIdentifier name, SqlNodeList columnList, SqlNodeList constraints,
      @Nullable SqlIdentifier likeTable, boolean likeIncludingDefaults, @Nullable SqlNode query,
      TableAttributes attributes, LakeClauses lake) {
    super(OPERATOR, pos, false, ifNotExists);
    this.temporary = temporary;
    this.name = requireNonNull(name, "name is null");
    this.columnList = requireNonNull(columnList, "columnList is null");
    this.constraints = requireNonNull(constraints, "constraints is null");
    this.likeTable = likeTable;
    this.likeIncludingDefaults = likeIncludingDefaults;
    this.query = query;
    this.attributes = requireNonNull(attributes, "attributes is null");
    this.lake = requireNonNull(lake, "lake is null");
  }

  /**
   * Checks the shape of a parsed CREATE TABLE and builds it; public only for the generated
   * parser.
   */
  public static SqlCreateBasaltTable create(SqlParserPos pos, boolean replace, boolean temporary,
      boolean ifNotExists, SqlIdentifier name, SqlNodeList columnList, SqlNodeList constraints,
      @Nullable SqlIdentifier likeTable, boolean likeIncludingDefaults, @Nullable SqlNode query,
      TableAttributes attributes, LakeClauses lake) {
    String action = "Cannot create table \"" + name + "\": ";
    if (replace) {
      throw ParseErrors.at(pos, action + "OR REPLACE is not supported for tables");
    }
    for (SqlNode element : columnList) {
      if (query == null && element instanceof SqlIdentifier column) {
        throw ParseErrors.at(element.getParserPosition(),
            action + "column \"" + column.getSimple() + "\" has no type");
      }
      if (query != null && element instanceof SqlBasaltColumn column) {
        throw ParseErrors.at(column.dataType.getParserPosition(), action
            + "CREATE TABLE AS takes column names only, but column \"" + column.name.getSimple()
            + "\" has a type");
      }
    }
    if (query != null && !constraints.isEmpty()) {
      throw ParseErrors.at(constraints.get(0).getParserPosition(),
          action + "CREATE TABLE AS cannot declare constraints");
    }
    // An Iceberg table registered from its metadata file takes its columns from it.
    boolean registers = lake.properties().keySet().stream()
        .anyMatch(k -> k.equalsIgnoreCase("metadata_location"));
    if (likeTable == null && query == null && columnList.isEmpty() && !registers) {
      throw ParseErrors.at(pos, action + "the table has no columns");
    }
    return new SqlCreateBasaltTable(pos, temporary, ifNotExists, name, columnList, constraints,
        likeTable, likeIncludingDefaults, query, attributes, lake);
  }

  /** Whether the table's columns come from a query (CREATE TABLE AS). */
  public boolean isCreateTableAs() {
    return query != null;
  }

  @Override public SqlOperator getOperator() {
    return OPERATOR;
  }

  @SuppressWarnings("nullness")
  @Override public List<SqlNode> getOperandList() {
    return Arrays.asList(name, columnList, constraints, likeTable, query,
        SqlLiteral.createBoolean(temporary, SqlParserPos.ZERO));
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("CREATE");
    if (temporary) {
      writer.keyword("TEMP");
    }
    writer.keyword("TABLE");
    if (ifNotExists) {
      writer.keyword("IF NOT EXISTS");
    }
    name.unparse(writer, leftPrec, rightPrec);
    if (likeTable != null) {
      SqlWriter.Frame frame = writer.startList("(", ")");
      writer.keyword("LIKE");
      likeTable.unparse(writer, 0, 0);
      if (likeIncludingDefaults) {
        writer.keyword("INCLUDING DEFAULTS");
      }
      writer.endList(frame);
    } else if (!columnList.isEmpty() || !constraints.isEmpty()) {
      SqlWriter.Frame frame = writer.startList("(", ")");
      for (SqlNode element : columnList) {
        writer.sep(",");
        element.unparse(writer, 0, 0);
      }
      for (SqlNode constraint : constraints) {
        writer.sep(",");
        constraint.unparse(writer, 0, 0);
      }
      writer.endList(frame);
    }
    attributes.unparse(writer);
    if (!lake.partitioning().isEmpty()) {
      writer.keyword("PARTITIONED BY");
      SqlWriter.Frame frame = writer.startList("(", ")");
      for (SqlNode transform : lake.partitioning()) {
        writer.sep(",");
        transform.unparse(writer, 0, 0);
      }
      writer.endList(frame);
    }
    if (lake.location() != null) {
      writer.keyword("LOCATION");
      writer.literal("'" + lake.location().replace("'", "''") + "'");
    }
    if (!lake.properties().isEmpty()) {
      writer.keyword("TBLPROPERTIES");
      SqlWriter.Frame frame = writer.startList("(", ")");
      lake.properties().forEach((k, v) -> {
        writer.sep(",");
        writer.literal("'" + k.replace("'", "''") + "' = '" + v.replace("'", "''") + "'");
      });
      writer.endList(frame);
    }
    if (query != null) {
      writer.keyword("AS");
      writer.newlineAndIndent();
      query.unparse(writer, 0, 0);
    }
  }
}
