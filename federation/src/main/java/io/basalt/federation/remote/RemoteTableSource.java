package io.basalt.federation.remote;

import static java.util.Objects.requireNonNull;

import io.basalt.planner.source.ColumnStatistics;
import io.basalt.planner.source.PredicateSupport;
import io.basalt.planner.source.ScanContext;
import io.basalt.planner.source.ScanSpec;
import io.basalt.planner.source.SourceScan;
import io.basalt.planner.source.SourceStatistics;
import io.basalt.planner.source.SqlPushdown;
import io.basalt.planner.source.TableSource;
import io.basalt.storage.ColumnDefinition;
import io.basalt.storage.ColumnPredicate;
import io.basalt.storage.StorageException;
import io.basalt.storage.TypeName;
import io.basalt.storage.ValueRange;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A remote PostgreSQL or MySQL table or view through the table-source seam. Predicates on
 * columns whose comparison the remote evaluates as Basalt does are exact; string equalities on
 * MySQL (whose default collations ignore case) only prune, and string ranges, REAL, binary and
 * text-like columns are not pushed. A limit is sent too. Its row count is the remote catalog's
 * estimate, read and cached with the metadata.
 */
final class RemoteTableSource implements TableSource {
  private final RemoteSource source;
  private final RemoteTableMetadata table;
  private final List<ColumnDefinition> columns;
  private final SourceStatistics statistics;

  RemoteTableSource(RemoteSource source, RemoteTableMetadata table) {
    this.source = requireNonNull(source, "source is null");
    this.table = requireNonNull(table, "table is null");
    this.columns = table.columns().stream().map(RemoteColumn::definition).toList();
    this.statistics = new CatalogRows(table.rows());
  }

  /** The remote catalog's row count; nothing is known of the columns. */
  private record CatalogRows(OptionalDouble rowCount) implements SourceStatistics {
    @Override
    public ColumnStatistics column(int index) {
      return ColumnStatistics.UNKNOWN;
    }
  }

  @Override
  public String name() {
    return source.name() + "." + table.name();
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
    return statistics;
  }

  @Override
  public PredicateSupport support(ColumnPredicate predicate) {
    RemoteColumn column = table.columns().get(predicate.column());
    if (!column.pushable()
        || !RemoteQuery.writable(source.engine(), column.type(), predicate)) {
      return PredicateSupport.NONE;
    }
    TypeName type = column.type().name();
    if (type == TypeName.CHAR || type == TypeName.VARCHAR) {
      for (ValueRange range : predicate.ranges()) {
        boolean point = range.lower() != null && range.lower().equals(range.upper());
        if (!point) {
          return PredicateSupport.NONE;
        }
      }
      return source.engine().comparesStringsExactly()
          ? PredicateSupport.EXACT : PredicateSupport.PRUNING;
    }
    return PredicateSupport.EXACT;
  }

  /**
   * Offered when every column can be read and compared remotely as in Basalt: none of an
   * unsupported type, REAL, binary, enum or text-like (json, uuid, citext, ...) type.
   */
  @Override
  public Optional<SqlPushdown> sqlPushdown() {
    // A table read in range splits keeps its own scans: one planned statement is one query.
    if (RangeSplitting.atScan(source.tableProperties(table.name()), table).isPresent()) {
      return Optional.empty();
    }
    for (RemoteColumn column : table.columns()) {
      if (!column.supported() || !column.pushable()) {
        return Optional.empty();
      }
    }
    return Optional.of(new SqlPushdown(source, List.of(source.remoteSchema(), table.name())));
  }

  @Override
  public boolean supportsLimit() {
    return true;
  }

  @Override
  public SourceScan scan(ScanSpec spec, ScanContext context) {
    int[] read = spec.columns();
    for (int index : read) {
      RemoteColumn column = table.columns().get(index);
      if (!column.supported()) {
        throw new StorageException("0A000", "Cannot read column '" + column.name() + "' of '"
            + name() + "': its remote type '" + column.remoteType() + "' is not supported");
      }
    }
    String sql = RemoteQuery.sql(source.engine(), source.remoteSchema(), table, read,
        spec.predicates(), spec.limit());
    // A limit reads few rows: splitting would only add queries.
    RangeSplits ranges = spec.limit().isPresent() ? null
        : RangeSplits.of(source, table, read, spec.predicates());
    return new RemoteScan(source, name(), sql, read.length == 0 ? List.of()
        : java.util.Arrays.stream(read).mapToObj(i -> table.columns().get(i)).toList(), context,
        ranges, false);
  }
}
