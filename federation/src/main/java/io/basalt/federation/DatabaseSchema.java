package io.basalt.federation;

import io.basalt.federation.iceberg.IcebergTables;
import java.util.Set;
import java.util.TreeSet;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.apache.calcite.schema.lookup.CompatibilityLookup;
import org.apache.calcite.schema.lookup.Lookup;

/**
 * An external schema bound to a Data Catalog database, showing the database's lake tables
 * (external Parquet, CSV and JSON tables) and its Iceberg tables (the Iceberg namespace of the
 * same name) as one schema. A lake table shadows an Iceberg table of the same name, which
 * CREATE TABLE prevents.
 */
final class DatabaseSchema extends AbstractSchema {
  private final Schema lake;
  private final IcebergTables iceberg;
  private final String name;
  private final String database;

  DatabaseSchema(Schema lake, IcebergTables iceberg, String name, String database) {
    this.lake = lake;
    this.iceberg = iceberg;
    this.name = name;
    this.database = database;
  }

  @Override
  public Lookup<Table> tables() {
    return new CompatibilityLookup<>(this::table, this::tableNames);
  }

  private Table table(String tableName) {
    Table table = lake.tables().get(tableName);
    return table != null ? table : iceberg.table(name, database, tableName).orElse(null);
  }

  private Set<String> tableNames() {
    Set<String> names = new TreeSet<>(lake.tables().getNames(
        org.apache.calcite.schema.lookup.LikePattern.any()));
    names.addAll(iceberg.tableNames(database));
    return names;
  }
}
