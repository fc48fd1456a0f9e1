package io.basalt.planner.source;

import static java.util.Objects.requireNonNull;

import io.basalt.storage.ColumnPredicate;
import java.util.List;
import java.util.OptionalLong;

/**
 * What one scan reads: {@code columns}, indexes into the source's columns in output order;
 * {@code predicates}, ANDed, over source column indexes (the ones the source declared {@link
 * PredicateSupport#EXACT} or {@link PredicateSupport#PRUNING} for); an optional row limit the
 * source may stop after; and the {@code version} of the table to read, {@link
 * TableVersion#LATEST} unless the query asked for another (only of a source that {@link
 * TableSource#supportsVersions}).
 */
public record ScanSpec(int[] columns, List<ColumnPredicate> predicates, OptionalLong limit,
    TableVersion version) {
  public ScanSpec {
    requireNonNull(columns, "columns is null");
    columns = columns.clone();
    predicates = List.copyOf(predicates);
    requireNonNull(limit, "limit is null");
    requireNonNull(version, "version is null");
  }

  /** A scan of the latest version. */
  public ScanSpec(int[] columns, List<ColumnPredicate> predicates, OptionalLong limit) {
    this(columns, predicates, limit, TableVersion.LATEST);
  }

  /** The same scan of another version of the table. */
  public ScanSpec withVersion(TableVersion newVersion) {
    return new ScanSpec(columns, predicates, limit, newVersion);
  }

  @Override
  public int[] columns() {
    return columns.clone();
  }

  /** Every column of a source of {@code width} columns, no predicate, no limit. */
  public static ScanSpec allColumns(int width) {
    int[] all = new int[width];
    for (int i = 0; i < width; i++) {
      all[i] = i;
    }
    return new ScanSpec(all, List.of(), OptionalLong.empty());
  }
}
