package io.basalt.federation.iceberg;

import static java.util.Objects.requireNonNull;

import io.basalt.storage.StorageException;
import io.basalt.storage.objectstore.ObjectStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.iceberg.CatalogProperties;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.NoSuchTableException;
import org.apache.iceberg.jdbc.JdbcCatalog;

/**
 * The server's Iceberg catalog: Apache Iceberg's {@link JdbcCatalog} over an embedded SQLite
 * database under the data directory or over the database the configuration names (PostgreSQL,
 * see {@link IcebergCatalogStore}), with every file read and written through the object store. Namespaces
 * are Data Catalog database names; table names are lower case, as everywhere in Basalt.
 */
public final class IcebergCatalog implements AutoCloseable {
  /** The catalog name recorded in the JDBC tables' rows; other engines pointed at them use it. */
  public static final String NAME = "basalt";

  private final JdbcCatalog catalog;
  private final ObjectStore store;
  /** Tables loaded once and refreshed on each use, rather than loaded again each time. */
  private final java.util.Map<TableIdentifier, Table> loaded =
      new java.util.concurrent.ConcurrentHashMap<>();
  /** Increases with every table created, registered, dropped or changed in shape. */
  private final java.util.concurrent.atomic.AtomicLong version =
      new java.util.concurrent.atomic.AtomicLong();

  private IcebergCatalog(JdbcCatalog catalog, ObjectStore store) {
    this.catalog = catalog;
    this.store = store;
  }

  /** The catalog in {@code <directory>/iceberg.db}, created on first use. */
  public static IcebergCatalog open(Path directory, ObjectStore store) {
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return open(IcebergCatalogStore.sqlite(directory), store);
  }

  /**
   * The catalog whose rows are kept in {@code database}; its tables there are created on first
   * use. A database that cannot be reached or logged into is an error naming its host (never
   * the password), with the driver's SQLSTATE when it gave one (08001: no connection, 28P01:
   * wrong password, 3D000: no such database), else 58030.
   */
  public static IcebergCatalog open(IcebergCatalogStore database, ObjectStore store) {
    requireNonNull(database, "database is null");
    requireNonNull(store, "store is null");
    Map<String, String> properties = new HashMap<>();
    properties.put(CatalogProperties.URI, database.jdbcUrl());
    // Tables without LOCATION get one below this; CREATE TABLE asks for LOCATION regardless.
    properties.put(CatalogProperties.WAREHOUSE_LOCATION, "s3://iceberg-warehouse");
    // V1 also records views; SQLite serializes writers, so one connection avoids lock errors.
    properties.put("jdbc.schema-version", "V1");
    properties.put(CatalogProperties.CLIENT_POOL_SIZE, database.sqlite() ? "1" : "4");
    database.connectionProperties().forEach(
        (k, v) -> properties.put(JdbcCatalog.PROPERTY_PREFIX + k, v));
    JdbcCatalog catalog = new JdbcCatalog(p -> new ObjectStoreFileIO(store), null, true);
    try {
      catalog.initialize(NAME, properties);
    } catch (RuntimeException e) {
      throw cannotOpen(database, e);
    }
    return new IcebergCatalog(catalog, store);
  }

  private static StorageException cannotOpen(IcebergCatalogStore database, RuntimeException e) {
    // Iceberg wraps the driver's exception ("Cannot initialize JDBC catalog: Connection
    // failed"): the driver's own message and SQLSTATE say what went wrong.
    SQLException driver = null;
    for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
      if (t instanceof SQLException sql) {
        driver = sql;
        break;
      }
    }
    String sqlState = driver != null && driver.getSQLState() != null
        && driver.getSQLState().length() == 5 ? driver.getSQLState() : "58030";
    String where = database.host().map(h -> "on host " + h + " (" + database.description() + ")")
        .orElse("at '" + database.description() + "'");
    String reason = driver != null ? driver.getMessage() : e.getMessage();
    return new StorageException(sqlState, "Cannot open the Iceberg catalog database " + where
        + ": " + reason, e);
  }

  /**
   * The JdbcCatalog itself: Basalt's DDL and writes use it, the Iceberg REST catalog serves it to
   * other engines, and tests read it. Whoever changes a table's definition through it calls
   * {@link #changed()}.
   */
  public JdbcCatalog catalog() {
    return catalog;
  }

  ObjectStore store() {
    return store;
  }

  /** Increases whenever a table's definition changes (plans prepared before go stale). */
  public long version() {
    return version.get();
  }

  /** Records that a table was created, dropped, renamed or altered, so that plans go stale. */
  public void changed() {
    // A table dropped, renamed or registered again is loaded afresh.
    loaded.clear();
    version.incrementAndGet();
  }

  static TableIdentifier identifier(String database, String table) {
    return TableIdentifier.of(Namespace.of(database), table);
  }

  /** The table as last committed, or empty when the database has no Iceberg table of that name. */
  public Optional<Table> table(String database, String name) {
    TableIdentifier id = identifier(database, name);
    Table cached = loaded.get(id);
    if (cached != null) {
      try {
        // A refresh asks the catalog database for the current metadata file and reads it only
        // when it changed: the table as last committed, by any writer, at the cost of a query.
        synchronized (cached) {
          cached.refresh();
        }
        return Optional.of(cached);
      } catch (NoSuchTableException e) {
        loaded.remove(id, cached);
        return Optional.empty();
      }
    }
    try {
      Table table = catalog.loadTable(id);
      loaded.put(id, table);
      return Optional.of(table);
    } catch (NoSuchTableException e) {
      return Optional.empty();
    }
  }

  /** Whether an Iceberg table of that name exists, without reading its metadata file. */
  public boolean exists(String database, String name) {
    return table(database, name).isPresent();
  }

  /** The Iceberg tables' names in a database. */
  public Set<String> tableNames(String database) {
    Set<String> names = new TreeSet<>();
    Namespace namespace = Namespace.of(database);
    if (!catalog.namespaceExists(namespace)) {
      return names;
    }
    List<TableIdentifier> tables = catalog.listTables(namespace);
    tables.forEach(t -> names.add(t.name()));
    return names;
  }

  /** Makes sure the namespace of a Data Catalog database exists before a table goes in it. */
  void ensureNamespace(String database) {
    Namespace namespace = Namespace.of(database);
    if (!catalog.namespaceExists(namespace)) {
      try {
        catalog.createNamespace(namespace, Map.of());
      } catch (org.apache.iceberg.exceptions.AlreadyExistsException ignored) {
        // Another session created it first.
      }
    }
  }

  @Override
  public void close() {
    catalog.close();
  }
}
