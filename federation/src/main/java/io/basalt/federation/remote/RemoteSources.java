package io.basalt.federation.remote;

import io.basalt.federation.datacatalog.DataCatalog;
import io.basalt.federation.datacatalog.ExternalSchemaDefinition;
import io.basalt.planner.catalog.ComputedTable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.Table;
import org.apache.calcite.sql.type.SqlTypeName;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The federated (PostgreSQL and MySQL) schemas of the Data Catalog, each with its {@link
 * RemoteSource}, kept while the schema's definition stays the same; a dropped or redefined
 * schema's pool is closed. Also keeps the named secrets ({@link RemoteSecrets}) and the
 * federated tables' properties ({@link RemoteTableProperties}). Entry point of the package for
 * {@code FederatedCatalogs}.
 */
public final class RemoteSources implements AutoCloseable {
  private final DataCatalog catalog;
  private final SecretBox box;
  private final RemoteSecrets secrets;
  private final RemoteTableProperties properties;
  private final Map<String, RemoteSource> sources = new HashMap<>();
  /** Counts every change plans may depend on: metadata dropped, secrets, table properties. */
  private final AtomicLong changes = new AtomicLong();
  private final LongSupplier nanoClock;
  private final RemoteQueryLog log = new RemoteQueryLog();
  private final Map<String, Table> systemTables;

  public RemoteSources(DataCatalog catalog, Path catalogDirectory) {
    this(catalog, catalogDirectory, System::nanoTime);
  }

  /** Sources whose metadata ages by {@code nanoClock} (a test hook). */
  RemoteSources(DataCatalog catalog, Path catalogDirectory, LongSupplier nanoClock) {
    this.catalog = catalog;
    this.nanoClock = nanoClock;
    this.box = new SecretBox(catalogDirectory);
    this.secrets = new RemoteSecrets(catalogDirectory, box);
    this.properties = new RemoteTableProperties(catalogDirectory);
    Map<String, Table> tables = new HashMap<>(new RemoteSystemTables(log).tables());
    tables.put("svv_secrets", secretsTable());
    this.systemTables = Map.copyOf(tables);
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
      known = new RemoteSource(definition, box, secrets, properties, changes, nanoClock,
          log);
      sources.put(name, known);
    }
    return known;
  }

  /** Closes the pool of {@code name} if it has one (after DROP SCHEMA or CREATE). */
  public synchronized void forget(String name) {
    RemoteSource known = sources.remove(name);
    if (known != null) {
      known.close();
      changes.incrementAndGet();
    }
  }

  /**
   * SVL_FEDERATE_SUBQUERY (and its Redshift name SVL_FEDERATED_QUERY) and SVV_SECRETS, by
   * lower-case name.
   */
  public Map<String, Table> systemTables() {
    return systemTables;
  }

  /** {@code password} sealed for the catalog files. */
  public String seal(String password) {
    return box.seal(password);
  }

  RemoteSecrets secrets() {
    return secrets;
  }

  RemoteTableProperties properties() {
    return properties;
  }

  /** Counts one change that plans made before may depend on. */
  void changed() {
    changes.incrementAndGet();
  }

  /**
   * Increases whenever something plans were made with changes: a schema's cached metadata
   * dropped (by REFRESH, or expired, which this checks), a secret or a table property changed.
   */
  public long version() {
    List<RemoteSource> known;
    synchronized (this) {
      known = new ArrayList<>(sources.values());
    }
    known.forEach(RemoteSource::expireIfStale);
    return changes.get();
  }

  /** The federated schemas (by name) that log in with secret {@code name}. */
  List<String> schemasUsing(String secret) {
    List<String> using = new ArrayList<>();
    for (ExternalSchemaDefinition schema : catalog.externalSchemas()) {
      String arn = schema.options().get("secret_arn");
      if (isRemote(schema) && arn != null && RemoteSecrets.nameOf(arn).equals(secret)) {
        using.add(schema.name());
      }
    }
    return using;
  }

  /** SVV_SECRETS: each secret's name, user, creation time and users; never the password. */
  private Table secretsTable() {
    return new ComputedTable(f -> f.builder()
        .add("secret_name", SqlTypeName.VARCHAR, 128)
        .add("user_name", SqlTypeName.VARCHAR, 128)
        .add("created", SqlTypeName.TIMESTAMP, 3)
        .add("schemas", SqlTypeName.VARCHAR, 4096)
        .build(), factory -> {
          List<Object[]> rows = new ArrayList<>();
          for (RemoteSecrets.Secret secret : secrets.list()) {
            rows.add(new Object[] {secret.name(), secret.user(), secret.createdMillis(),
                String.join(",", schemasUsing(secret.name()))});
          }
          return rows;
        });
  }

  @Override
  public synchronized void close() {
    sources.values().forEach(RemoteSource::close);
    sources.clear();
  }
}
