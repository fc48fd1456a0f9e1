package io.basalt.planner.catalog;

import io.basalt.storage.ColumnDefinition;
import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * What a statement executed outside the planner returns: an update count, or a result set
 * ({@code columns} and {@code rows} in the storage value representation) for statements such as
 * CRAWL that report what they did.
 */
public record StatementOutcome(long rowCount, @Nullable List<ColumnDefinition> columns,
    @Nullable List<Object[]> rows) {
  public StatementOutcome {
    columns = columns == null ? null : List.copyOf(columns);
    rows = rows == null ? null : List.copyOf(rows);
  }

  public static StatementOutcome count(long rows) {
    return new StatementOutcome(rows, null, null);
  }

  public static StatementOutcome rows(List<ColumnDefinition> columns, List<Object[]> rows) {
    return new StatementOutcome(rows.size(), columns, rows);
  }

  public boolean hasRows() {
    return columns != null;
  }
}
