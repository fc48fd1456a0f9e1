package io.basalt.federation.iceberg;

import io.basalt.federation.lake.InsertConversion;
import io.basalt.planner.catalog.TypeMapping;
import io.basalt.planner.catalog.StatementEnvironment;
import io.basalt.planner.catalog.StatementEnvironment.PlannedQuery;
import io.basalt.planner.catalog.StatementEnvironment.QualifiedName;
import io.basalt.planner.sql.SqlBasaltMerge;
import io.basalt.storage.ColumnDefinition;
import io.basalt.storage.StorageException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.calcite.sql.SqlDelete;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlUpdate;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;

/**
 * DELETE, UPDATE and MERGE INTO an Iceberg table. Each reads one snapshot through the table's
 * row-positions view ({@code "t$row_positions" FOR VERSION AS OF <snapshot>}), which gives every
 * row's data file and position, so that the statement knows exactly which rows it removes; an
 * updated or merged row is removed and written again. {@link IcebergCommits} then commits the
 * change as one snapshot, by delete files or by rewriting files, as the table's
 * {@code write.delete.mode}, {@code write.update.mode} and {@code write.merge.mode} say.
 */
final class IcebergDml {
  private final IcebergDdl ddl;

  IcebergDml(IcebergDdl ddl) {
    this.ddl = ddl;
  }

  long delete(QualifiedName name, String database, SqlDelete delete, StatementEnvironment env) {
    Table table = ddl.load(database, name.name());
    Snapshot base = table.currentSnapshot();
    if (base == null) {
      return 0;
    }
    String alias = alias(delete.getAlias(), name);
    String where = delete.getCondition() == null ? ""
        : " WHERE (" + env.sql(delete.getCondition()) + ") IS TRUE";
    PlannedQuery rows = env.plan("SELECT " + quote(alias) + "." + quote(IcebergTableSource
        .FILE_COLUMN) + ", " + quote(alias) + "." + quote(IcebergTableSource.POSITION_COLUMN)
        + " FROM " + positions(name, base, alias) + where);
    RowChangeSet changes = new RowChangeSet(name.toString());
    rows.forEachRow(row -> changes.remove((String) row[0], ((Number) row[1]).longValue()));
    IcebergCommits.commit(table, base, changes, writer(table, name, env),
        IcebergCommits.DELETE_MODE, name, env);
    return changes.count();
  }

  long update(QualifiedName name, String database, SqlUpdate update, StatementEnvironment env) {
    Table table = ddl.load(database, name.name());
    Snapshot base = table.currentSnapshot();
    if (base == null) {
      return 0;
    }
    List<ColumnDefinition> columns = IcebergTypes.columns(table.schema(), name.toString());
    String alias = alias(update.getAlias(), name);
    Map<String, String> set = new HashMap<>();
    SqlNodeList targets = update.getTargetColumnList();
    for (int i = 0; i < targets.size(); i++) {
      String column = ((SqlIdentifier) targets.get(i)).getSimple().toLowerCase(Locale.ROOT);
      if (columns.stream().noneMatch(c -> c.name().equals(column))) {
        throw new StorageException("42703", "Cannot update Iceberg table '" + name
            + "': column \"" + column + "\" does not exist");
      }
      set.put(column, env.sql(update.getSourceExpressionList().get(i)));
    }
    List<String> select = new ArrayList<>();
    for (ColumnDefinition column : columns) {
      String value = set.get(column.name());
      select.add(value != null ? cast("(" + value + ")", column)
          : quote(alias) + "." + quote(column.name()));
    }
    String where = update.getCondition() == null ? ""
        : " WHERE (" + env.sql(update.getCondition()) + ") IS TRUE";
    String query = "SELECT " + String.join(", ", select) + ", " + positionColumns(alias)
        + " FROM " + positions(name, base, alias) + where;
    RowChangeSet changes = new RowChangeSet(name.toString());
    IcebergWrites.RowWriter writer = writer(table, name, env);
    collect(query, columns, env, writer, row -> {
      changes.remove((String) row[columns.size()], ((Number) row[columns.size() + 1])
          .longValue());
      return true;
    });
    long updated = writer.rows();
    IcebergCommits.commit(table, base, changes, writer, IcebergCommits.UPDATE_MODE, name, env);
    return updated;
  }

  /** MERGE INTO target USING source ON condition WHEN ...: see {@link IcebergMerge}. */
  long merge(QualifiedName name, String database, SqlBasaltMerge merge,
      StatementEnvironment env) {
    Table table = ddl.load(database, name.name());
    return new IcebergMerge(table, name, alias(merge.alias, name), env).run(merge);
  }

  /**
   * Runs a query of the table's columns followed by $file and $pos, with the values brought to
   * the columns' types as an assignment does; each row that {@code changes} accepts (after
   * recording what it removes) is written to {@code writer} as the new version of the row. A
   * failure deletes what was written.
   */
  private static void collect(String query, List<ColumnDefinition> columns,
      StatementEnvironment env, IcebergWrites.RowWriter writer,
      java.util.function.Predicate<Object[]> changes) {
    List<ColumnDefinition> target = new ArrayList<>(columns);
    target.add(new ColumnDefinition(IcebergTableSource.FILE_COLUMN, IcebergScan.FILE_TYPE,
        true, null));
    target.add(new ColumnDefinition(IcebergTableSource.POSITION_COLUMN,
        io.basalt.storage.ColumnType.of(io.basalt.storage.TypeName.BIGINT), true, null));
    try {
      PlannedQuery rows = env.plan(query);
      UnaryOperator<Object[]> convert = InsertConversion.converter(rows.columns(), target);
      rows.forEachRow(row -> {
        Object[] converted = convert.apply(row);
        if (changes.test(converted)) {
          writer.write(java.util.Arrays.copyOf(converted, columns.size()));
        }
      });
    } catch (RuntimeException | Error e) {
      writer.abort();
      throw e;
    }
  }

  static IcebergWrites.RowWriter writer(Table table, QualifiedName name,
      StatementEnvironment env) {
    return new IcebergWrites.RowWriter(table, env.queryId(), name.toString());
  }

  /**
   * A new value brought to its column's type in the query itself (one planning instead of
   * two); the converter then checks lengths and ranges as an assignment does.
   */
  static String cast(String value, ColumnDefinition column) {
    return "CAST(" + value + " AS " + TypeMapping.castTarget(column.type()) + ")";
  }

  static String positionColumns(String alias) {
    return quote(alias) + "." + quote(IcebergTableSource.FILE_COLUMN) + ", " + quote(alias)
        + "." + quote(IcebergTableSource.POSITION_COLUMN);
  }

  /** The target's rows at {@code base}, with their files and positions, named {@code alias}. */
  static String positions(QualifiedName name, Snapshot base, String alias) {
    return quote(name.schema()) + "." + quote(name.name() + IcebergTables.ROW_POSITIONS)
        + " FOR VERSION AS OF " + base.snapshotId() + " AS " + quote(alias);
  }

  /**
   * A query of every column, then $file and $pos, of the rows at {@code base} that lie in the
   * data files {@code files}: the rows a copy-on-write change or a compaction rewrites.
   */
  static String rowsOfFiles(QualifiedName name, Snapshot base,
      java.util.Collection<String> files) {
    List<String> quoted = files.stream().map(f -> "'" + f.replace("'", "''") + "'").toList();
    return "SELECT * FROM " + positions(name, base, "t") + " WHERE \"t\"."
        + quote(IcebergTableSource.FILE_COLUMN) + " IN (" + String.join(", ", quoted) + ")";
  }

  static String alias(SqlIdentifier alias, QualifiedName name) {
    return alias == null ? name.name() : alias.getSimple();
  }

  static String quote(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }
}
