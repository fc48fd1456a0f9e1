package io.basalt.federation.lake;

import static java.util.Objects.requireNonNull;

import io.basalt.federation.datacatalog.CatalogTable;
import io.basalt.federation.datacatalog.DataCatalog;
import io.basalt.planner.source.ColumnStatistics;
import io.basalt.planner.source.PredicateSupport;
import io.basalt.planner.source.ScanContext;
import io.basalt.planner.source.ScanSpec;
import io.basalt.planner.source.SourceScan;
import io.basalt.planner.source.SourceStatistics;
import io.basalt.planner.source.TableSource;
import io.basalt.storage.ColumnDefinition;
import io.basalt.storage.ColumnPredicate;
import io.basalt.storage.format.FileFormat;
import io.basalt.storage.objectstore.ObjectStore;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * An external (Spectrum / Athena) table through the table-source seam: files under the table's
 * location, or under its partitions' locations, in Parquet, delimited text or JSON. Predicates
 * on partition keys are evaluated exactly on each partition's values (partition pruning);
 * predicates on Parquet columns skip row groups by their statistics and stay in the plan; text
 * and JSON take none.
 */
final class ExternalTableSource implements TableSource {
  private final DataCatalog catalog;
  private final ObjectStore store;
  private final ScanLog log;
  private final ColumnSamples samples;
  private final String schema;
  private final CatalogTable table;
  private final List<ColumnDefinition> columns;

  ExternalTableSource(DataCatalog catalog, ObjectStore store, ScanLog log,
      ColumnSamples samples, String schema, CatalogTable table) {
    this.catalog = requireNonNull(catalog, "catalog is null");
    this.store = requireNonNull(store, "store is null");
    this.log = requireNonNull(log, "log is null");
    this.samples = requireNonNull(samples, "samples is null");
    this.schema = requireNonNull(schema, "schema is null");
    this.table = requireNonNull(table, "table is null");
    this.columns = LakeTables.columns(table);
  }

  CatalogTable table() {
    return table;
  }

  @Override
  public String name() {
    return schema + "." + table.name();
  }

  @Override
  public String kind() {
    return table.format().toLowerCase(Locale.ROOT);
  }

  @Override
  public List<ColumnDefinition> columns() {
    return columns;
  }

  boolean isPartitionKey(int column) {
    return column >= table.columns().size();
  }

  @Override
  public SourceStatistics statistics() {
    String rows = table.parameters().get("numRows");
    OptionalDouble count = OptionalDouble.empty();
    if (rows != null) {
      try {
        count = OptionalDouble.of(Double.parseDouble(rows.trim()));
      } catch (NumberFormatException ignored) {
        // A malformed numRows property only loses the estimate.
      }
    }
    OptionalDouble rowCount = count;
    return new SourceStatistics() {
      @Override
      public OptionalDouble rowCount() {
        return rowCount;
      }

      /** Sampled only for tables whose size the catalog records (numRows). */
      @Override
      public ColumnStatistics column(int index) {
        if (rowCount.isEmpty()) {
          return ColumnStatistics.UNKNOWN;
        }
        return ColumnStatistics.ofDistinct(samples.distinctValues(table,
            ExternalTableSource.this, index, rowCount.getAsDouble()));
      }
    };
  }

  @Override
  public PredicateSupport support(ColumnPredicate predicate) {
    if (isPartitionKey(predicate.column())) {
      return PredicateSupport.EXACT;
    }
    // The Parquet reader skips row groups by their statistics and filters the rest row by row.
    return LakeTables.format(table) == FileFormat.PARQUET
        ? PredicateSupport.EXACT : PredicateSupport.NONE;
  }

  @Override
  public SourceScan scan(ScanSpec spec, ScanContext context) {
    // The catalog is read again: partitions added since planning are seen by this execution.
    CatalogTable current = catalog.table(table.database(), table.name()).orElse(table);
    ExternalScan scan = new ExternalScan(store, current, catalog.partitions(current.database(),
        current.name()), columns, spec, name());
    log.record(context.queryId(), context.user(), name(), kind(),
        !table.partitionKeys().isEmpty(), scan);
    return scan;
  }
}
