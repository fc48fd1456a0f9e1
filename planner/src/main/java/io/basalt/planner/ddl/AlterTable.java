package io.basalt.planner.ddl;

import io.basalt.planner.catalog.CatalogServices;
import io.basalt.planner.catalog.TableLocks;
import io.basalt.planner.catalog.TypeMapping;
import io.basalt.planner.sql.SqlAlterBasaltTable;
import io.basalt.planner.sql.SqlAlterBasaltTable.AddColumn;
import io.basalt.planner.sql.SqlAlterBasaltTable.AlterColumnType;
import io.basalt.planner.sql.SqlAlterBasaltTable.AlterDistribution;
import io.basalt.planner.sql.SqlAlterBasaltTable.AlterSortKey;
import io.basalt.planner.sql.SqlAlterBasaltTable.DropColumn;
import io.basalt.planner.sql.SqlAlterBasaltTable.RenameColumn;
import io.basalt.planner.sql.SqlAlterBasaltTable.RenameTable;
import io.basalt.storage.ColumnDefinition;
import io.basalt.storage.ColumnType;
import io.basalt.storage.DistStyle;
import io.basalt.storage.RowBatch;
import io.basalt.storage.ScanRequest;
import io.basalt.storage.SortKeyKind;
import io.basalt.storage.StorageEngine;
import io.basalt.storage.StorageException;
import io.basalt.storage.TableDefinition;
import io.basalt.storage.TableSnapshot;
import io.basalt.storage.TypeName;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * ALTER TABLE. Renaming a table is a catalog change; every other action writes the table's rows
 * again under its new definition in one commit (new column NULL, dropped column left out,
 * rows re-sliced and re-sorted for a new distribution or sort key).
 */
final class AlterTable {
  private final CatalogServices services;
  private final StorageEngine storage;
  private final Names names;
  private final QueryRunner queries;

  AlterTable(CatalogServices services, Names names, QueryRunner queries) {
    this.services = services;
    this.storage = services.storage();
    this.names = names;
    this.queries = queries;
  }

  long execute(SqlAlterBasaltTable alter) {
    Names.Qualified name = names.qualify(alter.table);
    try (TableLocks.Held held = services.tableLocks().lock(name.schema(), name.name())) {
      TableDefinition table = storage.table(name.schema(), name.name()).orElseThrow(() ->
          new StorageException("42P01", "Cannot alter table \"" + name + "\": relation \""
              + name + "\" does not exist"));
      SqlAlterBasaltTable.Action action = alter.action;
      if (action instanceof RenameTable rename) {
        storage.renameTable(name.schema(), name.name(), rename.newName());
      } else if (action instanceof AddColumn add) {
        addColumn(table, add);
      } else if (action instanceof SqlAlterBasaltTable.AddColumns add) {
        for (var column : add.columns()) {
          addColumn(storage.table(name.schema(), name.name()).orElseThrow(),
              new AddColumn(column));
        }
      } else if (action instanceof SqlAlterBasaltTable.Execute execute) {
        throw new StorageException("0A000", "Cannot alter table \"" + name + "\": procedure "
            + execute.procedure() + " is for Iceberg tables");
      } else if (action instanceof SqlAlterBasaltTable.CreateRef
          || action instanceof SqlAlterBasaltTable.DropRef) {
        throw new StorageException("0A000", "Cannot alter table \"" + name + "\": tags and "
            + "branches are for Iceberg tables");
      } else if (action instanceof SqlAlterBasaltTable.ChangePartitioning) {
        throw new StorageException("0A000", "Cannot alter table \"" + name + "\": partition "
            + "fields are for Iceberg tables; native tables are distributed and sorted instead");
      } else if (action instanceof DropColumn drop) {
        dropColumn(table, drop);
      } else if (action instanceof RenameColumn rename) {
        renameColumn(table, rename);
      } else if (action instanceof AlterColumnType change) {
        alterType(table, change);
      } else if (action instanceof AlterDistribution distribution) {
        rewrite(withDistribution(table, distribution), row -> row);
      } else if (action instanceof AlterSortKey sortKey) {
        rewrite(withSortKey(table, sortKey), row -> row);
      }
    }
    return 0;
  }

  private void addColumn(TableDefinition table, AddColumn add) {
    String columnName = add.column().name.getSimple();
    if (table.columnIndex(columnName) >= 0) {
      throw new StorageException("42701", "Cannot add column \"" + columnName + "\" to \""
          + table.schema() + "." + table.name() + "\": it already exists");
    }
    boolean empty = storage.snapshot(table.schema(), table.name()).stats().rowCount() == 0;
    if (!add.column().nullable && !empty) {
      throw new StorageException("23502", "Cannot add NOT NULL column \"" + columnName
          + "\" to \"" + table.schema() + "." + table.name() + "\": it has rows");
    }
    ColumnType type = TypeMapping.toColumnType(queries.deriveType(add.column().dataType),
        columnName);
    List<ColumnDefinition> columns = new ArrayList<>(table.columns());
    columns.add(new ColumnDefinition(columnName, type, add.column().nullable,
        add.column().encoding));
    int width = columns.size();
    rewrite(withColumns(table, columns, table.distKey(), table.sortKeyColumns()), row -> {
      Object[] wider = new Object[width];
      System.arraycopy(row, 0, wider, 0, row.length);
      return wider;
    });
  }

  private void dropColumn(TableDefinition table, DropColumn drop) {
    int index = columnOf(table, drop.column());
    if (drop.column().equals(table.distKey()) || table.sortKeyColumns().contains(drop.column())) {
      throw new StorageException("0A000", "Cannot drop column \"" + drop.column() + "\" of \""
          + table.schema() + "." + table.name() + "\": it is the distribution or sort key");
    }
    if (table.columns().size() == 1) {
      throw new StorageException("0A000", "Cannot drop column \"" + drop.column()
          + "\": it is the table's only column");
    }
    List<ColumnDefinition> columns = new ArrayList<>(table.columns());
    columns.remove(index);
    rewrite(withColumns(table, columns, table.distKey(), table.sortKeyColumns()), row -> {
      Object[] narrower = new Object[row.length - 1];
      System.arraycopy(row, 0, narrower, 0, index);
      System.arraycopy(row, index + 1, narrower, index, row.length - index - 1);
      return narrower;
    });
  }

  private void renameColumn(TableDefinition table, RenameColumn rename) {
    int index = columnOf(table, rename.column());
    if (table.columnIndex(rename.newName()) >= 0) {
      throw new StorageException("42701", "Cannot rename column \"" + rename.column()
          + "\" to \"" + rename.newName() + "\": that column already exists");
    }
    List<ColumnDefinition> columns = new ArrayList<>(table.columns());
    ColumnDefinition old = columns.get(index);
    columns.set(index, new ColumnDefinition(rename.newName(), old.type(), old.nullable(),
        old.encoding()));
    UnaryOperator<String> renamed = c -> c.equals(rename.column()) ? rename.newName() : c;
    rewrite(withColumns(table, columns,
        table.distKey() == null ? null : renamed.apply(table.distKey()),
        table.sortKeyColumns().stream().map(renamed).toList()), row -> row);
  }

  /** Redshift only lets a VARCHAR column grow. */
  private void alterType(TableDefinition table, AlterColumnType change) {
    int index = columnOf(table, change.column());
    ColumnDefinition old = table.columns().get(index);
    ColumnType type = TypeMapping.toColumnType(queries.deriveType(change.type()),
        change.column());
    if (old.type().name() != TypeName.VARCHAR || type.name() != TypeName.VARCHAR
        || type.precision() < old.type().precision()) {
      throw new StorageException("0A000", "Cannot alter column \"" + change.column()
          + "\" to " + type.sqlName() + ": only a VARCHAR column's length can be increased");
    }
    List<ColumnDefinition> columns = new ArrayList<>(table.columns());
    columns.set(index, new ColumnDefinition(old.name(), type, old.nullable(), old.encoding()));
    rewrite(withColumns(table, columns, table.distKey(), table.sortKeyColumns()), row -> row);
  }

  private static TableDefinition withDistribution(TableDefinition table,
      AlterDistribution change) {
    DistStyle style = DistStyle.valueOf(change.distStyle().toUpperCase(Locale.ROOT));
    if (style == DistStyle.KEY && change.distKey() == null) {
      throw new StorageException("42601", "Cannot alter table \"" + table.name()
          + "\": DISTSTYLE KEY needs a DISTKEY column");
    }
    if (change.distKey() != null) {
      columnOf(table, change.distKey());
    }
    return new TableDefinition(table.id(), table.schema(), table.name(), table.columns(), style,
        style == DistStyle.KEY ? change.distKey() : null, table.sortKeyKind(),
        table.sortKeyColumns(), table.temporary());
  }

  private static TableDefinition withSortKey(TableDefinition table, AlterSortKey change) {
    change.columns().forEach(column -> columnOf(table, column));
    SortKeyKind kind = change.columns().isEmpty() ? SortKeyKind.NONE
        : "INTERLEAVED".equalsIgnoreCase(change.kind()) ? SortKeyKind.INTERLEAVED
            : SortKeyKind.COMPOUND;
    return new TableDefinition(table.id(), table.schema(), table.name(), table.columns(),
        table.distStyle(), table.distKey(), kind, change.columns(), table.temporary());
  }

  private static TableDefinition withColumns(TableDefinition table,
      List<ColumnDefinition> columns, String distKey, List<String> sortKeyColumns) {
    return new TableDefinition(table.id(), table.schema(), table.name(), columns,
        table.distStyle(), distKey, table.sortKeyKind(), sortKeyColumns, table.temporary());
  }

  private static int columnOf(TableDefinition table, String column) {
    int index = table.columnIndex(column);
    if (index < 0) {
      throw new StorageException("42703", "Cannot alter table \"" + table.schema() + "."
          + table.name() + "\": column \"" + column + "\" does not exist");
    }
    return index;
  }

  /** Writes every row, transformed, under the new definition, in one commit. */
  private void rewrite(TableDefinition newDefinition, UnaryOperator<Object[]> transform) {
    TableSnapshot snapshot = storage.snapshot(newDefinition.schema(), newDefinition.name());
    TableDefinition old = snapshot.definition();
    try (RoutedWriter writer = new RoutedWriter(storage.newRedefiningWriter(newDefinition),
        newDefinition, services.slices())) {
      Iterator<RowBatch> batches = snapshot.scan(ScanRequest.allColumns(old));
      while (batches.hasNext()) {
        RowBatch batch = batches.next();
        for (int r = 0; r < batch.rowCount(); r++) {
          writer.appendStored(transform.apply(batch.row(r)));
        }
      }
      writer.commit();
    }
  }
}
