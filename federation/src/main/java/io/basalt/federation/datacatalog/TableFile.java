package io.basalt.federation.datacatalog;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * Everything the catalog keeps about one table, stored together in the table's file: the table,
 * its schema versions (oldest first) and its partitions (in {@link CatalogPartitions#ORDER}).
 */
record TableFile(
    CatalogTable table, List<CatalogTableVersion> versions, List<CatalogPartition> partitions) {
  TableFile {
    requireNonNull(table, "table is null");
    versions = List.copyOf(versions);
    partitions = List.copyOf(partitions);
  }

  TableFile withTable(CatalogTable newTable) {
    return new TableFile(newTable, versions, partitions);
  }

  TableFile withVersions(List<CatalogTableVersion> newVersions) {
    return new TableFile(table, newVersions, partitions);
  }

  TableFile withPartitions(List<CatalogPartition> newPartitions) {
    return new TableFile(table, versions, newPartitions);
  }
}
