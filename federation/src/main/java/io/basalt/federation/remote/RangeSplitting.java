package io.basalt.federation.remote;

import io.basalt.storage.StorageException;
import io.basalt.storage.TypeName;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How a federated table is read in parallel, from its table properties {@code split_column} (an
 * integer, date or timestamp column), {@code split_count} (1 to the pool's size, 1 meaning one
 * query) and optionally {@code split_lower} and {@code split_upper}: as Spark's and Trino's JDBC
 * readers do, the scan reads {@code split_count} ranges of the column between the bounds given,
 * or else between its minimum and maximum, which it asks the remote for, with one query each.
 * {@code lower} and {@code upper} are null or both set, in the engine's representation.
 */
record RangeSplitting(String column, int count, Long lower, Long upper) {
  static final String COLUMN = "split_column";
  static final String COUNT = "split_count";
  static final String LOWER = "split_lower";
  static final String UPPER = "split_upper";
  static final List<String> PROPERTIES = List.of(COLUMN, COUNT, LOWER, UPPER);
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
            + "' is not a property of federated tables (they take "
            + String.join(", ", PROPERTIES) + ")");
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
    String lowerText = properties.get(LOWER);
    String upperText = properties.get(UPPER);
    if ((lowerText == null) != (upperText == null)) {
      throw new StorageException("22023", "Cannot " + action + ": property '"
          + (lowerText == null ? LOWER : UPPER) + "' is missing (" + LOWER + " and " + UPPER
          + " go together)");
    }
    Long lower = lowerText == null ? null : bound(action, LOWER, lowerText, found);
    Long upper = upperText == null ? null : bound(action, UPPER, upperText, found);
    if (lower != null && lower >= upper) {
      throw new StorageException("22023", "Cannot " + action + ": property '" + LOWER
          + "' is '" + lowerText + "', not below " + UPPER + " '" + upperText + "'");
    }
    return count == 1 ? Optional.empty()
        : Optional.of(new RangeSplitting(found.name(), count, lower, upper));
  }

  /** A bound written as a value of {@code column}'s type, in the engine's representation. */
  private static long bound(String action, String property, String text, RemoteColumn column) {
    try {
      return switch (column.type().name()) {
        case DATE -> LocalDate.parse(text.trim()).toEpochDay();
        case TIMESTAMP -> LocalDateTime.parse(text.trim().replace(' ', 'T'))
            .toInstant(ZoneOffset.UTC).toEpochMilli();
        default -> Long.parseLong(text.trim());
      };
    } catch (NumberFormatException | DateTimeParseException e) {
      throw new StorageException("22023", "Cannot " + action + ": property '" + property
          + "' is '" + text + "', not a value of column '" + column.name() + "' ("
          + column.type().sqlName() + ")");
    }
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
