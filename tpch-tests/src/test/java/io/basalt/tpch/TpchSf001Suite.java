package io.basalt.tpch;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.ingest.tpch.TpchData;
import io.basalt.ingest.tpch.TpchDataGenerator;
import io.basalt.ingest.tpch.TpchProgressListener;
import io.basalt.server.BasaltServer;
import io.basalt.server.ServerConfig;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * TPC-H at scale factor 0.01 on an in-process Basalt server, reached through the Basalt JDBC
 * driver: loads the eight tables with COPY and checks each query against its reference answer.
 * Subclasses fix the slice count, since results must not depend on it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TpchSf001Suite {
  private static final TpchScale SCALE = TpchScale.parse("0.01");
  private static final String PASSWORD = "tpch-sf001";

  @TempDir static Path temporary;
  private BasaltServer server;
  private Connection connection;
  private TpchRunner runner;
  private TpchData data;
  private TpchQueries kit;

  @BeforeAll
  void startServerAndLoad() throws Exception {
    kit = TpchQueries.locate(Optional.empty());
    data =
        new TpchDataGenerator(SCALE.doubleValue())
            .generate(temporary.resolve("tbl"), TpchProgressListener.NONE);
    server =
        BasaltServer.start(
            ServerConfig.defaults()
                .withPort(0)
                .withDataDirectory(temporary.resolve("server"))
                .withAdminPassword(PASSWORD)
                .withSlices(slices()));
    Properties properties = new Properties();
    properties.setProperty("user", "admin");
    properties.setProperty("password", PASSWORD);
    connection = DriverManager.getConnection(server.jdbcUrl(), properties);
    runner =
        new TpchRunner(connection, SCALE.schemaName(), LoadDialect.BASALT, System.out::println);
    runner.load(data);
    LoadDialect.BASALT.useSchema(connection, SCALE.schemaName());
  }

  /** How many slices the server stores and runs each query on. */
  abstract int slices();

  @AfterAll
  void stopServer() throws Exception {
    if (connection != null) {
      connection.close();
    }
    if (server != null) {
      server.close();
    }
  }

  static List<Integer> queries() {
    return TpchQueries.ALL;
  }

  @Test
  void holdsEveryGeneratedRow() {
    assertThat(runner.isLoaded(data)).isTrue();
  }

  @ParameterizedTest(name = "Q{0}")
  @MethodSource("queries")
  void answersQuery(int query) {
    QueryResult result = runner.run(kit, SCALE, query);

    assertThat(result.verdict()).as(result.message()).isEqualTo(QueryResult.Verdict.CORRECT);
  }
}
