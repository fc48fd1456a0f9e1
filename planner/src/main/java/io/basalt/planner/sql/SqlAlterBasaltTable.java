package io.basalt.planner.sql;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlDdl;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A Redshift {@code ALTER TABLE t action}, where the action is one of the {@link Action} records.
 */
public final class SqlAlterBasaltTable extends SqlDdl {
  private static final SqlOperator OPERATOR =
      new SqlSpecialOperator("ALTER TABLE", SqlKind.ALTER_TABLE);

  /** What an ALTER TABLE changes. */
  public sealed interface Action {
    /** Writes the action as it follows {@code ALTER TABLE t}. */
    void unparse(SqlWriter writer);
  }

  /**
   * {@code ADD [COLUMN] column type [DEFAULT e] [ENCODE x] [NOT NULL | NULL]}.
   *
   * @param column the new column
   */
  public record AddColumn(SqlBasaltColumn column) implements Action {
    public AddColumn {
      requireNonNull(column, "column is null");
    }

    @Override public void unparse(SqlWriter writer) {
      writer.keyword("ADD COLUMN");
      column.unparse(writer, 0, 0);
    }
  }

  /**
   * Athena's {@code ADD COLUMNS (column type, ...)}.
   *
   * @param columns the new columns, in order
   */
  public record AddColumns(List<SqlBasaltColumn> columns) implements Action {
    public AddColumns {
      columns = List.copyOf(columns);
    }

    @Override public void unparse(SqlWriter writer) {
      writer.keyword("ADD COLUMNS");
      SqlWriter.Frame frame = writer.startList("(", ")");
      for (SqlBasaltColumn column : columns) {
        writer.sep(",");
        column.unparse(writer, 0, 0);
      }
      writer.endList(frame);
    }
  }

  /**
   * Partition evolution of an Iceberg table: {@code ADD PARTITION FIELD transform},
   * {@code DROP PARTITION FIELD transform} or {@code SET PARTITION SPEC (transform, ...)}, with
   * transforms as CREATE TABLE's PARTITIONED BY takes them.
   *
   * @param kind ADD, DROP or SET
   * @param transforms the transforms (one for ADD and DROP)
   */
  public record ChangePartitioning(String kind, List<SqlNode> transforms) implements Action {
    public ChangePartitioning {
      requireNonNull(kind, "kind is null");
      transforms = List.copyOf(transforms);
    }

    @Override public void unparse(SqlWriter writer) {
      writer.keyword(kind.equals("SET") ? "SET PARTITION SPEC" : kind + " PARTITION FIELD");
      SqlWriter.Frame frame = kind.equals("SET") ? writer.startList("(", ")")
          : writer.startList("", "");
      for (SqlNode transform : transforms) {
        writer.sep(",");
        transform.unparse(writer, 0, 0);
      }
      writer.endList(frame);
    }
  }

  /**
   * A table procedure, as Trino writes them: {@code EXECUTE rollback_to_snapshot(123)},
   * {@code EXECUTE expire_snapshots}, {@code EXECUTE remove_orphan_files} (Iceberg tables).
   *
   * @param procedure the procedure's name, lower case
   * @param arguments its arguments as parsed expressions
   */
  public record Execute(String procedure, List<SqlNode> arguments) implements Action {
    public Execute {
      requireNonNull(procedure, "procedure is null");
      arguments = List.copyOf(arguments);
    }

    @Override public void unparse(SqlWriter writer) {
      writer.keyword("EXECUTE");
      writer.identifier(procedure, false);
      SqlWriter.Frame frame = writer.startList("(", ")");
      for (SqlNode argument : arguments) {
        writer.sep(",");
        argument.unparse(writer, 0, 0);
      }
      writer.endList(frame);
    }
  }

  /**
   * {@code DROP [COLUMN] column [CASCADE | RESTRICT]}.
   *
   * @param column the column to drop
   * @param cascade whether dependent views are dropped too
   */
  public record DropColumn(String column, boolean cascade) implements Action {
    public DropColumn {
      requireNonNull(column, "column is null");
    }

    @Override public void unparse(SqlWriter writer) {
      writer.keyword("DROP COLUMN");
      writer.identifier(column, true);
      if (cascade) {
        writer.keyword("CASCADE");
      }
    }
  }

  /**
   * {@code RENAME TO newName}.
   *
   * @param newName the table's new name, unqualified
   */
  public record RenameTable(String newName) implements Action {
    public RenameTable {
      requireNonNull(newName, "newName is null");
    }

    @Override public void unparse(SqlWriter writer) {
      writer.keyword("RENAME TO");
      writer.identifier(newName, true);
    }
  }

  /**
   * {@code RENAME [COLUMN] column TO newName}.
   *
   * @param column the column's current name
   * @param newName its new name
   */
  public record RenameColumn(String column, String newName) implements Action {
    public RenameColumn {
      requireNonNull(column, "column is null");
      requireNonNull(newName, "newName is null");
    }

    @Override public void unparse(SqlWriter writer) {
      writer.keyword("RENAME COLUMN");
      writer.identifier(column, true);
      writer.keyword("TO");
      writer.identifier(newName, true);
    }
  }

  /**
   * {@code ALTER COLUMN column TYPE type}, which Redshift allows only to widen a VARCHAR.
   *
   * @param column the column to change
   * @param type its new type
   */
  public record AlterColumnType(String column, SqlDataTypeSpec type) implements Action {
    public AlterColumnType {
      requireNonNull(column, "column is null");
      requireNonNull(type, "type is null");
    }

    @Override public void unparse(SqlWriter writer) {
      writer.keyword("ALTER COLUMN");
      writer.identifier(column, true);
      writer.keyword("TYPE");
      type.unparse(writer, 0, 0);
    }
  }

  /**
   * {@code ALTER DISTSTYLE {ALL | EVEN | AUTO | KEY DISTKEY column}} or {@code ALTER DISTKEY
   * column}, which implies {@code KEY}.
   *
   * @param distStyle {@code ALL}, {@code EVEN}, {@code AUTO} or {@code KEY}
   * @param distKey the distribution key column when the style is {@code KEY}, else null
   */
  public record AlterDistribution(String distStyle, @Nullable String distKey) implements Action {
    public AlterDistribution {
      requireNonNull(distStyle, "distStyle is null");
      if (distStyle.equals("KEY") != (distKey != null)) {
        throw new IllegalArgumentException("distKey must be given exactly for DISTSTYLE KEY");
      }
    }

    @Override public void unparse(SqlWriter writer) {
      writer.keyword("ALTER DISTSTYLE");
      writer.keyword(distStyle);
      if (distKey != null) {
        writer.keyword("DISTKEY");
        writer.identifier(distKey, true);
      }
    }
  }

  /**
   * {@code ALTER [COMPOUND] SORTKEY (columns)}, {@code ALTER SORTKEY AUTO} or {@code ALTER
   * SORTKEY NONE}.
   *
   * @param kind {@code COMPOUND}, {@code AUTO} or {@code NONE}
   * @param columns the new sort key for {@code COMPOUND}; empty otherwise
   */
  public record AlterSortKey(String kind, List<String> columns) implements Action {
    public AlterSortKey {
      requireNonNull(kind, "kind is null");
      columns = List.copyOf(columns);
    }

    @Override public void unparse(SqlWriter writer) {
      writer.keyword("ALTER");
      if (kind.equals("COMPOUND")) {
        writer.keyword("COMPOUND SORTKEY");
        SqlDdlWriting.names(writer, columns);
      } else {
        writer.keyword("SORTKEY");
        writer.keyword(kind);
      }
    }
  }

  /**
   * Spark's {@code CREATE [OR REPLACE] TAG | BRANCH [IF NOT EXISTS] name [AS OF VERSION id]
   * [RETAIN n DAYS]} on an Iceberg table.
   *
   * @param branch a branch, else a tag
   * @param name the reference's name
   * @param replace whether an existing reference of that name is moved (OR REPLACE)
   * @param ifNotExists whether an existing one is left as it is, without an error
   * @param snapshotId the snapshot it points at; null for the current one
   * @param retainDays how long a tag is kept (a branch's snapshots); null for the table's default
   */
  public record CreateRef(boolean branch, String name, boolean replace, boolean ifNotExists,
      @Nullable Long snapshotId, @Nullable Long retainDays) implements Action {
    public CreateRef {
      requireNonNull(name, "name is null");
    }

    @Override public void unparse(SqlWriter writer) {
      writer.keyword("CREATE");
      if (replace) {
        writer.keyword("OR REPLACE");
      }
      writer.keyword(branch ? "BRANCH" : "TAG");
      if (ifNotExists) {
        writer.keyword("IF NOT EXISTS");
      }
      writer.identifier(name, true);
      if (snapshotId != null) {
        writer.keyword("AS OF VERSION");
        writer.literal(Long.toString(snapshotId));
      }
      if (retainDays != null) {
        writer.keyword("RETAIN");
        writer.literal(Long.toString(retainDays));
        writer.keyword("DAYS");
      }
    }
  }

  /**
   * {@code DROP TAG | BRANCH [IF EXISTS] name} on an Iceberg table.
   *
   * @param branch a branch, else a tag
   * @param name the reference's name
   * @param ifExists whether a missing reference is no error
   */
  public record DropRef(boolean branch, String name, boolean ifExists) implements Action {
    public DropRef {
      requireNonNull(name, "name is null");
    }

    @Override public void unparse(SqlWriter writer) {
      writer.keyword("DROP");
      writer.keyword(branch ? "BRANCH" : "TAG");
      if (ifExists) {
        writer.keyword("IF EXISTS");
      }
      writer.identifier(name, true);
    }
  }

  /** The table to change. */
  public final SqlIdentifier table;
  /** The change. */
  public final Action action;

  public SqlAlterBasaltTable(SqlParserPos pos, SqlIdentifier table, Action action) {
    super(OPERATOR, pos);
    this.table = requireNonNull(table, "table is null");
    this.action = requireNonNull(action, "action is null");
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
