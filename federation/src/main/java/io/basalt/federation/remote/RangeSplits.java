package io.basalt.federation.remote;

import io.basalt.planner.source.ScanContext;
import io.basalt.storage.ColumnPredicate;
import io.basalt.storage.TypeName;
import io.basalt.storage.ValueRange;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * The range queries of one split scan: one remote {@code SELECT min(c), max(c)} over the rows
 * the pushed filters leave (unless the table's properties give the bounds), then {@code count}
 * queries that each add a range of the split
 * column to the pushed filters, as one more predicate. The first range has no lower bound and
 * takes the NULLs, the last has no upper bound, so every row is read exactly once even when
 * rows outside the bounds were added since they were read.
 */
final class RangeSplits {
  private final RemoteSource source;
  private final RemoteTableMetadata table;
  private final int[] columns;
  private final List<ColumnPredicate> predicates;
  private final RangeSplitting splitting;
  private final int splitColumn;

  private RangeSplits(RemoteSource source, RemoteTableMetadata table, int[] columns,
      List<ColumnPredicate> predicates, RangeSplitting splitting, int splitColumn) {
    this.source = source;
    this.table = table;
    this.columns = columns.clone();
    this.predicates = List.copyOf(predicates);
    this.splitting = splitting;
    this.splitColumn = splitColumn;
  }

  /** The split scan of {@code table} when its properties ask for one; else null. */
  static RangeSplits of(RemoteSource source, RemoteTableMetadata table, int[] columns,
      List<ColumnPredicate> predicates) {
    RangeSplitting splitting = RangeSplitting.atScan(source.tableProperties(table.name()),
        table).orElse(null);
    if (splitting == null) {
      return null;
    }
    for (int i = 0; i < table.columns().size(); i++) {
      if (table.columns().get(i).name().equals(splitting.column())) {
        return new RangeSplits(source, table, columns, predicates, splitting, i);
      }
    }
    return null;
  }

  String column() {
    return splitting.column();
  }

  /**
   * The remote queries, one per range; one query when the column has no two values. The bounds
   * query is recorded in SVL_FEDERATE_SUBQUERY for {@code context}'s query, on {@code name}.
   */
  List<String> queries(ScanContext context, String name) {
    long[] bounds = splitting.lower() != null
        ? new long[] {splitting.lower(), splitting.upper()} : bounds(context, name);
    if (bounds == null) {
      return List.of(sql(List.of()));
    }
    List<Long> cuts = cuts(bounds[0], bounds[1], splitting.count());
    List<String> queries = new ArrayList<>();
    for (int i = 0; i <= cuts.size(); i++) {
      Long lower = i == 0 ? null : cuts.get(i - 1);
      Long upper = i == cuts.size() ? null : cuts.get(i);
      ColumnPredicate range = new ColumnPredicate(splitColumn,
          List.of(new ValueRange(lower, lower != null, upper, false)), i == 0);
      queries.add(sql(List.of(range)));
    }
    return queries;
  }

  /**
   * The values between which {@code count} ranges start: {@code lo + (hi - lo + 1) * i / n} for
   * i from 1 to n - 1, n being at most the number of values in [lo, hi].
   */
  static List<Long> cuts(long lo, long hi, int count) {
    BigInteger span = BigInteger.valueOf(hi).subtract(BigInteger.valueOf(lo)).add(BigInteger.ONE);
    int n = span.compareTo(BigInteger.valueOf(count)) < 0 ? span.intValue() : count;
    List<Long> cuts = new ArrayList<>();
    for (int i = 1; i < n; i++) {
      cuts.add(BigInteger.valueOf(lo).add(span.multiply(BigInteger.valueOf(i))
          .divide(BigInteger.valueOf(n))).longValueExact());
    }
    return cuts;
  }

  private String sql(List<ColumnPredicate> range) {
    List<ColumnPredicate> all = new ArrayList<>(predicates);
    all.addAll(range);
    return RemoteQuery.sql(source.engine(), source.remoteSchema(), table, columns, all,
        OptionalLong.empty());
  }

  /** The split column's minimum and maximum in the engine's representation; null if none. */
  private long[] bounds(ScanContext context, String name) {
    StringBuilder column = new StringBuilder();
    source.engine().dialect().quoteIdentifier(column, splitting.column());
    String inner = RemoteQuery.sql(source.engine(), source.remoteSchema(), table,
        new int[] {splitColumn}, predicates, OptionalLong.empty());
    String sql = "SELECT min(" + column + "), max(" + column + ") FROM (" + inner
        + ") AS split_bounds";
    TypeName type = table.columns().get(splitColumn).type().name();
    RemoteQueryLog.Sent logged = source.log().sending(context.queryId(), context.user(), source,
        name, sql);
    long started = System.nanoTime();
    RemoteQueryLog.Status status = RemoteQueryLog.Status.FAILED;
    try (Connection connection = source.connection();
        Statement statement = connection.createStatement()) {
      statement.setQueryTimeout(RemoteSource.QUERY_TIMEOUT_SECONDS);
      try (ResultSet rows = statement.executeQuery(sql)) {
        rows.next();
        Long lo = value(rows, 1, type);
        Long hi = value(rows, 2, type);
        logged.fetched(1, 16);
        status = RemoteQueryLog.Status.DONE;
        return lo == null || hi == null || lo.equals(hi) ? null : new long[] {lo, hi};
      }
    } catch (SQLException e) {
      throw RemoteErrors.query(source, e);
    } finally {
      logged.waited(System.nanoTime() - started);
      logged.ended(status);
    }
  }

  private static Long value(ResultSet rows, int index, TypeName type) throws SQLException {
    return switch (type) {
      case DATE -> {
        LocalDate date = rows.getObject(index, LocalDate.class);
        yield date == null ? null : date.toEpochDay();
      }
      case TIMESTAMP -> {
        LocalDateTime time = rows.getObject(index, LocalDateTime.class);
        yield time == null ? null : time.toInstant(ZoneOffset.UTC).toEpochMilli();
      }
      default -> {
        long value = rows.getLong(index);
        yield rows.wasNull() ? null : value;
      }
    };
  }
}
