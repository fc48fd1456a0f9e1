package io.basalt.planner.rel.vector;

import java.util.concurrent.atomic.AtomicLong;
import java.util.Properties;
import org.apache.calcite.DataContext;
import org.apache.calcite.jdbc.CalciteConnection;

/**
 * The engine's server-wide settings: how many slices a query runs on and how much memory one
 * query may hold. A session may lower or raise its memory limit with
 * {@code SET query_memory_limit_mb TO n}, kept in the connection's properties.
 */
public record EngineSettings(int parallelism, long queryMemoryLimitBytes, AtomicLong queryIds) {
  /** Session property holding the query memory limit in MB. */
  public static final String MEMORY_LIMIT_PROPERTY = "query_memory_limit_mb";
  /** Session property that, when "off", plans queries with Calcite's Enumerable engine only. */
  public static final String ENGINE_PROPERTY = "vectorized_engine";

  /** Settings with a query id sequence of their own. */
  public EngineSettings(int parallelism, long queryMemoryLimitBytes) {
    this(parallelism, queryMemoryLimitBytes, new AtomicLong());
  }

  public EngineSettings {
    if (parallelism < 1 || queryMemoryLimitBytes < 1) {
      throw new IllegalArgumentException("parallelism and memory limit must be positive");
    }
  }

  /** The default per-query memory limit: half of the heap. */
  public static long defaultQueryMemoryLimit() {
    return Runtime.getRuntime().maxMemory() / 2;
  }

  /** The memory limit for a query of the session that {@code root} belongs to. */
  long memoryLimit(DataContext root) {
    Properties properties = sessionProperties(root);
    String value = properties.getProperty(MEMORY_LIMIT_PROPERTY);
    if (value == null) {
      return queryMemoryLimitBytes;
    }
    return Long.parseLong(value) << 20;
  }

  /** Whether the session turned the engine off. */
  public static boolean isDisabled(Properties sessionProperties) {
    return "off".equalsIgnoreCase(sessionProperties.getProperty(ENGINE_PROPERTY, "on"));
  }

  private static Properties sessionProperties(DataContext root) {
    Object connection = root.getQueryProvider();
    return connection instanceof CalciteConnection calcite
        ? calcite.getProperties() : new Properties();
  }
}
