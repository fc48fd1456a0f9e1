package io.basalt.federation;

import static java.util.Objects.requireNonNull;

import io.basalt.federation.datacatalog.DataCatalog;
import io.basalt.federation.datacatalog.ExternalSchemaDefinition;
import io.basalt.federation.iceberg.IcebergCatalog;
import io.basalt.federation.iceberg.IcebergCatalogStore;
import io.basalt.federation.iceberg.IcebergStatements;
import io.basalt.federation.iceberg.IcebergTables;
import io.basalt.federation.lake.Lake;
import io.basalt.federation.remote.RemoteSources;
import io.basalt.federation.remote.RemoteStatements;
import io.basalt.planner.catalog.ExternalCatalog;
import io.basalt.planner.catalog.StatementEnvironment;
import io.basalt.storage.objectstore.ObjectStore;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.Table;
import org.apache.calcite.sql.SqlNode;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Every catalog of tables outside the native store, as the planner's {@link ExternalCatalog}:
 * the lake's Data Catalog (external Parquet, CSV and JSON tables over an object store), the
 * Iceberg catalog, whose tables share the lake's external schemas, and the federated
 * PostgreSQL and MySQL schemas, whose tables are the remote databases' own.
 * One instance per server, owned by the composition root.
 */
public final class FederatedCatalogs implements ExternalCatalog, AutoCloseable {
  private final DataCatalog catalog;
  private final ObjectStore store;
  private final Lake lake;
  private final IcebergCatalog icebergCatalog;
  private final IcebergTables iceberg;
  private final IcebergStatements icebergStatements;
  private final RemoteSources remote;
  private final RemoteStatements remoteStatements;

  private FederatedCatalogs(DataCatalog catalog, ObjectStore store,
      IcebergCatalog icebergCatalog, Path catalogDirectory) {
    this.catalog = requireNonNull(catalog, "catalog is null");
    this.store = requireNonNull(store, "store is null");
    this.lake = new Lake(catalog, store);
    this.icebergCatalog = requireNonNull(icebergCatalog, "icebergCatalog is null");
    this.iceberg = new IcebergTables(icebergCatalog, lake.scanLog());
    lake.listAlso(iceberg);
    this.icebergStatements = new IcebergStatements(catalog, icebergCatalog);
    this.remote = new RemoteSources(catalog, catalogDirectory);
    this.remoteStatements = new RemoteStatements(catalog, remote);
  }

  /**
   * The catalogs kept under {@code catalogDirectory} (the Data Catalog's files and the Iceberg
   * catalog's SQLite database), reading files through {@code store}.
   */
  public static FederatedCatalogs open(Path catalogDirectory, ObjectStore store) {
    return open(catalogDirectory, store, IcebergCatalogStore.sqlite(catalogDirectory));
  }

  /**
   * The Data Catalog kept under {@code catalogDirectory} and the Iceberg catalog kept in
   * {@code icebergStore} (SQLite, by default under that directory, or PostgreSQL).
   */
  public static FederatedCatalogs open(Path catalogDirectory, ObjectStore store,
      IcebergCatalogStore icebergStore) {
    DataCatalog dataCatalog = DataCatalog.open(catalogDirectory);
    return new FederatedCatalogs(dataCatalog, store, IcebergCatalog.open(icebergStore, store),
        catalogDirectory);
  }

  public IcebergCatalog icebergCatalog() {
    return icebergCatalog;
  }

  public DataCatalog dataCatalog() {
    return catalog;
  }

  public ObjectStore objectStore() {
    return store;
  }

  @Override
  public Set<String> schemaNames() {
    Set<String> names = new TreeSet<>();
    catalog.externalSchemas().forEach(s -> names.add(s.name()));
    return names;
  }

  @Override
  public @Nullable Schema schema(String name) {
    ExternalSchemaDefinition definition = catalog.externalSchema(name).orElse(null);
    if (definition == null) {
      return null;
    }
    if (RemoteSources.isRemote(definition)) {
      return remote.schema(name);
    }
    if (!definition.sourceKind().equals(ExternalSchemaDefinition.DATA_CATALOG)) {
      return null;
    }
    return new DatabaseSchema(lake.schema(definition.name(), definition.database()), iceberg,
        definition.name(), definition.database());
  }

  @Override
  public Optional<ExternalStatement> statement(SqlNode statement, StatementEnvironment env) {
    Optional<ExternalStatement> onRemote = remoteStatements.statement(statement, env);
    if (onRemote.isPresent()) {
      return onRemote;
    }
    Optional<ExternalStatement> onIceberg = icebergStatements.statement(statement, env);
    return onIceberg.isPresent() ? onIceberg : lake.statements().statement(statement, env);
  }

  @Override
  public Map<String, Table> systemTables() {
    Map<String, Table> tables = new java.util.HashMap<>(lake.systemTables());
    tables.putAll(remote.systemTables());
    return Map.copyOf(tables);
  }

  @Override
  public long version() {
    return catalog.version() + icebergCatalog.version();
  }

  /** Releases the Iceberg catalog's database connections and the federated schemas' pools. */
  @Override
  public void close() {
    remote.close();
    icebergCatalog.close();
  }
}
