package io.basalt.federation.lake;

import io.basalt.federation.datacatalog.CatalogColumn;
import io.basalt.federation.datacatalog.CatalogPartition;
import io.basalt.federation.datacatalog.CatalogTable;
import io.basalt.federation.datacatalog.DataCatalog;
import io.basalt.federation.lake.PartitionLayout.FolderPartition;
import io.basalt.storage.StorageException;
import io.basalt.storage.objectstore.ObjectUri;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Writes what a crawl inferred into the Data Catalog, one table at a time.
 *
 * <p>A new table is created with all its partitions. An existing one (same location, format and
 * partition key names, or the crawl fails naming the difference) gets the columns its files now
 * have appended, through {@link DataCatalog#replaceTable} so the catalog records a new table
 * version; its partition keys widened when new folder values do not parse as their types (to
 * {@code bigint} or {@code string}, re-registering the partitions under the new values); the
 * crawler's table properties refreshed (other properties and the SerDe are kept); and the
 * partition folders it does not have yet added. Columns are never removed or retyped.
 */
final class CrawlCommit {
  static final String CREATED = "created";
  static final String UPDATED = "updated";
  static final String UNCHANGED = "unchanged";

  private final DataCatalog catalog;

  CrawlCommit(DataCatalog catalog) {
    this.catalog = catalog;
  }

  /** The result row of one table: name, action, format, location, columns and partitions added. */
  Object[] apply(String database, InferredTable inferred, String crawled) {
    Optional<CatalogTable> existing = catalog.table(database, inferred.name());
    if (existing.isEmpty()) {
      CatalogTable definition = inferred.definition(database);
      catalog.createTable(definition, false);
      int added = addPartitions(definition, inferred.layout(), List.of());
      return row(inferred, CREATED, inferred.columns().size(), added);
    }
    CatalogTable current = existing.get();
    check(current, inferred, crawled);

    List<CatalogColumn> columns = new ArrayList<>(current.columns());
    Set<String> names = new HashSet<>();
    current.columns().forEach(c -> names.add(c.name()));
    current.partitionKeys().forEach(c -> names.add(c.name()));
    List<String> addedNames = new ArrayList<>();
    for (CatalogColumn column : inferred.columns()) {
      if (names.add(column.name())) {
        columns.add(column);
        addedNames.add(column.name());
      }
    }
    List<CatalogColumn> keys = new ArrayList<>();
    for (int k = 0; k < current.partitionKeys().size(); k++) {
      CatalogColumn key = current.partitionKeys().get(k);
      List<String> values = new ArrayList<>();
      for (FolderPartition partition : inferred.layout().partitions()) {
        values.add(partition.values().get(k));
      }
      keys.add(new CatalogColumn(key.name(), PartitionLayout.reconcile(key, values),
          key.comment()));
    }
    Map<String, String> parameters = new HashMap<>(current.parameters());
    parameters.putAll(inferred.parameters());
    CatalogTable next = current.withColumns(columns).withPartitionKeys(keys)
        .withParameters(parameters);
    boolean changed = !next.equals(current);
    if (changed) {
      String reason = !addedNames.isEmpty() ? "CRAWL added columns " + String.join(", ",
          addedNames) : !keys.equals(current.partitionKeys())
          ? "CRAWL widened partition key types" : "CRAWL refreshed table properties";
      next = catalog.replaceTable(next, reason);
    }
    int added = addPartitions(next, inferred.layout(),
        catalog.partitions(database, inferred.name()));
    return row(inferred, changed || added > 0 ? UPDATED : UNCHANGED, addedNames.size(), added);
  }

  /** An existing table must be the one the crawl found: same location, format and keys. */
  private static void check(CatalogTable current, InferredTable inferred, String crawled) {
    String action = "Cannot crawl '" + crawled + "': table '" + current.database() + "."
        + current.name() + "' ";
    if (!ObjectUri.parse(current.location()).asPrefix().equals(inferred.location())) {
      throw new StorageException("42P07", action + "already exists with location '"
          + current.location() + "', not '" + inferred.location() + "'");
    }
    if (!current.format().equals(inferred.format())) {
      throw new StorageException("42804", action + "is " + current.format()
          + " in the catalog but its files are " + inferred.format());
    }
    List<String> recorded = current.partitionKeys().stream().map(CatalogColumn::name).toList();
    List<String> found = inferred.layout().keys().stream().map(CatalogColumn::name).toList();
    if (!recorded.equals(found)) {
      throw new StorageException("55000", action + "is partitioned by (" + String.join(", ",
          recorded) + ") in the catalog but its folders by (" + String.join(", ", found)
          + "); drop the table to crawl it again");
    }
  }

  /**
   * Adds the partition folders not yet registered and returns how many; a registered folder
   * whose values read differently under widened key types is registered again (not counted).
   */
  private int addPartitions(CatalogTable table, PartitionLayout layout,
      List<CatalogPartition> existing) {
    if (layout.partitions().isEmpty()) {
      return 0;
    }
    Map<String, CatalogPartition> byLocation = new HashMap<>();
    Set<List<String>> present = new HashSet<>();
    for (CatalogPartition partition : existing) {
      byLocation.put(ObjectUri.parse(partition.location()).asPrefix().toString(), partition);
      present.add(partition.values());
    }
    List<List<String>> stale = new ArrayList<>();
    List<CatalogPartition> toAdd = new ArrayList<>();
    int added = 0;
    for (FolderPartition partition : layout.partitions()) {
      List<String> values = LakeDdl.canonicalValues(table, partition.values());
      String location = partition.location().toString();
      CatalogPartition old = byLocation.get(location);
      if (old != null) {
        if (!old.values().equals(values)) {
          stale.add(old.values());
          toAdd.add(CatalogPartition.of(values, location));
        }
      } else if (present.add(values)) {
        toAdd.add(CatalogPartition.of(values, location));
        added++;
      }
    }
    if (!stale.isEmpty()) {
      catalog.dropPartitions(table.database(), table.name(), stale, true);
    }
    if (!toAdd.isEmpty()) {
      catalog.addPartitions(table.database(), table.name(), toAdd, true);
    }
    return added;
  }

  private static Object[] row(InferredTable table, String action, int columnsAdded,
      int partitionsAdded) {
    return new Object[] {table.name(), action, table.classification(),
        table.location().toString(), columnsAdded, partitionsAdded};
  }
}
