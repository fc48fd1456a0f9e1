package io.basalt.federation.lake;

import io.basalt.federation.datacatalog.CatalogPartition;
import io.basalt.federation.datacatalog.CatalogTable;
import io.basalt.federation.datacatalog.DataCatalog;
import io.basalt.planner.cost.SourceSampler;
import io.basalt.planner.source.TableSource;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Distinct-value estimates of external table columns for the optimizer, kept per table version:
 * partition keys are counted exactly from the catalog's partitions; data columns are sampled
 * once (a bounded read of the first files) through the table's source.
 */
final class ColumnSamples {
  /** Rows read to sample one column. */
  static final long SAMPLE_ROWS = 1_000_000;

  /** One column of one version of a table. */
  private record Key(String database, String table, long updateTime, int version,
      int partitions, int column) {}

  private final DataCatalog catalog;
  private final Map<Key, Double> distinct = new ConcurrentHashMap<>();

  ColumnSamples(DataCatalog catalog) {
    this.catalog = catalog;
  }

  double distinctValues(CatalogTable table, TableSource source, int column, double rows) {
    int dataColumns = table.columns().size();
    var partitions = catalog.partitions(table.database(), table.name());
    Key key = new Key(table.database(), table.name(), table.updateTimeMillis(), table.version(),
        partitions.size(), column);
    return distinct.computeIfAbsent(key, k -> {
      if (column >= dataColumns) {
        Set<String> values = new HashSet<>();
        for (CatalogPartition partition : partitions) {
          values.add(partition.values().get(column - dataColumns));
        }
        return (double) Math.max(1, values.size());
      }
      return SourceSampler.distinctValues(source, column, rows, SAMPLE_ROWS);
    });
  }
}
