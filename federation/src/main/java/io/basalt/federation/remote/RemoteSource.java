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
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.calcite.sql.SqlDialect;

/**
 * One federated schema's remote database: a HikariCP pool (created on first use, so CREATE
 * EXTERNAL SCHEMA does not connect), and the remote schema's tables and columns, cached for
 * {@link #METADATA_LIFETIME_NANOS} (60 s); a new definition of the schema gets a new source.
 * As a {@link SqlSource} it runs the statements the planner writes for work pushed into it; its
 * tables are joined remotely only with tables of this same source object.
 */
final class RemoteSource implements AutoCloseable, SqlSource {
  static final int CONNECT_TIMEOUT_SECONDS = 5;
  static final int QUERY_TIMEOUT_SECONDS = 300;
  static final long METADATA_LIFETIME_NANOS = TimeUnit.SECONDS.toNanos(60);
  private static final int POOL_SIZE = 4;

  private final ExternalSchemaDefinition definition;
  private final RemoteEngine engine;
  private final String host;
  private final int port;
  private final String user;
  private final String password;
  /** The remote schema for PostgreSQL (default public); for MySQL the database. */
  private final String remoteSchema;
  private final RemoteQueryLog log;
  private HikariDataSource pool;
  private boolean closed;
  private Map<String, RemoteTableMetadata> tables;
  private long loadedAt;

  RemoteSource(ExternalSchemaDefinition definition, SecretBox secrets, RemoteQueryLog log) {
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
    this.user = require(options, "user");
    String sealed = options.get("password");
    this.password = sealed == null ? "" : secrets.open(sealed, "remote schema '"
        + definition.name() + "'");
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

  String user() {
    return user;
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
    return password.isEmpty() ? text : text.replace(password, "***");
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

  /** The remote tables and views by name, from the cache when it is younger than 60 s. */
  synchronized Map<String, RemoteTableMetadata> tables() {
    if (tables == null || System.nanoTime() - loadedAt > METADATA_LIFETIME_NANOS) {
      tables = load();
      loadedAt = System.nanoTime();
    }
    return tables;
  }

  /** Drops the cached metadata: the next lookup reads the remote schema again. */
  synchronized void invalidate() {
    tables = null;
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
      Map<String, RemoteTableMetadata> found = new TreeMap<>();
      views.forEach((table, view) -> found.put(table, new RemoteTableMetadata(table, view,
          columns.getOrDefault(table, List.of()))));
      return found;
    } catch (SQLException e) {
      throw RemoteErrors.query(this, e);
    }
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
