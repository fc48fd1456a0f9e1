package io.basalt.federation.datacatalog;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A partition of a catalog table: one value per partition key, in key order, and the location of
 * its files. The catalog sets {@code createTimeMillis} when it adds the partition.
 */
public record CatalogPartition(List<String> values, String location, long createTimeMillis) {
  public CatalogPartition {
    values = List.copyOf(values);
    requireNonNull(location, "location is null");
  }

  /** A partition not yet added to the catalog. */
  public static CatalogPartition of(List<String> values, String location) {
    return new CatalogPartition(values, location, 0);
  }

  CatalogPartition withCreateTimeMillis(long millis) {
    return new CatalogPartition(values, location, millis);
  }
}
