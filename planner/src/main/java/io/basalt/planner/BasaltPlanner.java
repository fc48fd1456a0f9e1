package io.basalt.planner;

import io.basalt.planner.catalog.CatalogServices;
import io.basalt.planner.catalog.ExternalCatalog;
import io.basalt.planner.catalog.TableLocks;
import io.basalt.planner.catalog.TempSchemas;
import io.basalt.planner.cost.ColumnStatistics;
import io.basalt.planner.prepare.EmbeddedDriver;
import io.basalt.planner.prepare.SqlErrors;
import io.basalt.planner.rel.vector.EngineSettings;
import io.basalt.planner.sql.SqlSettings;
import io.basalt.storage.StorageEngine;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The planner's entry point: opens SQL sessions over the store. Each session is a JDBC connection
 * in which Calcite parses, validates and plans Redshift SQL and Basalt executes DDL, DML and COPY.
 */
public final class BasaltPlanner {
  private final EmbeddedDriver driver;
  private final AtomicLong sessions = new AtomicLong();

  public BasaltPlanner(StorageEngine storage, CopyRunner copyRunner, int slices) {
    this(storage, copyRunner, slices, EngineSettings.defaultQueryMemoryLimit());
  }

  /**
   * A planner whose queries run on {@code slices} threads each and may hold at most
   * {@code queryMemoryLimitBytes} in hash tables and sort buffers.
   */
  public BasaltPlanner(StorageEngine storage, CopyRunner copyRunner, int slices,
      long queryMemoryLimitBytes) {
    this(storage, copyRunner, slices, queryMemoryLimitBytes, ExternalCatalog.NONE);
  }

  /** A planner that also serves the external schemas of {@code external}. */
  public BasaltPlanner(StorageEngine storage, CopyRunner copyRunner, int slices,
      long queryMemoryLimitBytes, ExternalCatalog external) {
    AtomicLong queryIds = new AtomicLong();
    CatalogServices services = new CatalogServices(storage, copyRunner, slices, queryIds,
        new TableLocks(), new ColumnStatistics(storage),
        new EngineSettings(slices, queryMemoryLimitBytes, queryIds), external);
    this.driver = new EmbeddedDriver(services);
    TempSchemas.dropAll(storage);
  }

  /** A new session of the superuser whose unqualified names resolve in {@code defaultSchema}. */
  public Connection openSession(String defaultSchema) throws SQLException {
    return openSession(defaultSchema, "admin");
  }

  /** A new session of {@code user} (what CURRENT_USER returns). */
  public Connection openSession(String defaultSchema, String user) throws SQLException {
    Properties properties = SqlSettings.connectionProperties(defaultSchema);
    properties.setProperty("user", user);
    properties.setProperty(TempSchemas.SESSION_PROPERTY,
        String.valueOf(sessions.incrementAndGet()));
    Connection connection = driver.connect(properties);
    connection.setSchema(defaultSchema);
    // Every statement commits on its own: there are no multi-statement transactions to hold.
    connection.setAutoCommit(true);
    return connection;
  }

  /** Plans and runs one small query, paying Calcite's and Janino's first-use cost up front. */
  public void warmUp() throws SQLException {
    try (Connection connection = openSession("public");
        Statement statement = connection.createStatement()) {
      statement.executeQuery("SELECT COUNT(*) FROM (VALUES (1, 'a'), (2, 'b')) AS t (x, y) "
          + "WHERE x > 1 GROUP BY y").close();
    }
  }

  /** The SQLSTATE and message a user sees for an error thrown by a session. */
  public static SqlErrors.SqlError describe(Throwable error) {
    return SqlErrors.classify(error);
  }
}
