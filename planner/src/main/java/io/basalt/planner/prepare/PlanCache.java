package io.basalt.planner.prepare;

import io.basalt.planner.catalog.TempSchemas;
import java.util.function.LongSupplier;
import java.lang.reflect.Type;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.calcite.jdbc.CalcitePrepare;
import org.apache.calcite.jdbc.CalcitePrepare.CalciteSignature;

/**
 * Compiled query plans, reused when a session runs the same SQL again (as Redshift reuses
 * compiled segments): parsing, validation, optimization and Janino compilation then cost
 * nothing. A plan is keyed by everything that shapes it — the session (its user, temp tables and
 * settings), the search path, the SQL text — and holds while the catalog is at the version it
 * was planned at; any commit (DDL, loads, DML) makes older plans stale.
 */
final class PlanCache {
  private static final int CAPACITY = 512;

  private final LongSupplier catalogVersion;
  private final Map<Key, Entry> plans = new LinkedHashMap<>(64, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Key, Entry> eldest) {
      return size() > CAPACITY;
    }
  };

  PlanCache(LongSupplier catalogVersion) {
    this.catalogVersion = catalogVersion;
  }

  /** What makes two preparations produce the same plan. */
  record Key(String session, List<String> schemaPath, String settings, String sql,
      Type elementType, long maxRowCount) {}

  private record Entry(long version, CalciteSignature<?> signature) {}

  static Key key(CalcitePrepare.Context context, String sql, Type elementType, long maxRowCount,
      Properties session) {
    String settings = session.getProperty("vectorized_engine", "") + "/"
        + session.getProperty("query_memory_limit_mb", "");
    return new Key(session.getProperty("user", "") + "/" + TempSchemas.of(session),
        List.copyOf(context.getDefaultSchemaPath()), settings, sql, elementType, maxRowCount);
  }

  /** The catalog version a plan prepared now is valid for (read before planning). */
  long version() {
    return catalogVersion.getAsLong();
  }

  @SuppressWarnings("unchecked")
  synchronized <T> CalciteSignature<T> get(Key key) {
    Entry entry = plans.get(key);
    if (entry == null) {
      return null;
    }
    if (entry.version() != catalogVersion.getAsLong()) {
      plans.remove(key);
      return null;
    }
    return (CalciteSignature<T>) entry.signature();
  }

  synchronized void put(Key key, long version, CalciteSignature<?> signature) {
    plans.put(key, new Entry(version, signature));
  }
}
