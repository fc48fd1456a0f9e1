package io.basalt.storage;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * What a scan reads: the table columns to return, in that order ({@code columns}, indexes into
 * the table definition; predicate columns need not be among them); the predicates to apply; the
 * slice to read, or -1 for all slices; and a flag polled between blocks that, once true, makes the
 * scan stop with a {@link StorageException} of SQLSTATE 57014 (query canceled).
 */
public record ScanRequest(
    int[] columns, List<ColumnPredicate> predicates, int slice, BooleanSupplier canceled) {
  public ScanRequest {
    requireNonNull(columns, "columns is null");
    predicates = List.copyOf(predicates);
    requireNonNull(canceled, "canceled is null");
  }

  public static ScanRequest allColumns(TableDefinition table) {
    int[] all = new int[table.columns().size()];
    for (int i = 0; i < all.length; i++) {
      all[i] = i;
    }
    return new ScanRequest(all, List.of(), -1, () -> false);
  }
}
