package io.basalt.planner.catalog;

import static java.util.Objects.requireNonNull;

import io.basalt.planner.CopyRunner;
import io.basalt.planner.cost.ColumnStatistics;
import io.basalt.planner.rel.vector.EngineSettings;
import io.basalt.storage.StorageEngine;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the planner's schemas, rules and executors share for one server: the store, the COPY
 * runner, the slice count, the query id sequence, the table write locks, column statistics and the execution engine's
 * settings, and the external catalog (the lake, Iceberg, federated sources). Passed in, never static.
 */
public record CatalogServices(
    StorageEngine storage, CopyRunner copyRunner, int slices, AtomicLong queryIds,
    TableLocks tableLocks, ColumnStatistics statistics, EngineSettings engine,
    ExternalCatalog external) {
  public CatalogServices {
    requireNonNull(storage, "storage is null");
    requireNonNull(copyRunner, "copyRunner is null");
    requireNonNull(queryIds, "queryIds is null");
    requireNonNull(tableLocks, "tableLocks is null");
    requireNonNull(statistics, "statistics is null");
    requireNonNull(engine, "engine is null");
    requireNonNull(external, "external is null");
  }

  /** Changes whenever any native or external table or schema definition changes. */
  public long catalogVersion() {
    return storage.catalogVersion() * 1_000_003L + external.version();
  }
}
