package io.basalt.server.bootstrap;

import io.basalt.ingest.tpch.TpchData;
import io.basalt.ingest.tpch.TpchDataGenerator;
import io.basalt.ingest.tpch.TpchProgressListener;
import io.basalt.ingest.tpch.TpchSchema;
import io.basalt.planner.BasaltPlanner;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * The {@code --demo} data set: TPC-H at scale factor 0.01 in schema {@code tpch}, generated and
 * loaded with the same CREATE TABLE and COPY statements a user would run, on first start only.
 */
public final class DemoData {
  static final String SCHEMA = "tpch";
  static final double SCALE_FACTOR = 0.01;

  private DemoData() {}

  public static void loadIfMissing(BasaltPlanner planner, Path dataDirectory, PrintStream out)
      throws SQLException {
    try (Connection connection = planner.openSession("public");
        Statement statement = connection.createStatement()) {
      TpchData data;
      try {
        data = new TpchDataGenerator(SCALE_FACTOR).generate(
            dataDirectory.resolve("s3").resolve("basalt-demo").resolve("tpch-sf0.01"),
            TpchProgressListener.NONE);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot generate the TPC-H demo data", e);
      }
      if (loaded(statement, data.rowCounts())) {
        return;
      }
      out.println("Loading the TPC-H demo data (scale factor 0.01) into schema \"tpch\"...");
      statement.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
      statement.execute(TpchSchema.createSchema(SCHEMA));
      for (String create : TpchSchema.createTables(SCHEMA)) {
        statement.execute(create);
      }
      for (String copy : TpchSchema.copyAll(SCHEMA, data.directory().toString())) {
        statement.execute(copy);
      }
      out.println("Loaded " + data.rowCounts().size() + " TPC-H tables into schema \"tpch\".");
    }
  }

  private static boolean loaded(Statement statement, Map<String, Long> expected) {
    try {
      for (Map.Entry<String, Long> table : expected.entrySet()) {
        try (ResultSet rows = statement.executeQuery(
            "SELECT COUNT(*) FROM " + SCHEMA + "." + table.getKey())) {
          if (!rows.next() || rows.getLong(1) != table.getValue()) {
            return false;
          }
        }
      }
      return true;
    } catch (SQLException missing) {
      return false;
    }
  }
}
