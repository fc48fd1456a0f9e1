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
import java.sql.ResultSetMetaData;
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

  /** Whether the result's column types are checked against the planned ones when it arrives. */
  private final boolean planned;

  RemoteScan(RemoteSource source, String table, String sql, List<RemoteColumn> columns,
      ScanContext context) {
    this(source, table, sql, columns, context, null, false);
  }

  /**
   * A scan read in the ranges of {@code ranges} when it is not null, of a statement the planner
   * wrote when {@code planned} (each result column must then have a remote type that reads as
   * the Basalt type the planner derived for it).
   */
  RemoteScan(RemoteSource source, String table, String sql, List<RemoteColumn> columns,
      ScanContext context, RangeSplits ranges, boolean planned) {
    this.planned = planned;
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
      int width = rows.getMetaData().getColumnCount();
      if (width != Math.max(1, columns.size())) {
        // The remote table changed since its columns were listed.
        throw new StorageException("42703", "Cannot read '" + table + "': the remote query "
            + "returned " + width + " columns, expected " + columns.size());
      }
      List<RemoteColumn> reads = columns;
      if (planned) {
        checkTypes(rows.getMetaData());
        reads = withRemoteChars(rows.getMetaData());
      }
      metrics.addSplitsRead(1);
      logged.waited(System.nanoTime() - started);
      return new LoggedSplitReader(new RemoteSplitReader(source, table, connection, statement,
          rows, reads, canceled, metrics), logged);
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

  /**
   * The columns to read, those the remote sends as CHAR read as CHAR: a planned statement's
   * types are Basalt's (which holds CHAR values as VARCHAR), but blank-padded values must arrive
   * without their trailing blanks as in a scan of the table ('1-URGENT' = o_orderpriority).
   */
  private List<RemoteColumn> withRemoteChars(ResultSetMetaData result) throws SQLException {
    List<RemoteColumn> reads = new java.util.ArrayList<>(columns);
    for (int i = 0; i < reads.size(); i++) {
      RemoteColumn column = reads.get(i);
      int type = result.getColumnType(i + 1);
      if (column.reading() == RemoteColumn.Reading.STRING
          && (type == java.sql.Types.CHAR || type == java.sql.Types.NCHAR)) {
        reads.set(i, new RemoteColumn(column.name(),
            io.basalt.storage.ColumnType.character(Math.max(1, Math.min(RemoteTypes.MAX_CHAR,
                result.getPrecision(i + 1)))), column.nullable(), column.remoteType(),
            column.reading(), column.pushable()));
      }
    }
    return reads;
  }

  private void checkTypes(ResultSetMetaData result) throws SQLException {
    for (int i = 0; i < columns.size(); i++) {
      RemoteColumn column = columns.get(i);
      int type = result.getColumnType(i + 1);
      if (!RemoteTypes.reads(column.reading(), type)) {
        throw new StorageException("42804", "Cannot read '" + table + "': column " + (i + 1)
            + " of the remote query is " + result.getColumnTypeName(i + 1)
            + ", where the plan expects " + column.type().sqlName());
      }
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
