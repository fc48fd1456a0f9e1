package io.basalt.federation.lake;

import static java.util.Objects.requireNonNull;

import io.basalt.federation.datacatalog.DataCatalog;
import io.basalt.storage.objectstore.ObjectStore;
import java.util.Map;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.Table;

/**
 * The lake of one server: the Data Catalog, the object store, and what its external tables
 * share across queries (the scan log of SVL_S3QUERY_SUMMARY, sampled column statistics).
 */
public final class Lake {
  private final DataCatalog catalog;
  private final ObjectStore store;
  private final ScanLog scans = new ScanLog();
  private final ColumnSamples samples;
  private final LakeStatements statements;
  private final LakeSystemTables lakeSystemTables;
  private final Map<String, Table> systemTables;

  public Lake(DataCatalog catalog, ObjectStore store) {
    this.catalog = requireNonNull(catalog, "catalog is null");
    this.store = requireNonNull(store, "store is null");
    this.samples = new ColumnSamples(catalog);
    this.statements = new LakeStatements(catalog, store);
    this.lakeSystemTables = new LakeSystemTables(catalog, scans);
    this.systemTables = lakeSystemTables.tables();
  }

  /** The schema of external schema {@code name}, bound to catalog database {@code database}. */
  public Schema schema(String name, String database) {
    return new ExternalSchema(catalog, store, scans, samples, name, database);
  }

  /** The scans of SVL_S3QUERY_SUMMARY, which Iceberg scans are recorded in too. */
  public ScanLog scanLog() {
    return scans;
  }

  /** Makes the lake's system tables list {@code tables} (Iceberg's) next to its own. */
  public void listAlso(ListedTables tables) {
    lakeSystemTables.listAlso(tables);
  }

  public LakeStatements statements() {
    return statements;
  }

  public Map<String, Table> systemTables() {
    return systemTables;
  }
}
