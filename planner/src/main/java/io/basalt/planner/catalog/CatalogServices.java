package io.basalt.planner.catalog;

import static java.util.Objects.requireNonNull;

import io.basalt.planner.CopyRunner;
import io.basalt.storage.StorageEngine;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the planner's schemas, rules and executors share for one server: the store, the COPY
 * runner, the slice count, the query id sequence and the table write locks. Passed in, never static.
 */
public record CatalogServices(
    StorageEngine storage, CopyRunner copyRunner, int slices, AtomicLong queryIds,
    TableLocks tableLocks) {
  public CatalogServices {
    requireNonNull(storage, "storage is null");
    requireNonNull(copyRunner, "copyRunner is null");
    requireNonNull(queryIds, "queryIds is null");
    requireNonNull(tableLocks, "tableLocks is null");
  }
}
