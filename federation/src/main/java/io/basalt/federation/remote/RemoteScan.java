package io.basalt.federation.remote;

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
  private final RangeSplits ranges;
  private final ScanMetrics metrics = new ScanMetrics();
  private volatile List<String> queries;

  RemoteScan(RemoteSource source, String table, String sql, List<RemoteColumn> columns) {
    this(source, table, sql, columns, null);
  }

  /** A scan read in the ranges of {@code ranges} when it is not null. */
  RemoteScan(RemoteSource source, String table, String sql, List<RemoteColumn> columns,
      RangeSplits ranges) {
    this.source = source;
    this.table = table;
    this.sql = sql;
    this.columns = List.copyOf(columns);
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
    List<String> listed = ranges == null ? List.of(sql) : ranges.queries();
    queries = listed;
    return listed.stream().<Split>map(q -> new RemoteSplit(source.name(), q)).toList();
  }

  @Override
  public SplitReader open(Split split, BooleanSupplier canceled) {
    String sql = ((RemoteSplit) split).sql();
    Connection connection = source.connection();
    PreparedStatement statement = null;
    try {
      if (source.engine() == RemoteEngine.POSTGRES) {
        connection.setAutoCommit(false);
      }
      statement = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY,
          ResultSet.CONCUR_READ_ONLY);
      statement.setFetchSize(FETCH_ROWS);
      statement.setQueryTimeout(RemoteSource.QUERY_TIMEOUT_SECONDS);
      ResultSet rows = statement.executeQuery();
      metrics.addSplitsRead(1);
      return new RemoteSplitReader(source, table, connection, statement, rows, columns,
          canceled, metrics);
    } catch (SQLException e) {
      StorageException failure = RemoteErrors.query(source, e);
      RemoteSplitReader.closeQuietly(connection, statement);
      throw failure;
    } catch (RuntimeException e) {
      RemoteSplitReader.closeQuietly(connection, statement);
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
