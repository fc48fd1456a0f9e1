package io.basalt.storage.catalog;

import io.basalt.storage.ColumnDefinition;
import io.basalt.storage.DistStyle;
import io.basalt.storage.StorageException;
import io.basalt.storage.TableDefinition;
import java.util.HashSet;
import java.util.Set;

/** The checks a table definition must pass before the catalog records it. */
final class DefinitionCheck {
  private DefinitionCheck() {}

  /** Checks what a table definition refers to: column names, distkey and sort key columns. */
  static void validate(TableDefinition table) {
    String qualified = "\"" + table.schema() + "." + table.name() + "\"";
    if (table.columns().isEmpty()) {
      throw new StorageException("42601", "Cannot create table " + qualified
          + ": a table needs at least one column");
    }
    Set<String> names = new HashSet<>();
    for (ColumnDefinition column : table.columns()) {
      if (!names.add(column.name())) {
        throw new StorageException("42701", "Cannot create table " + qualified + ": column \""
            + column.name() + "\" specified more than once");
      }
    }
    if (table.distStyle() == DistStyle.KEY && table.distKey() == null) {
      throw new StorageException("42601", "Cannot create table " + qualified
          + ": DISTSTYLE KEY needs a DISTKEY column");
    }
    if (table.distKey() != null && !names.contains(table.distKey())) {
      throw new StorageException("42703", "Cannot create table " + qualified + ": column \""
          + table.distKey() + "\" named in DISTKEY does not exist");
    }
    for (String column : table.sortKeyColumns()) {
      if (!names.contains(column)) {
        throw new StorageException("42703", "Cannot create table " + qualified + ": column \""
            + column + "\" named in SORTKEY does not exist");
      }
    }
  }
}
