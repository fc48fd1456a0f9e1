package io.basalt.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code basalt crawl}: CRAWL from the command line on a data directory no server uses. */
class TestCrawlCommand {
  @TempDir
  Path dataDirectory;

  private record Run(int exitCode, String out, String err) {}

  private Run crawl(String... arguments) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine commandLine = new CommandLine(new Main());
    commandLine.setOut(new PrintWriter(out));
    commandLine.setErr(new PrintWriter(err));
    String[] all = new String[arguments.length + 3];
    all[0] = "crawl";
    all[1] = "--data-dir";
    all[2] = dataDirectory.toString();
    System.arraycopy(arguments, 0, all, 3, arguments.length);
    return new Run(commandLine.execute(all), out.toString(), err.toString());
  }

  private void put(String key, String text) throws IOException {
    Path file = dataDirectory.resolve("s3/lake").resolve(key);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  @Test
  void crawlsWithoutAServerAndTheServerFindsTheTables() throws Exception {
    put("shop/customers/a.csv", "id,name\n1,Ann\n2,Bo\n");
    put("shop/visits/day=2025-01-01/v.json", "{\"customer\": 1, \"pages\": 3}\n");
    put("shop/visits/day=2025-01-02/v.json", "{\"customer\": 2, \"pages\": 5}\n"
        + "{\"customer\": 1, \"pages\": 1}\n");
    put("shop/staging/v.tmp", "scratch");

    Run run = crawl("s3://lake/shop/", "--database", "shop", "--with", "exclude=staging",
        "--with", "table_prefix=web_");
    assertThat(run.err()).contains("Scanned 4 files, found 0 tables")
        .contains("Scanned 4 files, found 2 tables")
        .contains("Crawled s3://lake/shop/ into database 'shop'");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEqualTo(String.join("\n",
        " table_name    | action  | format | location                  | columns_added |"
            + " partitions_added",
        "---------------+---------+--------+---------------------------+---------------+"
            + "------------------",
        " web_customers | created | csv    | s3://lake/shop/customers/ |             2 |"
            + "                0",
        " web_visits    | created | json   | s3://lake/shop/visits/    |             2 |"
            + "                2",
        "(2 rows)", ""));

    try (BasaltServer server = BasaltServer.start(ServerConfig.defaults().withPort(0)
            .withDataDirectory(dataDirectory).withAdminPassword("secret").withSlices(1));
        Connection connection = connect(server);
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE EXTERNAL SCHEMA shop FROM DATA CATALOG DATABASE 'shop'");
      assertThat(DuckDbLake.query(connection, "SELECT c.name, v.day, v.pages"
          + " FROM shop.web_visits v JOIN shop.web_customers c ON v.customer = c.id"
          + " ORDER BY v.day, c.name")).containsExactly(
          List.of("Ann", "2025-01-01", "3"), List.of("Ann", "2025-01-02", "1"),
          List.of("Bo", "2025-01-02", "5"));

      // While the server runs, the command refuses the data directory.
      Run refused = crawl("s3://lake/shop/", "--database", "shop");
      assertThat(refused.exitCode()).isEqualTo(1);
      assertThat(refused.err()).startsWith("basalt crawl: Cannot crawl: data directory '"
          + dataDirectory.toAbsolutePath().normalize() + "' is in use by a running server")
          .contains("(SQLSTATE 55006)");
    }
  }

  @Test
  void errorsGoToStderrWithTheirSqlState() {
    Run run = crawl("s3://lake/none/", "--database", "db");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).isEqualTo("basalt crawl: Cannot crawl 's3://lake/none/': bucket 'lake'"
        + " does not exist (SQLSTATE 58P01)\n");

    Run missing = crawl("s3://lake/none/");
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).contains("Missing required option: '--database=<database>'");
  }

  private static Connection connect(BasaltServer server) throws Exception {
    Properties properties = new Properties();
    properties.setProperty("user", "admin");
    properties.setProperty("password", "secret");
    return DriverManager.getConnection(server.jdbcUrl(), properties);
  }
}
