package io.basalt.federation;

import io.basalt.federation.iceberg.IcebergTables;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.apache.calcite.schema.lookup.CompatibilityLookup;
import org.apache.calcite.schema.lookup.LikePattern;
import org.apache.calcite.schema.lookup.Lookup;
import org.apache.calcite.schema.lookup.Named;

/**
 * An external schema bound to a Data Catalog database, showing the database's lake tables
 * (external Parquet, CSV and JSON tables) and its Iceberg tables (the Iceberg namespace of the
 * same name) as one schema. A lake table shadows an Iceberg table of the same name, which
 * CREATE TABLE prevents. The metadata tables of Iceberg tables ({@code orders$snapshots}) are
 * found by name but not listed, as they are not in information_schema.
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
    return new Tables();
  }

  private Table table(String tableName) {
    Table table = lake.tables().get(tableName);
    return table != null ? table : iceberg.table(name, database, tableName).orElse(null);
  }

  private Set<String> tableNames() {
    Set<String> names = new TreeSet<>(lake.tables().getNames(LikePattern.any()));
    names.addAll(iceberg.tableNames(database));
    return names;
  }

  /**
   * The schema's tables. Calcite answers a lookup that ignores case from the listed names, which
   * leave the metadata tables out; so a name with a {@code $} that is not listed is the
   * metadata table of the listed table before the {@code $} (matched ignoring case).
   */
  private final class Tables extends CompatibilityLookup<Table> {
    Tables() {
      super(DatabaseSchema.this::table, DatabaseSchema.this::tableNames);
    }

    @Override
    public Named<Table> getIgnoreCase(String tableName) {
      Named<Table> listed = super.getIgnoreCase(tableName);
      int dollar = tableName.lastIndexOf('$');
      if (listed != null || dollar < 0) {
        return listed;
      }
      String base = tableName.substring(0, dollar);
      Set<String> names = tableNames();
      String found = names.contains(base) ? base : names.stream()
          .filter(n -> n.equalsIgnoreCase(base)).findFirst().orElse(null);
      if (found == null) {
        return null;
      }
      String metadataName = found + "$" + tableName.substring(dollar + 1).toLowerCase(Locale.ROOT);
      Table table = table(metadataName);
      return table == null ? null : new Named<>(metadataName, table);
    }
  }
}
