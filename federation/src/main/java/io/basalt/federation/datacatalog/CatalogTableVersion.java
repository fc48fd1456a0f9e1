package io.basalt.federation.datacatalog;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The schema a catalog table had from its version {@code version} on, kept as Glue keeps table
 * versions: one for the creation and one for each change of the columns or partition keys.
 */
public record CatalogTableVersion(
    int version,
    List<CatalogColumn> columns,
    List<CatalogColumn> partitionKeys,
    long timeMillis,
    String reason) {
  public CatalogTableVersion {
    columns = List.copyOf(columns);
    partitionKeys = List.copyOf(partitionKeys);
    requireNonNull(reason, "reason is null");
  }
}
