package io.basalt.federation.remote;

import static java.util.Objects.requireNonNull;

import io.basalt.planner.source.ScanContext;
import io.basalt.planner.source.ScanMetrics;
import io.basalt.planner.source.SourceScan;
import io.basalt.planner.source.Split;
import io.basalt.planner.source.SplitReader;
import io.basalt.storage.StorageException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * One execution's scan of a remote table: a split per remote SELECT (one, or one per range of
 * a {@link RangeSplits} scan), each run on a pooled connection streaming its rows (with a fetch
 * size, inside a read-only transaction on PostgreSQL so its driver uses a cursor).
 */
final class RemoteScan implements SourceScan {
  static final int FETCH_ROWS = 4096;

  private final RemoteSource source;
  private final String table;
  private final String sql;
  private final List<RemoteColumn> columns;
  /** The execution, whose query id and user SVL_FEDERATE_SUBQUERY records. */
  private final ScanContext context;
  /** The ranges to read, or null for one query. */
  private final RangeSplits ranges;
  private final ScanMetrics metrics = new ScanMetrics();
  private volatile List<String> queries;

  RemoteScan(RemoteSource source, String table, String sql, List<RemoteColumn> columns,
      ScanContext context) {
    this(source, table, sql, columns, context, null);
  }

  /** A scan read in the ranges of {@code ranges} when it is not null. */
  RemoteScan(RemoteSource source, String table, String sql, List<RemoteColumn> columns,
      ScanContext context, RangeSplits ranges) {
    this.source = source;
    this.table = table;
    this.sql = sql;
    this.columns = List.copyOf(columns);
    this.context = requireNonNull(context, "context is null");
    this.ranges = ranges;
  }

  /** One remote query. */
  private record RemoteSplit(String schema, String sql) implements Split {
    @Override
    public String description() {
      return schema + ": " + sql;
    }
  }

  @Override
  public List<Split> splits(int partitions) {
    List<String> listed = ranges == null ? List.of(sql) : ranges.queries(context, table);
    queries = listed;
    return listed.stream().<Split>map(q -> new RemoteSplit(source.name(), q)).toList();
  }

  @Override
  public SplitReader open(Split split, BooleanSupplier canceled) {
    String sent = ((RemoteSplit) split).sql();
    RemoteQueryLog.Sent logged = source.log().sending(context.queryId(), context.user(), source,
        table, sent);
    long started = System.nanoTime();
    Connection connection;
    try {
      connection = source.connection();
    } catch (RuntimeException e) {
      logged.ended(RemoteQueryLog.Status.FAILED);
      throw e;
    }
    PreparedStatement statement = null;
    try {
      if (source.engine() == RemoteEngine.POSTGRES) {
        connection.setAutoCommit(false);
      }
      statement = connection.prepareStatement(sent, ResultSet.TYPE_FORWARD_ONLY,
          ResultSet.CONCUR_READ_ONLY);
      statement.setFetchSize(FETCH_ROWS);
      statement.setQueryTimeout(RemoteSource.QUERY_TIMEOUT_SECONDS);
      ResultSet rows = statement.executeQuery();
      metrics.addSplitsRead(1);
      logged.waited(System.nanoTime() - started);
      return new LoggedSplitReader(new RemoteSplitReader(source, table, connection, statement,
          rows, columns, canceled, metrics), logged);
    } catch (SQLException e) {
      StorageException failure = RemoteErrors.query(source, e);
      RemoteSplitReader.closeQuietly(connection, statement);
      logged.ended(RemoteQueryLog.Status.FAILED);
      throw failure;
    } catch (RuntimeException e) {
      RemoteSplitReader.closeQuietly(connection, statement);
      logged.ended(RemoteQueryLog.Status.FAILED);
      throw e;
    }
  }

  @Override
  public ScanMetrics metrics() {
    return metrics;
  }

  @Override
  public String details() {
    List<String> listed = queries;
    if (listed == null || listed.size() == 1) {
      return "remote SQL on " + source.name() + ": " + (listed == null ? sql : listed.get(0));
    }
    return "remote SQL on " + source.name() + ", " + listed.size() + " range splits on "
        + ranges.column() + ": " + String.join("; ", listed);
  }
}
