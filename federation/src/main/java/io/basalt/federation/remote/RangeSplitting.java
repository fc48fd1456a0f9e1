package io.basalt.federation.remote;

import io.basalt.storage.StorageException;
import io.basalt.storage.TypeName;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How a federated table is read in parallel, from its table properties {@code split_column} (an
 * integer, date or timestamp column) and {@code split_count} (1 to the pool's size, 1 meaning
 * one query): as Spark's and Trino's JDBC readers do, the scan asks the remote for the column's
 * minimum and maximum and reads {@code split_count} ranges of it with one query each.
 */
record RangeSplitting(String column, int count) {
  static final String COLUMN = "split_column";
  static final String COUNT = "split_count";
  static final Set<String> PROPERTIES = Set.of(COLUMN, COUNT);
  static final int MAX_COUNT = RemoteSource.POOL_SIZE;
  private static final Set<TypeName> SPLITTABLE = Set.of(TypeName.SMALLINT, TypeName.INTEGER,
      TypeName.BIGINT, TypeName.DATE, TypeName.TIMESTAMP);

  /**
   * The splitting {@code properties} ask for on {@code table}, checked: an error naming the
   * property when it is unknown or its value does not fit; empty when they ask for none.
   */
  static Optional<RangeSplitting> parse(String action, Map<String, String> properties,
      RemoteTableMetadata table) {
    for (String key : properties.keySet()) {
      if (!PROPERTIES.contains(key)) {
        throw new StorageException("22023", "Cannot " + action + ": property '" + key
            + "' is not a property of federated tables (they take " + COLUMN + " and "
            + COUNT + ")");
      }
    }
    String column = properties.get(COLUMN);
    String countText = properties.get(COUNT);
    if (column == null && countText == null) {
      return Optional.empty();
    }
    if (column == null || countText == null) {
      throw new StorageException("22023", "Cannot " + action + ": property '"
          + (column == null ? COLUMN : COUNT) + "' is missing (" + COLUMN + " and " + COUNT
          + " go together)");
    }
    int count;
    try {
      count = Integer.parseInt(countText.trim());
    } catch (NumberFormatException e) {
      count = 0;
    }
    if (count < 1 || count > MAX_COUNT) {
      throw new StorageException("22023", "Cannot " + action + ": property '" + COUNT
          + "' is '" + countText + "', not a number from 1 to " + MAX_COUNT);
    }
    RemoteColumn found = table.columns().stream()
        .filter(c -> c.name().equalsIgnoreCase(column)).findFirst()
        .orElseThrow(() -> new StorageException("42703", "Cannot " + action + ": property '"
            + COLUMN + "' names column '" + column + "', which table '" + table.name()
            + "' does not have"));
    if (!SPLITTABLE.contains(found.type().name()) || !found.pushable()) {
      throw new StorageException("22023", "Cannot " + action + ": property '" + COLUMN
          + "' names column '" + found.name() + "' of type " + found.type().sqlName()
          + "; a split column is an integer, date or timestamp");
    }
    return count == 1 ? Optional.empty() : Optional.of(new RangeSplitting(found.name(), count));
  }

  /** The splitting of a table at scan time; none when its properties no longer fit it. */
  static Optional<RangeSplitting> atScan(Map<String, String> properties,
      RemoteTableMetadata table) {
    try {
      return parse("scan", properties, table);
    } catch (StorageException e) {
      return Optional.empty();
    }
  }
}
