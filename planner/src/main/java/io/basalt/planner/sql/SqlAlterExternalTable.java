package io.basalt.planner.sql;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.sql.SqlAbstractDateTimeLiteral;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlDdl;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNumericLiteral;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlUnknownLiteral;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * An {@code ALTER TABLE t action} that only an external table takes, where the action is one of
 * the {@link Action} records: adding or dropping partitions, or setting the location or the
 * table properties. {@link SqlAlterBasaltTable} has the other ALTER TABLE forms.
 */
public final class SqlAlterExternalTable extends SqlDdl {
  private static final SqlOperator OPERATOR =
      new SqlSpecialOperator("ALTER EXTERNAL TABLE", SqlKind.ALTER_TABLE);

  /** What an ALTER TABLE changes on an external table. */
  public sealed interface Action {
    /** Writes the action as it follows {@code ALTER TABLE t}. */
    void unparse(SqlWriter writer);
  }

  /**
   * {@code PARTITION (key = value [, ...])}, which names one partition by the values of its
   * partition columns.
   *
   * @param values the values by partition column, in the order written; numbers, strings and
   *     date or time literals
   */
  public record PartitionSpec(Map<String, SqlLiteral> values) {
    private static final Map<String, SqlTypeName> DATE_TIME_TAGS = Map.of(
        "DATE", SqlTypeName.DATE, "TIME", SqlTypeName.TIME, "TIMESTAMP", SqlTypeName.TIMESTAMP);

    public PartitionSpec {
      values = Collections.unmodifiableMap(
          new LinkedHashMap<>(requireNonNull(values, "values is null")));
      if (values.isEmpty()) {
        throw new IllegalArgumentException("a partition has at least one value");
      }
    }

    /**
     * The values as the strings of a Hive-style path ({@code year=2024/month=01}): {@code 2024}
     * gives "2024", {@code '01'} gives "01", {@code DATE '2024-01-31'} gives "2024-01-31".
     */
    public Map<String, String> stringValues() {
      Map<String, String> strings = new LinkedHashMap<>();
      values.forEach((key, value) -> strings.put(key, value.toValue()));
      return Collections.unmodifiableMap(strings);
    }

    /**
     * Adds a value while parsing, rejecting a key given twice or a NULL; public only for the
     * generated parser.
     */
    public static void add(SqlIdentifier table, Map<String, SqlLiteral> values, String key,
        SqlLiteral literal, SqlParserPos pos) {
      SqlLiteral value = literal;
      if (literal instanceof SqlUnknownLiteral unknown
          && DATE_TIME_TAGS.containsKey(unknown.tag)) {
        // The parser leaves DATE '...' unresolved until validation, which DDL does not get.
        value = unknown.resolve(DATE_TIME_TAGS.get(unknown.tag));
      }
      if (!(value instanceof SqlNumericLiteral || value instanceof SqlCharStringLiteral
          || value instanceof SqlAbstractDateTimeLiteral)) {
        throw ParseErrors.at(pos, errorPrefix(table) + "the value of partition column \"" + key
            + "\" is not a number, string or date");
      }
      if (values.putIfAbsent(key, value) != null) {
        throw ParseErrors.at(pos, errorPrefix(table) + "partition column \"" + key
            + "\" is given more than once");
      }
    }

    void unparse(SqlWriter writer) {
      writer.keyword("PARTITION");
      SqlWriter.Frame frame = writer.startList("(", ")");
      values.forEach((key, value) -> {
        writer.sep(",");
        writer.identifier(key, true);
        writer.keyword("=");
        value.unparse(writer, 0, 0);
      });
      writer.endList(frame);
    }
  }

  /**
   * A partition to add, with its files' folder.
   *
   * @param partition the partition's values
   * @param location its S3 folder, or null for the path under the table's location that the
   *     values give ({@code year=2024/month=01/})
   */
  public record NewPartition(PartitionSpec partition, @Nullable String location) {
    public NewPartition {
      requireNonNull(partition, "partition is null");
    }
  }

  /**
   * {@code ADD [IF NOT EXISTS] PARTITION (...) [LOCATION '...'] [[,] PARTITION ...]}.
   *
   * @param ifNotExists whether an existing partition is skipped rather than an error
   * @param partitions the partitions to add, in order; never empty
   */
  public record AddPartitions(boolean ifNotExists, List<NewPartition> partitions)
      implements Action {
    public AddPartitions {
      partitions = List.copyOf(partitions);
      if (partitions.isEmpty()) {
        throw new IllegalArgumentException("ADD PARTITION adds at least one partition");
      }
    }

    @Override public void unparse(SqlWriter writer) {
      writer.keyword("ADD");
      if (ifNotExists) {
        writer.keyword("IF NOT EXISTS");
      }
      for (NewPartition partition : partitions) {
        partition.partition().unparse(writer);
        if (partition.location() != null) {
          writer.keyword("LOCATION");
          SqlDdlWriting.string(writer, partition.location());
        }
      }
    }
  }

  /**
   * {@code DROP [IF EXISTS] PARTITION (...) [, PARTITION (...) ...]}; the files stay.
   *
   * @param ifExists whether a missing partition is skipped rather than an error
   * @param partitions the partitions to drop, in order; never empty
   */
  public record DropPartitions(boolean ifExists, List<PartitionSpec> partitions)
      implements Action {
    public DropPartitions {
      partitions = List.copyOf(partitions);
      if (partitions.isEmpty()) {
        throw new IllegalArgumentException("DROP PARTITION drops at least one partition");
      }
    }

    @Override public void unparse(SqlWriter writer) {
      writer.keyword("DROP");
      if (ifExists) {
        writer.keyword("IF EXISTS");
      }
      SqlWriter.Frame frame = writer.startList("", "");
      for (PartitionSpec partition : partitions) {
        writer.sep(",");
        partition.unparse(writer);
      }
      writer.endList(frame);
    }
  }

  /**
   * {@code [PARTITION (...)] SET LOCATION '...'}.
   *
   * @param partition the partition to move, or null to move the table
   * @param location the new S3 folder or manifest file
   */
  public record SetLocation(@Nullable PartitionSpec partition, String location)
      implements Action {
    public SetLocation {
      requireNonNull(location, "location is null");
    }

    @Override public void unparse(SqlWriter writer) {
      if (partition != null) {
        partition.unparse(writer);
      }
      writer.keyword("SET LOCATION");
      SqlDdlWriting.string(writer, location);
    }
  }

  /**
   * {@code SET TABLE PROPERTIES ('key' = 'value', ...)}, which adds or replaces those
   * properties and keeps the others.
   *
   * @param properties the properties in the order written
   */
  public record SetTableProperties(Map<String, String> properties) implements Action {
    public SetTableProperties {
      properties = Collections.unmodifiableMap(
          new LinkedHashMap<>(requireNonNull(properties, "properties is null")));
    }

    @Override public void unparse(SqlWriter writer) {
      writer.keyword("SET TABLE PROPERTIES");
      SqlDdlWriting.properties(writer, properties);
    }
  }

  /** The table to change. */
  public final SqlIdentifier table;
  /** The change. */
  public final Action action;

  public SqlAlterExternalTable(SqlParserPos pos, SqlIdentifier table, Action action) {
    super(OPERATOR, pos);
    this.table = requireNonNull(table, "table is null");
    this.action = requireNonNull(action, "action is null");
  }

  /** The start of this statement's error messages; public only for the generated parser. */
  public static String errorPrefix(SqlIdentifier table) {
    return "Cannot alter table \"" + table + "\": ";
  }

  @Override public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override public List<SqlNode> getOperandList() {
    return List.of(table,
        SqlLiteral.createCharString(action.getClass().getSimpleName(), SqlParserPos.ZERO));
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("ALTER TABLE");
    table.unparse(writer, leftPrec, rightPrec);
    action.unparse(writer);
  }
}
