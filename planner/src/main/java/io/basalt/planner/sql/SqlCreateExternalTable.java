package io.basalt.planner.sql;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.calcite.sql.SqlCreate;
import org.apache.calcite.sql.SqlDataTypeSpec;
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
 * Redshift Spectrum's {@code CREATE EXTERNAL TABLE}, over files under an S3 location: with
 * column definitions, or as a query ({@code CREATE EXTERNAL TABLE ... AS}), which writes the
 * files.
 *
 * <p>Either {@link #query} is null and {@link #columns} is not empty, and every partition
 * column has a type; or {@link #query} is set, {@link #columns} is empty and partition columns
 * are names only (the query's last columns), {@link #storedAs} is PARQUET, TEXTFILE or JSON and
 * the row format, if any, is {@link Delimited}.
 */
public final class SqlCreateExternalTable extends SqlCreate {
  private static final SqlOperator OPERATOR =
      new SqlSpecialOperator("CREATE EXTERNAL TABLE", SqlKind.CREATE_TABLE);
  private static final Set<String> QUERY_FORMATS = Set.of("PARQUET", "TEXTFILE", "JSON");

  /**
   * A column of {@code PARTITIONED BY}: its values come from the files' paths
   * ({@code .../year=2024/...}), not from the files.
   *
   * @param name the column's name
   * @param type its type; null in CREATE EXTERNAL TABLE AS, where the query gives it
   */
  public record PartitionColumn(String name, @Nullable SqlDataTypeSpec type) {
    public PartitionColumn {
      requireNonNull(name, "name is null");
    }

    void unparse(SqlWriter writer) {
      writer.identifier(name, true);
      if (type != null) {
        type.unparse(writer, 0, 0);
      }
    }
  }

  /** How a text file's rows split into fields: {@code ROW FORMAT DELIMITED} or a SerDe class. */
  public sealed interface RowFormat {
    /** Writes {@code ROW FORMAT ...}. */
    void unparse(SqlWriter writer);
  }

  /**
   * {@code ROW FORMAT DELIMITED [FIELDS TERMINATED BY 'x'] [ESCAPED BY 'x'] [LINES TERMINATED BY
   * 'x'] [NULL DEFINED AS 'x']}, keyed by the property names Hive's LazySimpleSerDe gives these
   * clauses ({@link #FIELD_DELIMITER} and its siblings), so that a DELIMITED format and the
   * equivalent SerDe look alike.
   *
   * <p>Values are kept as written: {@code '\t'} and {@code '\001'} stay backslash escapes, which
   * Redshift decodes when it reads the files.
   *
   * @param properties the clauses written, in the order written
   */
  public record Delimited(Map<String, String> properties) implements RowFormat {
    /** The key of {@code FIELDS TERMINATED BY}. */
    public static final String FIELD_DELIMITER = "field.delim";
    /** The key of {@code ESCAPED BY}. */
    public static final String ESCAPE = "escape.delim";
    /** The key of {@code LINES TERMINATED BY}. */
    public static final String LINE_DELIMITER = "line.delim";
    /** The key of {@code NULL DEFINED AS}. */
    public static final String NULL_FORMAT = "serialization.null.format";
    private static final Map<String, String> CLAUSES = Map.of(
        FIELD_DELIMITER, "FIELDS TERMINATED BY",
        ESCAPE, "ESCAPED BY",
        LINE_DELIMITER, "LINES TERMINATED BY",
        NULL_FORMAT, "NULL DEFINED AS");

    public Delimited {
      properties = Collections.unmodifiableMap(
          new LinkedHashMap<>(requireNonNull(properties, "properties is null")));
      for (String key : properties.keySet()) {
        if (!CLAUSES.containsKey(key)) {
          throw new IllegalArgumentException("not a ROW FORMAT DELIMITED property: " + key);
        }
      }
    }

    /**
     * Adds a clause while parsing, rejecting one given twice; public only for the generated
     * parser.
     */
    public static void add(SqlIdentifier table, Map<String, String> properties, String key,
        String value, SqlParserPos pos) {
      if (properties.putIfAbsent(key, value) != null) {
        throw ParseErrors.at(pos, errorPrefix(table) + CLAUSES.get(key)
            + " is specified more than once");
      }
    }

    @Override public void unparse(SqlWriter writer) {
      writer.keyword("ROW FORMAT DELIMITED");
      properties.forEach((key, value) -> {
        writer.keyword(CLAUSES.get(key));
        SqlDdlWriting.string(writer, value);
      });
    }
  }

  /**
   * {@code ROW FORMAT SERDE 'class' [WITH SERDEPROPERTIES ('key' = 'value', ...)]}.
   *
   * @param serdeClass the SerDe's Java class name, e.g. {@code
   *     org.openx.data.jsonserde.JsonSerDe}
   * @param properties the SerDe's properties in the order written; possibly empty
   */
  public record Serde(String serdeClass, Map<String, String> properties) implements RowFormat {
    public Serde {
      requireNonNull(serdeClass, "serdeClass is null");
      properties = Collections.unmodifiableMap(
          new LinkedHashMap<>(requireNonNull(properties, "properties is null")));
    }

    @Override public void unparse(SqlWriter writer) {
      writer.keyword("ROW FORMAT SERDE");
      SqlDdlWriting.string(writer, serdeClass);
      if (!properties.isEmpty()) {
        writer.keyword("WITH SERDEPROPERTIES");
        SqlDdlWriting.properties(writer, properties);
      }
    }
  }

  /** The table's name, qualified by its external schema. */
  public final SqlIdentifier name;
  /** The columns stored in the files, in order; empty for CREATE EXTERNAL TABLE AS. */
  public final List<SqlBasaltColumn> columns;
  /** The {@code PARTITIONED BY} columns, in order; possibly empty. */
  public final List<PartitionColumn> partitionColumns;
  /** The {@code ROW FORMAT}, or null if none is written. */
  public final @Nullable RowFormat rowFormat;
  /**
   * The {@code STORED AS} file format in upper case: PARQUET, TEXTFILE, JSON, ORC, AVRO,
   * SEQUENCEFILE or RCFILE; null for {@code STORED AS INPUTFORMAT ... OUTPUTFORMAT ...} or when
   * no STORED AS is written (Hive's default is TEXTFILE).
   */
  public final @Nullable String storedAs;
  /** The class of {@code STORED AS INPUTFORMAT 'class'}, or null. */
  public final @Nullable String inputFormat;
  /** The class of {@code OUTPUTFORMAT 'class'}, or null. */
  public final @Nullable String outputFormat;
  /** The {@code LOCATION}: an S3 folder or manifest file, e.g. {@code s3://bucket/sales/}. */
  public final String location;
  /** {@code TABLE PROPERTIES} (or {@code TBLPROPERTIES}) in the order written; keys as written. */
  public final Map<String, String> tableProperties;
  /** The query of CREATE EXTERNAL TABLE AS, or null. */
  public final @Nullable SqlNode query;

  public SqlCreateExternalTable(SqlParserPos pos, boolean ifNotExists, SqlIdentifier name,
      List<SqlBasaltColumn> columns, List<PartitionColumn> partitionColumns,
      @Nullable RowFormat rowFormat, @Nullable String storedAs, @Nullable String inputFormat,
      @Nullable String outputFormat, String location, Map<String, String> tableProperties,
      @Nullable SqlNode query) {
    super(OPERATOR, pos, false, ifNotExists);
    this.name = requireNonNull(name, "name is null");
    this.columns = List.copyOf(requireNonNull(columns, "columns is null"));
    this.partitionColumns =
        List.copyOf(requireNonNull(partitionColumns, "partitionColumns is null"));
    this.rowFormat = rowFormat;
    this.storedAs = storedAs;
    this.inputFormat = inputFormat;
    this.outputFormat = outputFormat;
    this.location = requireNonNull(location, "location is null");
    this.tableProperties = Collections.unmodifiableMap(
        new LinkedHashMap<>(requireNonNull(tableProperties, "tableProperties is null")));
    this.query = query;
    if ((inputFormat == null) != (outputFormat == null)) {
      throw new IllegalArgumentException("INPUTFORMAT and OUTPUTFORMAT come together");
    }
    if (storedAs != null && inputFormat != null) {
      throw new IllegalArgumentException("STORED AS takes a format or INPUTFORMAT, not both");
    }
  }

  /**
   * Checks the shape of a parsed CREATE EXTERNAL TABLE and builds it; public only for the
   * generated parser.
   */
  public static SqlCreateExternalTable create(SqlParserPos pos, boolean replace,
      boolean ifNotExists, SqlIdentifier name, List<SqlBasaltColumn> columns,
      List<PartitionColumn> partitionColumns, @Nullable RowFormat rowFormat,
      @Nullable String storedAs, @Nullable String inputFormat, @Nullable String outputFormat,
      @Nullable String location, Map<String, String> tableProperties, @Nullable SqlNode query) {
    String action = errorPrefix(name);
    if (replace) {
      throw ParseErrors.at(pos, action + "OR REPLACE is not supported for external tables");
    }
    if (location == null) {
      throw ParseErrors.at(pos, action + "LOCATION is required");
    }
    if (query == null) {
      if (columns.isEmpty()) {
        throw ParseErrors.at(pos, action + "the table has no columns");
      }
      Set<String> names = new HashSet<>();
      for (SqlBasaltColumn column : columns) {
        if (!names.add(column.name.getSimple())) {
          throw ParseErrors.at(column.getParserPosition(),
              action + "column \"" + column.name.getSimple() + "\" is declared more than once");
        }
      }
      for (PartitionColumn column : partitionColumns) {
        if (column.type() == null) {
          throw ParseErrors.at(pos,
              action + "partition column \"" + column.name() + "\" has no type");
        }
        if (!names.add(column.name())) {
          throw ParseErrors.at(pos, action + "partition column \"" + column.name()
              + "\" is also a column of the table");
        }
      }
    } else {
      if (!columns.isEmpty()) {
        throw ParseErrors.at(columns.get(0).getParserPosition(),
            action + "CREATE EXTERNAL TABLE AS takes no column definitions");
      }
      for (PartitionColumn column : partitionColumns) {
        if (column.type() != null) {
          throw ParseErrors.at(column.type().getParserPosition(), action
              + "CREATE EXTERNAL TABLE AS takes partition column names only, but \""
              + column.name() + "\" has a type");
        }
      }
      if (storedAs == null || !QUERY_FORMATS.contains(storedAs)) {
        throw ParseErrors.at(pos, action
            + "CREATE EXTERNAL TABLE AS requires STORED AS PARQUET, TEXTFILE or JSON");
      }
      if (rowFormat instanceof Serde) {
        throw ParseErrors.at(pos,
            action + "CREATE EXTERNAL TABLE AS takes ROW FORMAT DELIMITED only");
      }
    }
    return new SqlCreateExternalTable(pos, ifNotExists, name, columns, partitionColumns,
        rowFormat, storedAs, inputFormat, outputFormat, location, tableProperties, query);
  }

  /** The start of this statement's error messages; public only for the generated parser. */
  public static String errorPrefix(SqlIdentifier name) {
    return "Cannot create external table \"" + name + "\": ";
  }

  /** Whether the files are written from a query (CREATE EXTERNAL TABLE AS). */
  public boolean isCreateTableAs() {
    return query != null;
  }

  @Override public SqlOperator getOperator() {
    return OPERATOR;
  }

  @SuppressWarnings("nullness")
  @Override public List<SqlNode> getOperandList() {
    List<SqlNode> partitionList = new ArrayList<>();
    partitionColumns.forEach(
        column -> partitionList.add(new SqlIdentifier(column.name(), SqlParserPos.ZERO)));
    return Arrays.asList(name, new SqlNodeList(columns, SqlParserPos.ZERO),
        new SqlNodeList(partitionList, SqlParserPos.ZERO),
        SqlLiteral.createCharString(location, SqlParserPos.ZERO), query);
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("CREATE EXTERNAL TABLE");
    if (ifNotExists) {
      writer.keyword("IF NOT EXISTS");
    }
    name.unparse(writer, leftPrec, rightPrec);
    if (!columns.isEmpty()) {
      SqlDdlWriting.list(writer, columns);
    }
    if (!partitionColumns.isEmpty()) {
      writer.keyword("PARTITIONED BY");
      SqlWriter.Frame frame = writer.startList("(", ")");
      for (PartitionColumn column : partitionColumns) {
        writer.sep(",");
        column.unparse(writer);
      }
      writer.endList(frame);
    }
    if (rowFormat != null) {
      rowFormat.unparse(writer);
    }
    if (storedAs != null) {
      writer.keyword("STORED AS");
      writer.keyword(storedAs);
    } else if (inputFormat != null && outputFormat != null) {
      writer.keyword("STORED AS INPUTFORMAT");
      SqlDdlWriting.string(writer, inputFormat);
      writer.keyword("OUTPUTFORMAT");
      SqlDdlWriting.string(writer, outputFormat);
    }
    writer.keyword("LOCATION");
    SqlDdlWriting.string(writer, location);
    if (!tableProperties.isEmpty()) {
      writer.keyword("TABLE PROPERTIES");
      SqlDdlWriting.properties(writer, tableProperties);
    }
    if (query != null) {
      writer.keyword("AS");
      writer.newlineAndIndent();
      query.unparse(writer, 0, 0);
    }
  }
}
