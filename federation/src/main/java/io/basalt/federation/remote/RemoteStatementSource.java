package io.basalt.federation.remote;

import static java.util.Objects.requireNonNull;

import io.basalt.planner.source.PredicateSupport;
import io.basalt.planner.source.ScanContext;
import io.basalt.planner.source.ScanSpec;
import io.basalt.planner.source.SourceScan;
import io.basalt.planner.source.SourceStatistics;
import io.basalt.planner.source.TableSource;
import io.basalt.storage.ColumnDefinition;
import io.basalt.storage.ColumnPredicate;
import java.util.List;
import java.util.Locale;

/**
 * The result of a statement the planner wrote for a remote source (work pushed down through
 * {@link io.basalt.planner.source.SqlSource}), as a table: its scan sends the statement as it
 * is, on the source's pool with its timeouts, and reads each result column by its Basalt type.
 */
final class RemoteStatementSource implements TableSource {
  private final RemoteSource source;
  private final String sql;
  /** The source's name and the remote tables read, as a scan of one table is named. */
  private final String name;
  private final List<ColumnDefinition> columns;
  private final List<RemoteColumn> reads;

  RemoteStatementSource(RemoteSource source, String sql, List<String> tables,
      List<ColumnDefinition> columns) {
    this.source = requireNonNull(source, "source is null");
    this.sql = requireNonNull(sql, "sql is null");
    this.name = source.name() + "." + String.join(", ", tables);
    this.columns = List.copyOf(columns);
    this.reads = this.columns.stream().map(RemoteTypes::result).toList();
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String kind() {
    return source.engine().name().toLowerCase(Locale.ROOT);
  }

  @Override
  public List<ColumnDefinition> columns() {
    return columns;
  }

  @Override
  public SourceStatistics statistics() {
    return SourceStatistics.UNKNOWN;
  }

  @Override
  public PredicateSupport support(ColumnPredicate predicate) {
    return PredicateSupport.NONE;
  }

  @Override
  public SourceScan scan(ScanSpec spec, ScanContext context) {
    int[] read = spec.columns();
    for (int i = 0; i < read.length; i++) {
      if (read[i] != i) {
        throw new IllegalStateException("a remote statement's result is read whole");
      }
    }
    if (read.length != columns.size() || !spec.predicates().isEmpty()
        || spec.limit().isPresent()) {
      throw new IllegalStateException("a remote statement's result is read whole");
    }
    return new RemoteScan(source, name, sql, reads, context, null, true);
  }
}
