package io.basalt.storage.format;

import static java.util.Objects.requireNonNull;

import io.basalt.storage.ColumnDefinition;
import io.basalt.storage.ColumnPredicate;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * What to read from a split: the table's columns, the ones to return ({@code columns}, indexes
 * into {@code tableColumns}, in output order; may be empty, e.g. for {@code count(*)}), the
 * predicates (over {@code tableColumns} indexes, ANDed), the format, a flag polled between
 * batches that stops the read with SQLSTATE 57014 once true, where to count and the most rows per
 * batch.
 *
 * <p>The Parquet reader applies the predicates exactly: it skips the row groups whose statistics
 * prove that no row matches and returns only the matching rows of the others. The text and JSON
 * readers ignore them, so their callers apply them.
 */
public record FileReadRequest(
    List<ColumnDefinition> tableColumns,
    int[] columns,
    List<ColumnPredicate> predicates,
    FormatOptions options,
    BooleanSupplier canceled,
    ScanCounters counters,
    int batchRows,
    RowPositions positions) {

  public static final int DEFAULT_BATCH_ROWS = 8192;

  public FileReadRequest {
    requireNonNull(positions, "positions is null");
    tableColumns = List.copyOf(tableColumns);
    columns = requireNonNull(columns, "columns is null").clone();
    predicates = List.copyOf(predicates);
    requireNonNull(options, "options is null");
    requireNonNull(canceled, "canceled is null");
    requireNonNull(counters, "counters is null");
    if (batchRows < 1) {
      throw new IllegalArgumentException("batchRows must be positive: " + batchRows);
    }
    for (int column : columns) {
      if (column < 0 || column >= tableColumns.size()) {
        throw new IllegalArgumentException("column " + column + " of " + tableColumns.size());
      }
    }
    for (ColumnPredicate predicate : predicates) {
      if (predicate.column() < 0 || predicate.column() >= tableColumns.size()) {
        throw new IllegalArgumentException("predicate column " + predicate.column() + " of "
            + tableColumns.size());
      }
    }
  }

  /** A request without deleted rows or positions. */
  public FileReadRequest(List<ColumnDefinition> tableColumns, int[] columns,
      List<ColumnPredicate> predicates, FormatOptions options, BooleanSupplier canceled,
      ScanCounters counters, int batchRows) {
    this(tableColumns, columns, predicates, options, canceled, counters, batchRows,
        RowPositions.NONE);
  }

  /** Every column, no predicates, never canceled, default batch size. */
  public static FileReadRequest allColumns(List<ColumnDefinition> tableColumns,
      FormatOptions options, ScanCounters counters) {
    int[] all = new int[tableColumns.size()];
    for (int i = 0; i < all.length; i++) {
      all[i] = i;
    }
    return new FileReadRequest(tableColumns, all, List.of(), options, () -> false, counters,
        DEFAULT_BATCH_ROWS);
  }

  @Override
  public int[] columns() {
    return columns.clone();
  }

  public FileReadRequest withColumns(int[] newColumns) {
    return new FileReadRequest(tableColumns, newColumns, predicates, options, canceled, counters,
        batchRows, positions);
  }

  public FileReadRequest withPredicates(List<ColumnPredicate> newPredicates) {
    return new FileReadRequest(tableColumns, columns, newPredicates, options, canceled, counters,
        batchRows, positions);
  }

  public FileReadRequest withBatchRows(int rows) {
    return new FileReadRequest(tableColumns, columns, predicates, options, canceled, counters,
        rows, positions);
  }

  public FileReadRequest withPositions(RowPositions newPositions) {
    return new FileReadRequest(tableColumns, columns, predicates, options, canceled, counters,
        batchRows, newPositions);
  }
}
