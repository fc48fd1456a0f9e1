package io.basalt.federation.testing;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * A real PostgreSQL or MariaDB server for tests, one of each per JVM: the first call installs
 * the Debian package when its binaries are missing (which needs root) and starts the server
 * with {@code scripts/test-databases.sh} under {@code target/test-databases/} on a free port
 * of 127.0.0.1; the server stops when the JVM exits (or, if the JVM is killed, soon after, by
 * the script's watchdog). When a server cannot be had, every call throws with the script's
 * output: tests that need one fail, never skip. A test that stops a server takes one of its
 * own ({@link #startOwn}), which it may {@link #crash} and {@link #restart}. Other modules get
 * this class from the federation test-jar; they need the engine's JDBC driver on their test
 * classpath.
 */
public final class DatabaseServer {
  /** The engines the script starts. */
  public enum Engine {
    POSTGRES, MARIADB;

    String scriptName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Installing packages can take minutes on a fresh machine; starting takes seconds. */
  private static final long INSTALL_TIMEOUT_MINUTES = 20;
  private static final long START_TIMEOUT_MINUTES = 3;
  private static final Pattern DATABASE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");
  private static final Path SCRIPT = Path.of("scripts", "test-databases.sh");

  /** Per engine, the running server or the failure that every later call repeats. */
  private static final Map<Engine, Object> STARTED = new EnumMap<>(Engine.class);

  private final Engine engine;
  private final String url;
  private final String user;
  private final String password;
  private final Path script;
  private final Path directory;

  private DatabaseServer(Engine engine, String url, String user, String password, Path script,
      Path directory) {
    this.engine = engine;
    this.url = url;
    this.user = user;
    this.password = password;
    this.script = script;
    this.directory = directory;
  }

  /**
   * A server of the test's own, not shared with other tests, stopped when the JVM exits or by
   * {@link #stop}; a test may crash it.
   */
  public static DatabaseServer startOwn(Engine engine) {
    requireNonNull(engine, "engine is null");
    return start(engine);
  }

  /**
   * Stops a server of {@link #startOwn} at once, as a crash would ({@code pg_ctl stop -m
   * immediate}), keeping its data for {@link #restart}; PostgreSQL only.
   */
  public void crash() {
    run(List.of("bash", script.toString(), "crash", directory.toString()), Map.of(), 1,
        "crash " + engine.scriptName());
  }

  /** Starts a crashed server again, on its port, with its data. */
  public void restart() {
    run(List.of("bash", script.toString(), "restart", directory.toString()), Map.of(),
        START_TIMEOUT_MINUTES, "restart " + engine.scriptName());
  }

  /** Stops a server of {@link #startOwn} for good. */
  public void stop() {
    run(List.of("bash", script.toString(), "stop", directory.toString()), Map.of(), 1,
        "stop " + engine.scriptName());
  }

  /** The JVM's PostgreSQL server, started on first use. */
  public static DatabaseServer postgres() {
    return of(Engine.POSTGRES);
  }

  /** The JVM's MariaDB server, started on first use. */
  public static DatabaseServer mariadb() {
    return of(Engine.MARIADB);
  }

  /** The JVM's server of that engine, started on first use. */
  public static synchronized DatabaseServer of(Engine engine) {
    requireNonNull(engine, "engine is null");
    Object started = STARTED.computeIfAbsent(engine, e -> {
      try {
        return start(e);
      } catch (IllegalStateException failure) {
        return failure;
      }
    });
    if (started instanceof IllegalStateException failure) {
      throw new IllegalStateException(failure.getMessage(), failure);
    }
    return (DatabaseServer) started;
  }

  public Engine engine() {
    return engine;
  }

  /** The JDBC URL of the test database, {@code basalt_test}, owned by {@link #user()}. */
  public String url() {
    return url;
  }

  /** The host of {@link #url()}, as a federated schema's URI names it. */
  public String host() {
    return URI.create(url.substring("jdbc:".length())).getHost();
  }

  /** The port of {@link #url()}. */
  public int port() {
    return URI.create(url.substring("jdbc:".length())).getPort();
  }

  /** A user that logs in with {@link #password()} over TCP, and may create databases. */
  public String user() {
    return user;
  }

  public String password() {
    return password;
  }

  /** A connection to the test database as the test user. */
  public Connection connect() throws SQLException {
    return DriverManager.getConnection(url, user, password);
  }

  /**
   * Creates database {@code name} (dropping any of that name first) and returns its JDBC URL:
   * test classes sharing the JVM's server each take their own.
   */
  public String createDatabase(String name) throws SQLException {
    if (!DATABASE_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("Cannot create database '" + name
          + "': use lower-case letters, digits and underscores");
    }
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + name);
      statement.execute("CREATE DATABASE " + name);
    }
    return url.substring(0, url.lastIndexOf('/') + 1) + name;
  }

  @Override
  public String toString() {
    return engine.scriptName() + " at " + url + " (user " + user + ")";
  }

  private static DatabaseServer start(Engine engine) {
    Path script = findScript();
    // Into the test's output: an install on a fresh machine is worth a line in the report.
    System.out.print(run(List.of("bash", script.toString(), "install", engine.scriptName()),
        Map.of(), INSTALL_TIMEOUT_MINUTES, "install " + engine.scriptName()));
    int port = freePort();
    Path directory = Path.of(System.getProperty("user.dir"), "target", "test-databases",
        engine.scriptName() + "-" + port).toAbsolutePath();
    String output = run(List.of("bash", script.toString(), "start", engine.scriptName(),
            directory.toString(), Integer.toString(port)),
        Map.of("BASALT_TEST_DB_OWNER_PID", Long.toString(ProcessHandle.current().pid())),
        START_TIMEOUT_MINUTES, "start " + engine.scriptName());
    Map<String, String> printed = new HashMap<>();
    for (String line : output.split("\n")) {
      int equals = line.indexOf('=');
      if (equals > 0) {
        printed.put(line.substring(0, equals), line.substring(equals + 1).trim());
      }
    }
    if (!printed.containsKey("url") || !printed.containsKey("user")
        || !printed.containsKey("password")) {
      throw new IllegalStateException("Cannot start " + engine.scriptName() + ": "
          + script + " printed no url, user and password:\n" + output);
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        run(List.of("bash", script.toString(), "stop", directory.toString()), Map.of(), 1,
            "stop " + engine.scriptName());
      } catch (IllegalStateException e) {
        System.err.println(e.getMessage());
      }
    }, "stop-" + engine.scriptName()));
    return new DatabaseServer(engine, printed.get("url"), printed.get("user"),
        printed.get("password"), script, directory);
  }

  /** The script, in the checkout that holds the module whose tests run (their working folder). */
  private static Path findScript() {
    for (Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath(); dir != null;
        dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve(SCRIPT))) {
        return dir.resolve(SCRIPT);
      }
    }
    throw new IllegalStateException("Cannot start a test database: " + SCRIPT
        + " is in no folder above " + System.getProperty("user.dir"));
  }

  /** Runs the script and returns what it printed; any failure is an exception with all of it. */
  private static String run(List<String> command, Map<String, String> env, long timeoutMinutes,
      String what) {
    try {
      Path log = Files.createTempFile("basalt-test-databases-", ".log");
      try {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
            .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(
                Path.of("/dev/null").toFile()));
        builder.environment().putAll(env);
        Process process = builder.start();
        boolean exited = process.waitFor(timeoutMinutes, TimeUnit.MINUTES);
        if (!exited) {
          process.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        if (!exited || process.exitValue() != 0) {
          throw new IllegalStateException("Cannot " + what + " (" + String.join(" ", command)
              + (exited ? " exited with " + process.exitValue()
                  : " did not finish within " + timeoutMinutes + " minutes") + "):\n" + output);
        }
        return output;
      } finally {
        Files.deleteIfExists(log);
      }
    } catch (IOException e) {
      throw new IllegalStateException("Cannot " + what + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while trying to " + what, e);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot find a free port: " + e.getMessage(), e);
    }
  }
}
