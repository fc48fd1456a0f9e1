package io.basalt.federation.remote;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.basalt.federation.datacatalog.ExternalSchemaDefinition;
import io.basalt.planner.source.SqlSource;
import io.basalt.planner.source.TableSource;
import io.basalt.storage.ColumnDefinition;
import io.basalt.storage.StorageException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import org.apache.calcite.sql.SqlDialect;

/**
 * One federated schema's remote database: a HikariCP pool (created on first use, so CREATE
 * EXTERNAL SCHEMA does not connect), and the remote schema's tables and columns, cached for
 * {@link #METADATA_LIFETIME_NANOS} (60 s) or until {@link #invalidate}; a new definition of the
 * schema gets a new source. The login is the schema's USER and PASSWORD or its SECRET_ARN's
 * secret, read when its pool is made (a replaced secret closes the pool). Each time
 * cached metadata is dropped, {@code metadataChanges} counts one, so plans made with it go stale.
 * As a {@link SqlSource} it runs the statements the planner writes for work pushed into it; its
 * tables are joined remotely only with tables of this same source object.
 */
final class RemoteSource implements AutoCloseable, SqlSource {
  static final int CONNECT_TIMEOUT_SECONDS = 5;
  static final int QUERY_TIMEOUT_SECONDS = 300;
  static final long METADATA_LIFETIME_NANOS = TimeUnit.SECONDS.toNanos(60);
  /** The pool's size, which also bounds a table's range splits. */
  static final int POOL_SIZE = 8;

  private final ExternalSchemaDefinition definition;
  private final RemoteEngine engine;
  private final String host;
  private final int port;
  private final SecretBox box;
  private final RemoteSecrets secrets;
  /** The login, read with the pool's creation (a secret's value as of then). */
  private volatile String user;
  private volatile String password = "";
  /** The remote schema for PostgreSQL (default public); for MySQL the database. */
  private final String remoteSchema;
  private final RemoteTableProperties properties;
  private final AtomicLong metadataChanges;
  /** {@link System#nanoTime}, or a test's clock. */
  private final LongSupplier nanoClock;
  private final RemoteQueryLog log;
  private HikariDataSource pool;
  private boolean closed;
  /** The cached metadata and when it was read; null once dropped. */
  private final AtomicReference<Cached> cached = new AtomicReference<>();
  private final Object loading = new Object();

  /** Metadata as read at {@code loadedAt} (of the nano clock). */
  private record Cached(Map<String, RemoteTableMetadata> tables, long loadedAt) {}

  RemoteSource(ExternalSchemaDefinition definition, SecretBox box, RemoteSecrets secrets,
      RemoteTableProperties properties, AtomicLong metadataChanges, LongSupplier nanoClock,
      RemoteQueryLog log) {
    this.definition = definition;
    this.log = log;
    this.engine = RemoteEngine.valueOf(definition.sourceKind());
    Map<String, String> options = definition.options();
    this.host = require(options, "uri");
    String portText = options.get("port");
    try {
      this.port = portText == null ? engine.defaultPort() : Integer.parseInt(portText.trim());
    } catch (NumberFormatException e) {
      throw new StorageException("22023", "Cannot use remote schema '" + definition.name()
          + "': PORT '" + portText + "' is not a number");
    }
    this.box = box;
    this.secrets = secrets;
    this.properties = properties;
    this.metadataChanges = metadataChanges;
    this.nanoClock = nanoClock;
    this.remoteSchema = engine == RemoteEngine.POSTGRES
        ? options.getOrDefault("schema", "public") : definition.database();
  }

  private String require(Map<String, String> options, String key) {
    String value = options.get(key);
    if (value == null || value.isBlank()) {
      throw new StorageException("22023", "Cannot use remote schema '" + definition.name()
          + "': it has no " + key.toUpperCase(java.util.Locale.ROOT));
    }
    return value;
  }

  ExternalSchemaDefinition definition() {
    return definition;
  }

  @Override
  public String name() {
    return definition.name();
  }

  @Override
  public SqlDialect dialect() {
    return engine.dialect();
  }

  @Override
  public boolean comparesStringsExactly() {
    return engine.comparesStringsExactly();
  }

  @Override
  public TableSource query(String sql, List<String> tables, List<ColumnDefinition> columns) {
    return new RemoteStatementSource(this, sql, tables, columns);
  }

  /** Where the queries sent to this source are recorded (shared by all sources). */
  RemoteQueryLog log() {
    return log;
  }

  RemoteEngine engine() {
    return engine;
  }

  /** The user of the login, once the pool was made; the schema's USER or secret before. */
  String user() {
    String known = user;
    if (known != null) {
      return known;
    }
    String secretArn = definition.options().get("secret_arn");
    return secretArn != null ? "of secret '" + RemoteSecrets.nameOf(secretArn) + "'"
        : definition.options().getOrDefault("user", "");
  }

  /** Reads the login: the schema's USER and PASSWORD, or its SECRET_ARN's secret. */
  private void login() {
    Map<String, String> options = definition.options();
    String secretArn = options.get("secret_arn");
    if (secretArn != null) {
      RemoteSecrets.Credentials credentials = secrets.credentials(
          RemoteSecrets.nameOf(secretArn), "remote schema '" + definition.name() + "'");
      password = credentials.password();
      user = credentials.user();
    } else {
      String sealed = options.get("password");
      password = sealed == null ? "" : box.open(sealed, "remote schema '"
          + definition.name() + "'");
      user = require(options, "user");
    }
  }

  String remoteSchema() {
    return remoteSchema;
  }

  /** host:port, for messages. */
  String address() {
    return host + ":" + port;
  }

  /** {@code text} with the password cut out, for any message that came from the driver. */
  String scrub(String text) {
    if (text == null) {
      return "";
    }
    String secret = password;
    return secret.isEmpty() ? text : text.replace(secret, "***");
  }

  /** A pooled connection; 08001 or 28000 when the source cannot be reached or logged into. */
  Connection connection() {
    HikariDataSource source = pool();
    try {
      return source.getConnection();
    } catch (SQLException e) {
      throw RemoteErrors.connecting(this, e);
    }
  }

  private synchronized HikariDataSource pool() {
    if (closed) {
      throw new StorageException("3F000", "Cannot use remote schema '" + name()
          + "': it was dropped");
    }
    if (pool == null) {
      login();
      HikariConfig config = new HikariConfig();
      config.setPoolName("basalt-" + name());
      config.setJdbcUrl(engine.url(host, port, definition.database(), CONNECT_TIMEOUT_SECONDS));
      config.setUsername(user);
      config.setPassword(password);
      config.setMaximumPoolSize(POOL_SIZE);
      config.setMinimumIdle(0);
      config.setIdleTimeout(TimeUnit.MINUTES.toMillis(2));
      config.setConnectionTimeout(TimeUnit.SECONDS.toMillis(CONNECT_TIMEOUT_SECONDS));
      config.setValidationTimeout(TimeUnit.SECONDS.toMillis(CONNECT_TIMEOUT_SECONDS - 1));
      // Do not connect now: the first query reports an unreachable source, not the pool.
      config.setInitializationFailTimeout(-1);
      config.setReadOnly(true);
      pool = new HikariDataSource(config);
    }
    return pool;
  }

  /** The table properties set on remote table {@code table} (ALTER TABLE ... SET). */
  Map<String, String> tableProperties(String table) {
    return properties.get(name(), table);
  }

  /** The remote tables and views by name, from the cache when it is younger than 60 s. */
  Map<String, RemoteTableMetadata> tables() {
    Cached current = cached.get();
    if (current != null) {
      if (!stale(current)) {
        return current.tables();
      }
      drop(current);
    }
    // One load at a time; readers of a fresh cache and expireIfStale never wait for it.
    synchronized (loading) {
      current = cached.get();
      if (current == null) {
        current = new Cached(load(), nanoClock.getAsLong());
        cached.set(current);
      }
      return current.tables();
    }
  }

  /** Drops the cached metadata: the next lookup reads the remote schema again. */
  void invalidate() {
    if (cached.getAndSet(null) != null) {
      metadataChanges.incrementAndGet();
    }
  }

  /** Drops the cached metadata if it is older than its lifetime. */
  void expireIfStale() {
    Cached current = cached.get();
    if (current != null && stale(current)) {
      drop(current);
    }
  }

  private boolean stale(Cached current) {
    return nanoClock.getAsLong() - current.loadedAt() > METADATA_LIFETIME_NANOS;
  }

  /** Drops {@code current} unless another thread already did, counting one change. */
  private void drop(Cached current) {
    if (cached.compareAndSet(current, null)) {
      metadataChanges.incrementAndGet();
    }
  }

  private Map<String, RemoteTableMetadata> load() {
    try (Connection connection = connection()) {
      DatabaseMetaData metadata = connection.getMetaData();
      String catalog = engine == RemoteEngine.MYSQL ? remoteSchema : null;
      String schema = engine == RemoteEngine.MYSQL ? null : remoteSchema;
      Map<String, Boolean> views = new TreeMap<>();
      try (ResultSet rows = metadata.getTables(catalog, schema, "%",
          new String[] {"TABLE", "VIEW", "MATERIALIZED VIEW", "PARTITIONED TABLE"})) {
        while (rows.next()) {
          views.put(rows.getString("TABLE_NAME"),
              rows.getString("TABLE_TYPE").toUpperCase(java.util.Locale.ROOT).contains("VIEW"));
        }
      }
      Set<String> enums = enumTypes(connection);
      Map<String, List<RemoteColumn>> columns = new LinkedHashMap<>();
      try (ResultSet rows = metadata.getColumns(catalog, schema, "%", "%")) {
        while (rows.next()) {
          String table = rows.getString("TABLE_NAME");
          if (!views.containsKey(table)) {
            continue;
          }
          String typeName = rows.getString("TYPE_NAME");
          columns.computeIfAbsent(table, t -> new ArrayList<>()).add(RemoteTypes.column(engine,
              rows.getString("COLUMN_NAME"), rows.getInt("DATA_TYPE"), typeName,
              rows.getInt("COLUMN_SIZE"), rows.getInt("DECIMAL_DIGITS"),
              rows.getInt("NULLABLE") != DatabaseMetaData.columnNoNulls,
              enums.contains(unquoted(typeName))));
        }
      }
      Map<String, Double> rows = rowCounts(connection);
      Map<String, RemoteTableMetadata> found = new TreeMap<>();
      views.forEach((table, view) -> found.put(table, new RemoteTableMetadata(table, view,
          columns.getOrDefault(table, List.of()), rows.containsKey(table)
              ? OptionalDouble.of(rows.get(table)) : OptionalDouble.empty())));
      return found;
    } catch (SQLException e) {
      throw RemoteErrors.query(this, e);
    }
  }

  /**
   * The row counts the remote's catalog keeps for its own planner, by table, read in one query
   * with the metadata (so cached as long): PostgreSQL's {@code pg_class.reltuples}, or, for a
   * table never vacuumed or analyzed (-1 on PostgreSQL 14+), the statistics collector's live
   * tuple count; MySQL's {@code information_schema.TABLES.TABLE_ROWS}. A table without a
   * positive figure (a view, or an InnoDB estimate of 0 right after a load) is left out, so the
   * planner takes it as unknown rather than as empty.
   */
  private Map<String, Double> rowCounts(Connection connection) {
    String sql = engine == RemoteEngine.POSTGRES
        ? "SELECT c.relname, c.reltuples, s.n_live_tup FROM pg_catalog.pg_class c"
            + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
            + " LEFT JOIN pg_catalog.pg_stat_all_tables s ON s.relid = c.oid"
            + " WHERE n.nspname = ? AND c.relkind IN ('r', 'p', 'm')"
        : "SELECT TABLE_NAME, TABLE_ROWS, NULL FROM information_schema.TABLES"
            + " WHERE TABLE_SCHEMA = ? AND TABLE_ROWS IS NOT NULL";
    Map<String, Double> rows = new HashMap<>();
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, remoteSchema);
      try (ResultSet result = statement.executeQuery()) {
        while (result.next()) {
          double estimate = result.getDouble(2);
          // The live tuple count is the collector's, which may count a load twice when it was
          // analyzed before the loading session's figures arrived: only when nothing better.
          double count = estimate >= 0 ? estimate : result.getDouble(3);
          if (count > 0) {
            rows.put(result.getString(1), count);
          }
        }
      }
    } catch (SQLException e) {
      // Only estimates: a catalog the login cannot read leaves the tables' sizes unknown.
      return Map.of();
    }
    return rows;
  }

  /** PostgreSQL's enum types, which the driver reports as OTHER; MySQL's say "ENUM". */
  private Set<String> enumTypes(Connection connection) throws SQLException {
    Set<String> names = new HashSet<>();
    if (engine != RemoteEngine.POSTGRES) {
      return names;
    }
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(
            "SELECT typname FROM pg_catalog.pg_type WHERE typtype = 'e'")) {
      while (rows.next()) {
        names.add(rows.getString(1));
      }
    }
    return names;
  }

  private static String unquoted(String typeName) {
    String name = typeName;
    int dot = name.lastIndexOf('.');
    if (dot >= 0) {
      name = name.substring(dot + 1);
    }
    return name.replace("\"", "");
  }

  /** Closes the pool and its connections; later use is an error. */
  @Override
  public synchronized void close() {
    closed = true;
    if (pool != null) {
      pool.close();
      pool = null;
    }
  }
}
