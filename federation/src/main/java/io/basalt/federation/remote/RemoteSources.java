package io.basalt.federation.remote;

import io.basalt.federation.datacatalog.DataCatalog;
import io.basalt.federation.datacatalog.ExternalSchemaDefinition;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.Table;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The federated (PostgreSQL and MySQL) schemas of the Data Catalog, each with its {@link
 * RemoteSource}, kept while the schema's definition stays the same; a dropped or redefined
 * schema's pool is closed. Entry point of the package for {@code FederatedCatalogs}.
 */
public final class RemoteSources implements AutoCloseable {
  private final DataCatalog catalog;
  private final SecretBox secrets;
  private final Map<String, RemoteSource> sources = new HashMap<>();
  private final RemoteQueryLog log = new RemoteQueryLog();
  private final Map<String, Table> systemTables = new RemoteSystemTables(log).tables();

  public RemoteSources(DataCatalog catalog, Path catalogDirectory) {
    this.catalog = catalog;
    this.secrets = new SecretBox(catalogDirectory);
  }

  public static boolean isRemote(ExternalSchemaDefinition definition) {
    return definition.sourceKind().equals(ExternalSchemaDefinition.POSTGRES)
        || definition.sourceKind().equals(ExternalSchemaDefinition.MYSQL);
  }

  /** The Calcite schema of federated schema {@code name}, or null when it is not one. */
  public @Nullable Schema schema(String name) {
    RemoteSource source = source(name);
    return source == null ? null : new RemoteSchema(source);
  }

  /** Whether {@code name} is a federated schema. */
  public boolean isRemote(String name) {
    return catalog.externalSchema(name).map(RemoteSources::isRemote).orElse(false);
  }

  synchronized @Nullable RemoteSource source(String name) {
    ExternalSchemaDefinition definition = catalog.externalSchema(name).orElse(null);
    RemoteSource known = sources.get(name);
    if (known != null && (definition == null || !known.definition().equals(definition))) {
      sources.remove(name).close();
      known = null;
    }
    if (definition == null || !isRemote(definition)) {
      return null;
    }
    if (known == null) {
      known = new RemoteSource(definition, secrets, log);
      sources.put(name, known);
    }
    return known;
  }

  /** Closes the pool of {@code name} if it has one (after DROP SCHEMA or CREATE). */
  public synchronized void forget(String name) {
    RemoteSource known = sources.remove(name);
    if (known != null) {
      known.close();
    }
  }

  /** SVL_FEDERATE_SUBQUERY (and its Redshift name SVL_FEDERATED_QUERY), by lower-case name. */
  public Map<String, Table> systemTables() {
    return systemTables;
  }

  /** {@code password} sealed for the catalog files. */
  public String seal(String password) {
    return secrets.seal(password);
  }

  @Override
  public synchronized void close() {
    sources.values().forEach(RemoteSource::close);
    sources.clear();
  }
}
