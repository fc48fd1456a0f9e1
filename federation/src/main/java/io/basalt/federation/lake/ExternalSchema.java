package io.basalt.federation.lake;

import io.basalt.federation.datacatalog.CatalogTable;
import io.basalt.federation.datacatalog.DataCatalog;
import io.basalt.storage.objectstore.ObjectStore;
import java.util.Set;
import java.util.TreeSet;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.apache.calcite.schema.lookup.CompatibilityLookup;
import org.apache.calcite.schema.lookup.Lookup;

/**
 * An external schema bound to a Data Catalog database: its tables are looked up in the catalog
 * on every call, so a table created or crawled by any session is visible at once.
 */
final class ExternalSchema extends AbstractSchema {
  private final DataCatalog catalog;
  private final ObjectStore store;
  private final ScanLog log;
  private final ColumnSamples samples;
  private final String name;
  private final String database;

  ExternalSchema(DataCatalog catalog, ObjectStore store, ScanLog log, ColumnSamples samples,
      String name, String database) {
    this.catalog = catalog;
    this.store = store;
    this.log = log;
    this.samples = samples;
    this.name = name;
    this.database = database;
  }

  @Override
  public Lookup<Table> tables() {
    return new CompatibilityLookup<>(this::table, this::tableNames);
  }

  private Table table(String tableName) {
    CatalogTable table = catalog.table(database, tableName).orElse(null);
    return table == null ? null
        : new ExternalTable(new ExternalTableSource(catalog, store, log, samples, name, table));
  }

  private Set<String> tableNames() {
    Set<String> names = new TreeSet<>();
    catalog.tables(database).forEach(t -> names.add(t.name()));
    return names;
  }
}
