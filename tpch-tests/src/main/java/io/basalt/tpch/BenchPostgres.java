package io.basalt.tpch;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import io.basalt.ingest.tpch.TpchData;
import io.basalt.ingest.tpch.TpchSchema;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * The PostgreSQL server of {@code basalt bench federated}: either one the benchmark starts with
 * {@code scripts/test-databases.sh} in a folder of its data directory (stopped by {@link
 * #close}), or one the user names by URL; and the TPC-H tables loaded into it with {@code COPY
 * FROM STDIN} through the driver's CopyManager, with primary keys, the join-key indexes the
 * correlated queries need there, and fresh statistics.
 */
final class BenchPostgres implements AutoCloseable {
  /** The database the benchmark creates on a server it starts, owned by the script's user. */
  static final String DATABASE = "basalt_bench";
  private static final Path SCRIPT = Path.of("scripts", "test-databases.sh");
  private static final long START_TIMEOUT_MINUTES = 3;
  private static final int COPY_BUFFER_BYTES = 1 << 20;

  /**
   * Indexes beyond the primary keys: the keys the correlated subqueries of Q2, Q17, Q20, Q21
   * and Q22 look rows up by, without which PostgreSQL scans lineitem once per outer row.
   */
  private static final List<String> INDEXES = List.of(
      "CREATE INDEX ON %s.lineitem (l_partkey, l_suppkey)",
      "CREATE INDEX ON %s.orders (o_custkey)",
      "CREATE INDEX ON %s.partsupp (ps_suppkey)");

  private static final Map<String, String> PRIMARY_KEYS = Map.of(
      "region", "r_regionkey", "nation", "n_nationkey", "supplier", "s_suppkey",
      "customer", "c_custkey", "part", "p_partkey", "partsupp", "ps_partkey, ps_suppkey",
      "orders", "o_orderkey", "lineitem", "l_orderkey, l_linenumber");

  private final String url;
  private final String user;
  private final String password;
  /** The folder of a server this benchmark started, or null for the user's own server. */
  private final Path startedIn;
  private final Path script;

  private BenchPostgres(String url, String user, String password, Path startedIn, Path script) {
    this.url = requireNonNull(url, "url is null");
    this.user = requireNonNull(user, "user is null");
    this.password = requireNonNull(password, "password is null");
    this.startedIn = startedIn;
    this.script = script;
  }

  /** The user's server: {@code url} names the database the tables go into. */
  static BenchPostgres existing(String url, String user, String password) {
    return new BenchPostgres(url, user, password, null, null);
  }

  /**
   * Starts a throwaway server in {@code directory} (emptied first) on a free port of
   * 127.0.0.1 and creates the benchmark's database in it.
   */
  static BenchPostgres start(Path directory, Consumer<String> progress)
      throws IOException, SQLException {
    Path script = findScript();
    int port = freePort();
    progress.accept("starting PostgreSQL with " + script + " in " + directory + " on port "
        + port);
    Map<String, String> printed = run(script, List.of("start", "postgres",
        directory.toAbsolutePath().toString(), Integer.toString(port)));
    if (!printed.containsKey("url") || !printed.containsKey("user")) {
      throw new IOException("Cannot start PostgreSQL: " + script + " printed no url and user");
    }
    BenchPostgres started = new BenchPostgres(printed.get("url"), printed.get("user"),
        printed.getOrDefault("password", ""), directory.toAbsolutePath(), script);
    try (Connection connection = started.connect(); Statement statement =
        connection.createStatement()) {
      statement.execute("CREATE DATABASE " + DATABASE);
    }
    String base = started.url.substring(0, started.url.lastIndexOf('/') + 1);
    return new BenchPostgres(base + DATABASE, started.user, started.password,
        started.startedIn, script);
  }

  String url() {
    return url;
  }

  String user() {
    return user;
  }

  String password() {
    return password;
  }

  /** The server's host, as CREATE EXTERNAL SCHEMA's URI needs it. */
  String host() {
    return URI.create(url.substring("jdbc:".length())).getHost();
  }

  int port() {
    int port = URI.create(url.substring("jdbc:".length())).getPort();
    return port < 0 ? 5432 : port;
  }

  /** The name of the database {@link #url} names. */
  String database() {
    String path = URI.create(url.substring("jdbc:".length())).getPath();
    return path.substring(1);
  }

  Connection connect() throws SQLException {
    return DriverManager.getConnection(url, user, password);
  }

  /**
   * Loads the eight TPC-H tables of {@code data} into {@code schema} (dropping them first),
   * unless they already hold its row counts, then adds the keys and indexes and analyzes them.
   */
  void loadTpch(TpchData data, String schema, Consumer<String> progress)
      throws SQLException, IOException {
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      if (holds(statement, data, schema)) {
        progress.accept("schema " + schema + " already holds the data: not loading again");
        return;
      }
      statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
      statement.execute("CREATE SCHEMA " + schema);
      long started = System.nanoTime();
      for (String table : TpchSchema.TABLES) {
        statement.execute("CREATE TABLE " + schema + "." + table + " (\n"
            + TpchSchema.columnDefinitions(table) + "\n)");
        long tableStarted = System.nanoTime();
        long rows = copy(connection, schema + "." + table, data.file(table).path());
        if (rows != data.file(table).rows()) {
          throw new SQLException("Cannot load TPC-H table " + schema + "." + table
              + " into PostgreSQL: its file has " + data.file(table).rows() + " rows, COPY "
              + rows, "XX000");
        }
        statement.execute("ALTER TABLE " + schema + "." + table + " ADD PRIMARY KEY ("
            + PRIMARY_KEYS.get(table) + ")");
        progress.accept(String.format("loaded  %s.%s: %,d rows in %.1f s", schema, table, rows,
            (System.nanoTime() - tableStarted) / 1e9));
      }
      for (String index : INDEXES) {
        statement.execute(String.format(index, schema));
      }
      statement.execute("ANALYZE");
      progress.accept(String.format("loaded, indexed and analyzed in %.1f s",
          (System.nanoTime() - started) / 1e9));
    }
  }

  private static boolean holds(Statement statement, TpchData data, String schema) {
    for (String table : TpchSchema.TABLES) {
      try (ResultSet rows = statement.executeQuery(
          "SELECT count(*) FROM " + schema + "." + table)) {
        if (!rows.next() || rows.getLong(1) != data.file(table).rows()) {
          return false;
        }
      } catch (SQLException e) {
        return false;
      }
    }
    return true;
  }

  /**
   * Streams a dbgen {@code .tbl} file to {@code COPY table FROM STDIN}, without the trailing
   * delimiter of each line (which PostgreSQL would read as an extra column); returns the rows.
   */
  private static long copy(Connection connection, String table, Path file)
      throws SQLException, IOException {
    CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI()
        .copyIn("COPY " + table + " FROM STDIN (FORMAT text, DELIMITER '|')");
    try (BufferedReader reader = Files.newBufferedReader(file, UTF_8)) {
      ByteArrayOutputStream buffer = new ByteArrayOutputStream(COPY_BUFFER_BYTES + 4096);
      String line;
      while ((line = reader.readLine()) != null) {
        String row = line.endsWith("|") ? line.substring(0, line.length() - 1) : line;
        buffer.write(row.getBytes(UTF_8));
        buffer.write('\n');
        if (buffer.size() >= COPY_BUFFER_BYTES) {
          copy.writeToCopy(buffer.toByteArray(), 0, buffer.size());
          buffer.reset();
        }
      }
      if (buffer.size() > 0) {
        copy.writeToCopy(buffer.toByteArray(), 0, buffer.size());
      }
      return copy.endCopy();
    } finally {
      if (copy.isActive()) {
        copy.cancelCopy();
      }
    }
  }

  /** Stops the server if this benchmark started it. */
  @Override
  public void close() throws IOException {
    if (startedIn != null) {
      run(script, List.of("stop", startedIn.toString()));
    }
  }

  /** The script in the checkout the benchmark runs from (the launcher runs it from the root). */
  private static Path findScript() throws IOException {
    List<Path> starts = new ArrayList<>();
    String home = System.getProperty("basalt.home");
    if (home != null && !home.isBlank()) {
      starts.add(Path.of(home));
    }
    starts.add(Path.of("").toAbsolutePath());
    for (Path start : starts) {
      for (Path folder = start.toAbsolutePath(); folder != null; folder = folder.getParent()) {
        if (Files.isRegularFile(folder.resolve(SCRIPT))) {
          return folder.resolve(SCRIPT);
        }
      }
    }
    throw new IOException("Cannot start PostgreSQL: " + SCRIPT + " is in no folder above "
        + starts + "; run from the Basalt checkout or pass --pg-url");
  }

  /** Runs the script; returns the key=value lines it printed, or fails with all its output. */
  private static Map<String, String> run(Path script, List<String> arguments)
      throws IOException {
    List<String> command = new ArrayList<>(List.of("bash", script.toString()));
    command.addAll(arguments);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
    // The script's watchdog stops the server if this JVM dies without closing it.
    builder.environment().put("BASALT_TEST_DB_OWNER_PID",
        Long.toString(ProcessHandle.current().pid()));
    Process process = builder.start();
    String output;
    try {
      output = new String(process.getInputStream().readAllBytes(), UTF_8);
      if (!process.waitFor(START_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new IOException("Cannot run " + command + ": it did not finish in "
            + START_TIMEOUT_MINUTES + " minutes");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("Interrupted while running " + command, e);
    }
    if (process.exitValue() != 0) {
      throw new IOException("Cannot run " + String.join(" ", command) + " (exit "
          + process.exitValue() + "):\n" + output);
    }
    Map<String, String> printed = new HashMap<>();
    for (String line : output.split("\n")) {
      int equals = line.indexOf('=');
      if (equals > 0) {
        printed.put(line.substring(0, equals).trim(), line.substring(equals + 1).trim());
      }
    }
    return printed;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
