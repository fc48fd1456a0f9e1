package io.basalt.tpch;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.server.BasaltServer;
import io.basalt.server.ServerConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves that the shaded driver jar is self-contained: a child JVM whose class path is that jar
 * alone connects to a running server and lists schemas, tables and columns.
 */
class TestShadedDriverAlone {
  private static final String PASSWORD = "driver-check";

  @TempDir Path temporary;

  @Test
  void listsMetadataWithNothingButTheDriverJar() throws Exception {
    Path jar = shadedDriverJar();
    Path program = temporary.resolve("ListMetadata.java");
    try (InputStream source = getClass().getResourceAsStream("ListMetadata.java")) {
      Files.copy(source, program);
    }
    ServerConfig config =
        ServerConfig.defaults()
            .withPort(0)
            .withDataDirectory(temporary.resolve("server"))
            .withAdminPassword(PASSWORD);
    try (BasaltServer server = BasaltServer.start(config)) {
      try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), credentials());
          Statement statement = connection.createStatement()) {
        statement.execute("CREATE SCHEMA driver_check");
        statement.execute(
            "CREATE TABLE driver_check.gadgets (gadget_id BIGINT NOT NULL, "
                + "gadget_name VARCHAR(40), price DECIMAL(10,2)) DISTSTYLE EVEN");
      }

      Path java = Path.of(System.getProperty("java.home"), "bin", "java");
      Process process =
          new ProcessBuilder(
                  java.toString(),
                  "-cp",
                  jar.toString(),
                  program.toString(),
                  server.jdbcUrl(),
                  "admin",
                  PASSWORD,
                  "driver_check")
              .redirectErrorStream(true)
              .start();
      String output = new String(process.getInputStream().readAllBytes(), UTF_8);
      assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("child JVM finished").isTrue();
      System.out.println(output);

      assertThat(process.exitValue()).as(output).isZero();
      assertThat(output)
          .contains(
              "schema driver_check",
              "table driver_check.gadgets",
              "column driver_check.gadgets.gadget_id",
              "column driver_check.gadgets.gadget_name",
              "column driver_check.gadgets.price");
    }
  }

  private static Properties credentials() {
    Properties properties = new Properties();
    properties.setProperty("user", "admin");
    properties.setProperty("password", PASSWORD);
    return properties;
  }

  /** Finds jdbc-driver/target/basalt-jdbc-VERSION.jar, which the reactor packages first. */
  private static Path shadedDriverJar() throws IOException {
    Path module = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
    Path target = module.resolveSibling("jdbc-driver").resolve("target");
    List<Path> jars = List.of();
    if (Files.isDirectory(target)) {
      try (Stream<Path> files = Files.list(target)) {
        jars =
            files
                .filter(path -> isDriverJar(path.getFileName().toString()))
                .sorted(Comparator.comparing(TestShadedDriverAlone::modified).reversed())
                .collect(Collectors.toList());
      }
    }
    assertThat(jars)
        .as("Cannot find the shaded driver jar basalt-jdbc-*.jar in %s: build it first with "
            + "`mvn -o -pl jdbc-driver package` (mvn verify from the root does this)", target)
        .isNotEmpty();
    return jars.get(0);
  }

  private static boolean isDriverJar(String name) {
    return name.startsWith("basalt-jdbc-")
        && name.endsWith(".jar")
        && !name.endsWith("-sources.jar")
        && !name.endsWith("-javadoc.jar")
        && !name.endsWith("-tests.jar");
  }

  private static long modified(Path path) {
    try {
      return Files.getLastModifiedTime(path).toMillis();
    } catch (IOException e) {
      return 0;
    }
  }
}
