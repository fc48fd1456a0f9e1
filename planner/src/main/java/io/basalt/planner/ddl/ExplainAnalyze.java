package io.basalt.planner.ddl;

import io.basalt.planner.rel.vector.ExecutionProfile;
import io.basalt.storage.ColumnDefinition;
import io.basalt.storage.ColumnType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import org.apache.calcite.DataContext;

/**
 * EXPLAIN ANALYZE: runs the query (its rows are counted, not returned) and reports the engine
 * plan with each operator's actual rows, batches and time, and each scan's source figures
 * (splits, files, bytes, blocks or row groups read and skipped, partitions qualified).
 */
final class ExplainAnalyze {
  /** The one column of the report, named as Redshift names EXPLAIN's. */
  static final List<ColumnDefinition> COLUMNS = List.of(
      new ColumnDefinition("QUERY PLAN", ColumnType.varchar(65535), false, null));

  private ExplainAnalyze() {}

  static List<Object[]> run(QueryRunner queries, String sql, DataContext dataContext) {
    QueryRunner.Planned planned = queries.plan(sql);
    ExecutionProfile profile = new ExecutionProfile();
    LongAdder rows = new LongAdder();
    long start = System.nanoTime();
    planned.forEachRow(dataContext, Map.of(ExecutionProfile.KEY, profile), row -> rows.increment());
    double millis = (System.nanoTime() - start) / 1e6;
    List<Object[]> lines = new ArrayList<>();
    for (String line : profile.report()) {
      lines.add(new Object[] {line});
    }
    if (lines.isEmpty()) {
      lines.add(new Object[] {"(no operator ran in the engine: vectorized_engine is off or the "
          + "query has no table)"});
    }
    lines.add(new Object[] {String.format(Locale.ROOT, "Execution time: %.1f ms, %d rows",
        millis, rows.sum())});
    return lines;
  }
}
