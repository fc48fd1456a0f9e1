package io.basalt.tpch;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.ingest.tpch.TpchData;
import io.basalt.ingest.tpch.TpchDataGenerator;
import io.basalt.ingest.tpch.TpchProgressListener;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs the harness on in-process DuckDB, the engine that computed the reference answers: all 22
 * queries matching proves the generator, the loader and the comparator independently of Basalt.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TestHarnessOnDuckDb {
  private static final TpchScale SCALE = TpchScale.parse("0.01");

  @TempDir static Path dataDirectory;
  private Connection connection;
  private TpchRunner runner;
  private TpchData data;
  private TpchQueries kit;

  @BeforeAll
  void loadScaleFactor001() throws Exception {
    data =
        new TpchDataGenerator(SCALE.doubleValue())
            .generate(dataDirectory, TpchProgressListener.NONE);
    kit = TpchQueries.locate(Optional.empty());
    connection = DriverManager.getConnection("jdbc:duckdb:");
    runner =
        new TpchRunner(
            connection, SCALE.schemaName(), LoadDialect.DUCKDB, System.out::println);
    runner.load(data);
    LoadDialect.DUCKDB.useSchema(connection, SCALE.schemaName());
  }

  @AfterAll
  void close() throws Exception {
    if (connection != null) {
      connection.close();
    }
  }

  @Test
  void seesTheLoadedDataAsLoaded() {
    assertThat(runner.isLoaded(data)).isTrue();
  }

  static List<Integer> queries() {
    return TpchQueries.ALL;
  }

  @ParameterizedTest(name = "Q{0}")
  @MethodSource("queries")
  void answersQuery(int query) {
    QueryResult result = runner.run(kit, SCALE, query);

    assertThat(result.verdict()).as(result.message()).isEqualTo(QueryResult.Verdict.CORRECT);
    assertThat(result.rows()).isPositive();
  }

  @Test
  void reportsEveryQueryAsCorrect() throws Exception {
    List<QueryResult> results = runner.run(kit, SCALE, List.of(1, 6, 17));

    assertThat(Report.format(results)).contains("Q06   |         1 | yes").contains("3/3");
  }
}
