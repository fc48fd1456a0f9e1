package io.basalt.server.lake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.federation.testing.DatabaseServer;
import io.basalt.server.BasaltServer;
import io.basalt.server.Main;
import io.basalt.storage.StorageException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The Iceberg catalog kept in a real PostgreSQL database instead of SQLite: tables, their
 * snapshots and time travel survive a restart of the server, the catalog's rows are in
 * PostgreSQL (and no SQLite file is written), and a catalog database that cannot be reached or
 * logged into stops the start with an error naming its host and never the password.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TestIcebergCatalogOnPostgres {
  DatabaseServer postgres;
  String catalogUrl;

  @BeforeAll
  void startPostgres() throws SQLException {
    postgres = DatabaseServer.postgres();
    catalogUrl = postgres.createDatabase("iceberg_catalog_on_postgres");
  }

  private Path passwordFile(Path directory, String password) throws IOException {
    Path file = directory.resolve("catalog-password");
    Files.writeString(file, password + "\n");
    return file;
  }

  private Path settings(Path directory, String json) throws IOException {
    Files.createDirectories(directory);
    Path file = directory.resolve("basalt.json");
    Files.writeString(file, json);
    return file;
  }

  @Test
  void tablesSnapshotsAndTimeTravelSurviveARestartWithTheCatalogInPostgres(
      @TempDir Path dataDirectory, @TempDir Path secrets) throws Exception {
    Path password = passwordFile(secrets, postgres.password());
    // First start: everything in the settings file.
    Path allInFile = settings(secrets.resolve("first"), "{\"iceberg_catalog\": {\"url\": \""
        + catalogUrl + "\", \"user\": \"" + postgres.user() + "\", \"password_file\": \""
        + password + "\"}}");
    long inserted;
    try (LakeServer lake = LakeServer.folders(dataDirectory, c -> c.withConfigFile(allInFile));
        Connection connection = lake.connect();
        Statement statement = connection.createStatement()) {
      statement.execute("create external schema ice from data catalog database 'icedb' "
          + "create external database if not exists");
      statement.execute("create table ice.accounts (id bigint, owner varchar(10)) "
          + "location 's3://lake/iceberg/accounts/' tblproperties ('table_type'='ICEBERG')");
      assertThat(statement.executeUpdate(
          "insert into ice.accounts values (1, 'ann'), (2, 'bo'), (3, 'cy')")).isEqualTo(3);
      inserted = Long.parseLong(LakeServer.rows(statement,
          "select snapshot_id from ice.\"accounts$snapshots\"").get(0));
      assertThat(statement.executeUpdate("delete from ice.accounts where id = 2")).isEqualTo(1);
    }

    // Second start: URL and user as the command line gives them, the password from a file.
    Path passwordOnly = settings(secrets.resolve("second"),
        "{\"iceberg_catalog\": {\"password_file\": \"" + password + "\"}}");
    try (LakeServer lake = LakeServer.folders(dataDirectory, c -> c.withConfigFile(passwordOnly)
            .withIcebergCatalog(catalogUrl, postgres.user()));
        Connection connection = lake.connect();
        Statement statement = connection.createStatement()) {
      assertThat(LakeServer.rows(statement, "select * from ice.accounts order by id"))
          .containsExactly("1,ann", "3,cy");
      assertThat(LakeServer.rows(statement, "select * from ice.accounts for version as of "
          + inserted + " order by id")).containsExactly("1,ann", "2,bo", "3,cy");
      assertThat(LakeServer.rows(statement,
          "select operation from ice.\"accounts$snapshots\""))
          .containsExactlyInAnyOrder("append", "delete");
    }

    try (Connection connection = DriverManager.getConnection(catalogUrl, postgres.user(),
            postgres.password());
        Statement statement = connection.createStatement()) {
      List<String> rows = LakeServer.rows(statement, "select catalog_name, table_namespace, "
          + "table_name from iceberg_tables");
      assertThat(rows).containsExactly("basalt,icedb,accounts");
      assertThat(LakeServer.rows(statement, "select metadata_location from iceberg_tables")
          .get(0)).startsWith("s3://lake/iceberg/accounts/metadata/");
    }
    assertThat(dataDirectory.resolve("catalog/iceberg.db")).doesNotExist();
  }

  @Test
  void anUnreachableCatalogDatabaseStopsTheStartNamingItsHost(@TempDir Path dataDirectory,
      @TempDir Path secrets) throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    Path settings = settings(secrets, "{\"iceberg_catalog\": {\"password_file\": \""
        + passwordFile(secrets, "never-printed") + "\"}}");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine commandLine = new CommandLine(new Main());
    commandLine.setOut(new PrintWriter(out));
    commandLine.setErr(new PrintWriter(err));

    int exitCode = commandLine.execute("server", "--port", "0", "--data-dir",
        dataDirectory.toString(), "--config", settings.toString(), "--iceberg-catalog-url",
        "jdbc:postgresql://127.0.0.1:" + closedPort + "/basalt?password=never-printed-either",
        "--iceberg-catalog-user", "basalt");

    assertThat(exitCode).isEqualTo(1);
    assertThat(err.toString()).startsWith("basalt server: Cannot open the Iceberg catalog "
            + "database on host 127.0.0.1:" + closedPort + " (jdbc:postgresql://127.0.0.1:"
            + closedPort + "/basalt?...)")
        .contains("(SQLSTATE 08001)")
        .doesNotContain("never-printed");
    assertThat(out.toString()).doesNotContain("never-printed");
  }

  @Test
  void aWrongPasswordStopsTheStartWithoutShowingIt(@TempDir Path dataDirectory,
      @TempDir Path secrets) throws IOException {
    Path settings = settings(secrets, "{\"iceberg_catalog\": {\"url\": \"" + catalogUrl
        + "\", \"user\": \"" + postgres.user() + "\", \"password_file\": \""
        + passwordFile(secrets, "not-the-password") + "\"}}");
    assertThatThrownBy(() -> BasaltServer.start(LakeServer.config(dataDirectory)
        .withConfigFile(settings)))
        .isInstanceOf(StorageException.class)
        .satisfies(e -> assertThat(((StorageException) e).sqlState()).isEqualTo("28P01"))
        .hasMessageContaining("Cannot open the Iceberg catalog database on host 127.0.0.1:")
        .hasMessageContaining("password authentication failed for user \"" + postgres.user())
        .hasMessageNotContaining("not-the-password");
  }
}
