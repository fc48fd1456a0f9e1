package io.basalt.server.sql;

import static org.assertj.core.api.Assertions.fail;

import io.basalt.server.BasaltServer;
import io.basalt.server.ServerConfig;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TimeZone;
import java.util.TreeSet;
import java.util.stream.Stream;
import net.hydromatic.quidem.Quidem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every Quidem script under {@code src/test/resources/sql} against one in-process server
 * over the Basalt JDBC driver; a script passes when Quidem's output equals the script.
 *
 * <p>Scripts connect with {@code !use basalt}; an error prints as {@code [SQLSTATE] message}, and
 * a script must drop every table it creates. Fixture files under {@code sql/copy/data} are copied
 * (folders included) to the object store's bucket {@code fixtures} first, so that scripts can
 * {@code COPY t FROM 's3://fixtures/<file>'}.
 */
class TestSqlScripts {
  static final String PASSWORD = "pw";

  @TempDir
  static Path dataDirectory;
  static BasaltServer server;
  static TimeZone originalTimeZone;

  @BeforeAll
  static void start() throws IOException {
    // Expected TIMESTAMPTZ values are written in UTC, a Redshift session's default time zone;
    // server and driver share this JVM, so the scripts' output must not depend on the machine's.
    originalTimeZone = TimeZone.getDefault();
    TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
    copyFixtures(scriptRoot().resolve("copy/data"), dataDirectory.resolve("s3/fixtures"));
    server = BasaltServer.start(ServerConfig.defaults().withPort(0)
        .withDataDirectory(dataDirectory).withAdminPassword(PASSWORD).withSlices(2));
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
    TimeZone.setDefault(originalTimeZone);
  }

  @TestFactory
  Stream<DynamicTest> scripts() throws IOException {
    Path root = scriptRoot();
    List<Path> scripts;
    try (Stream<Path> files = Files.walk(root)) {
      // -Dbasalt.scripts=iceberg runs only the scripts whose path contains that text.
      String only = System.getProperty("basalt.scripts", "");
      scripts = files.filter(p -> p.toString().endsWith(".iq"))
          .filter(p -> root.relativize(p).toString().contains(only)).sorted().toList();
    }
    if (scripts.isEmpty()) {
      fail("No .iq scripts under " + root);
    }
    return scripts.stream().map(script -> DynamicTest.dynamicTest(
        root.relativize(script).toString(), script.toUri(),
        () -> run(server.port(), root, script, "quidem")));
  }

  /**
   * Runs one script against the server on {@code port}, writing its output under
   * {@code target/<outputFolder>}, and fails on any difference or table left behind.
   */
  static void run(int port, Path root, Path script, String outputFolder) throws Exception {
    Set<String> tablesBefore = tables(port);
    // Beside the compiled scripts (target/test-classes/sql), as Calcite keeps them in target/.
    Path output = root.getParent().getParent().resolve(outputFolder)
        .resolve(root.relativize(script));
    Files.createDirectories(output.getParent());
    try (Reader reader = Files.newBufferedReader(script, StandardCharsets.UTF_8);
        Writer writer = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
      new Quidem(Quidem.configBuilder()
          .withReader(reader)
          .withWriter(writer)
          .withConnectionFactory((name, reference) -> connect(port, name, reference))
          .build()).execute();
    }
    List<String> expected = Files.readAllLines(script, StandardCharsets.UTF_8);
    List<String> actual = Files.readAllLines(output, StandardCharsets.UTF_8);
    String diff = LineDiff.diff(expected, actual);
    if (!diff.isEmpty()) {
      fail("Script " + root.relativize(script) + " differs from its output " + output
          + " (- expected, + actual; if the output is right, copy it over the script in"
          + " src/test/resources/sql):\n" + diff);
    }
    // Scripts share one server, so each must drop what it creates for the others to be independent.
    Set<String> leftOver = new TreeSet<>(tables(port));
    leftOver.removeAll(tablesBefore);
    if (!leftOver.isEmpty()) {
      fail("Script " + root.relativize(script) + " left tables behind: " + leftOver);
    }
  }

  private static Set<String> tables(int port) throws Exception {
    Set<String> tables = new TreeSet<>();
    try (Connection connection = connect(port, "basalt", false);
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(
            "select \"schema\" || '.' || \"table\" from svv_table_info")) {
      while (rows.next()) {
        tables.add(rows.getString(1));
      }
    }
    return tables;
  }

  /** Quidem's connection factory: the name {@code basalt} is the test server; no reference DB. */
  private static Connection connect(int port, String name, boolean reference)
      throws Exception {
    if (reference || !name.equals("basalt")) {
      return null;
    }
    Properties properties = new Properties();
    properties.setProperty("user", "admin");
    properties.setProperty("password", PASSWORD);
    return SqlStateConnections.wrap(DriverManager.getConnection(
        "jdbc:basalt://127.0.0.1:" + port + "/dev", properties));
  }

  static Path scriptRoot() {
    URL url = TestSqlScripts.class.getResource("/sql");
    if (url == null) {
      throw new IllegalStateException("Cannot find the SQL scripts: no /sql on the test class path");
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException("Cannot find the SQL scripts: " + url, e);
    }
  }

  static void copyFixtures(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    if (!Files.isDirectory(from)) {
      return;
    }
    try (Stream<Path> files = Files.walk(from)) {
      files.filter(Files::isRegularFile).forEach(file -> {
        try {
          Path target = to.resolve(from.relativize(file).toString());
          Files.createDirectories(target.getParent());
          Files.copy(file, target);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }
}
