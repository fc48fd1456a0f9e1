package io.basalt.storage;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * What a scan reads: the table columns to return, in that order ({@code columns}, indexes into
 * the table definition; predicate columns need not be among them); the predicates to apply; the
 * slice to read, or -1 for all slices; and a flag polled between blocks that, once true, makes the
 * scan stop with a {@link StorageException} of SQLSTATE 57014 (query canceled).
 *
 * <p>{@code share} of {@code shares} splits a scan into disjoint parts for parallel readers:
 * share p reads the slices s with s mod shares = p when the table has rows on at least
 * {@code shares} slices, and otherwise every shares-th block; one share of one is everything.
 */
public record ScanRequest(int[] columns, List<ColumnPredicate> predicates, int slice,
    BooleanSupplier canceled, int share, int shares) {
  public ScanRequest {
    requireNonNull(columns, "columns is null");
    predicates = List.copyOf(predicates);
    requireNonNull(canceled, "canceled is null");
    if (shares < 1 || share < 0 || share >= shares) {
      throw new IllegalArgumentException("share " + share + " of " + shares);
    }
  }

  public ScanRequest(int[] columns, List<ColumnPredicate> predicates, int slice,
      BooleanSupplier canceled) {
    this(columns, predicates, slice, canceled, 0, 1);
  }

  /** This request narrowed to share {@code share} of {@code shares}. */
  public ScanRequest withShare(int share, int shares) {
    return new ScanRequest(columns, predicates, slice, canceled, share, shares);
  }

  public static ScanRequest allColumns(TableDefinition table) {
    int[] all = new int[table.columns().size()];
    for (int i = 0; i < all.length; i++) {
      all[i] = i;
    }
    return new ScanRequest(all, List.of(), -1, () -> false);
  }
}
