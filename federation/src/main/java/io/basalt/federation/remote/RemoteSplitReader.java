package io.basalt.federation.remote;

import io.basalt.planner.exec.Batch;
import io.basalt.planner.exec.Column;
import io.basalt.planner.source.ScanMetrics;
import io.basalt.planner.source.SplitReader;
import io.basalt.storage.StorageException;
import io.basalt.storage.TypeName;
import io.basalt.storage.block.PhysicalType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Reads a remote result set into engine batches of up to {@link RemoteScan#FETCH_ROWS} rows,
 * filling each column's value and null arrays directly, in the engine's representation (dates
 * as days, timestamps as UTC milliseconds, decimals as unscaled longs up to 18 digits).
 */
final class RemoteSplitReader implements SplitReader {
  private final RemoteSource source;
  private final String table;
  private final Connection connection;
  private final Statement statement;
  private final ResultSet rows;
  private final List<RemoteColumn> columns;
  private final BooleanSupplier canceled;
  private final ScanMetrics metrics;
  private boolean done;
  private boolean closed;

  RemoteSplitReader(RemoteSource source, String table, Connection connection,
      Statement statement, ResultSet rows, List<RemoteColumn> columns, BooleanSupplier canceled,
      ScanMetrics metrics) {
    this.source = source;
    this.table = table;
    this.connection = connection;
    this.statement = statement;
    this.rows = rows;
    this.columns = columns;
    this.canceled = canceled;
    this.metrics = metrics;
  }

  @Override
  public Batch next() {
    if (done) {
      return null;
    }
    if (canceled.getAsBoolean()) {
      throw new StorageException("57014", "Query was canceled");
    }
    int width = columns.size();
    int capacity = RemoteScan.FETCH_ROWS;
    long[][] longs = new long[width][];
    double[][] doubles = new double[width][];
    Object[][] objects = new Object[width][];
    boolean[][] nulls = new boolean[width][capacity];
    for (int c = 0; c < width; c++) {
      switch (kindOf(columns.get(c))) {
        case 0 -> longs[c] = new long[capacity];
        case 1 -> doubles[c] = new double[capacity];
        default -> objects[c] = new Object[capacity];
      }
    }
    int count = 0;
    try {
      while (count < capacity) {
        if (!rows.next()) {
          done = true;
          break;
        }
        for (int c = 0; c < width; c++) {
          read(c, count, longs, doubles, objects, nulls);
        }
        count++;
      }
    } catch (SQLException e) {
      throw RemoteErrors.query(source, e);
    } catch (ArithmeticException e) {
      throw new StorageException("22003", "Cannot read a value of '" + table + "': "
          + e.getMessage());
    }
    if (count == 0) {
      return null;
    }
    Column[] out = new Column[width];
    for (int c = 0; c < width; c++) {
      RemoteColumn column = columns.get(c);
      boolean[] flags = anyTrue(nulls[c], count) ? nulls[c] : null;
      out[c] = switch (column.reading()) {
        case REAL, DOUBLE -> Column.ofDoubles(count, doubles[c], flags);
        case DECIMAL -> column.type().precision() <= 18
            ? Column.ofDecimals(count, column.type().scale(), longs[c], flags)
            : Column.ofBigDecimals(count, column.type().scale(), objects[c], flags);
        case STRING, BYTES -> Column.ofStrings(count, objects[c], flags);
        default -> Column.ofLongs(count, longs[c], flags);
      };
    }
    metrics.addRowsRead(count);
    metrics.addRowsReturned(count);
    return new Batch(count, out);
  }

  /** 0: longs, 1: doubles, 2: objects. */
  private static int kindOf(RemoteColumn column) {
    return switch (column.reading()) {
      case REAL, DOUBLE -> 1;
      case STRING, BYTES -> 2;
      case DECIMAL -> column.type().precision() <= 18 ? 0 : 2;
      default -> 0;
    };
  }

  private void read(int c, int row, long[][] longs, double[][] doubles, Object[][] objects,
      boolean[][] nulls) throws SQLException {
    RemoteColumn column = columns.get(c);
    int index = c + 1;
    switch (column.reading()) {
      case INTEGER -> {
        longs[c][row] = rows.getLong(index);
        nulls[c][row] = rows.wasNull();
      }
      case BOOLEAN -> {
        longs[c][row] = rows.getBoolean(index) ? 1 : 0;
        nulls[c][row] = rows.wasNull();
      }
      case REAL, DOUBLE -> {
        doubles[c][row] = rows.getDouble(index);
        nulls[c][row] = rows.wasNull();
      }
      case DECIMAL -> {
        BigDecimal value = rows.getBigDecimal(index);
        if (value == null) {
          nulls[c][row] = true;
        } else {
          BigDecimal scaled = value.setScale(column.type().scale(), RoundingMode.HALF_UP);
          if (scaled.precision() > column.type().precision()) {
            throw new ArithmeticException("value " + value + " of column '" + column.name()
                + "' does not fit " + column.type().sqlName());
          }
          if (longs[c] != null) {
            longs[c][row] = scaled.unscaledValue().longValueExact();
          } else {
            objects[c][row] = scaled;
          }
        }
      }
      case STRING -> {
        String value = rows.getString(index);
        // PostgreSQL pads char(n) with blanks; the engine holds CHAR values without trailing
        // blanks (as native and Parquet columns do), else '1-URGENT' = o_orderpriority fails.
        objects[c][row] = value != null && column.type().name() == TypeName.CHAR
            ? PhysicalType.stripBlanks(value) : value;
        nulls[c][row] = value == null;
      }
      case BYTES -> {
        byte[] value = rows.getBytes(index);
        objects[c][row] = value == null ? null : "\\x" + HexFormat.of().formatHex(value);
        nulls[c][row] = value == null;
      }
      case DATE -> {
        LocalDate value = rows.getObject(index, LocalDate.class);
        nulls[c][row] = value == null;
        longs[c][row] = value == null ? 0 : value.toEpochDay();
      }
      case TIMESTAMP -> {
        LocalDateTime value = rows.getObject(index, LocalDateTime.class);
        nulls[c][row] = value == null;
        longs[c][row] = value == null ? 0 : value.toInstant(ZoneOffset.UTC).toEpochMilli();
      }
      case TIMESTAMPTZ -> {
        OffsetDateTime value = rows.getObject(index, OffsetDateTime.class);
        nulls[c][row] = value == null;
        longs[c][row] = value == null ? 0 : value.toInstant().toEpochMilli();
      }
      case UNSUPPORTED -> throw new StorageException("0A000", "Cannot read column '"
          + column.name() + "' of '" + table + "': its remote type '" + column.remoteType()
          + "' is not supported");
      default -> throw new IllegalStateException("unexpected reading " + column.reading());
    }
  }

  private static boolean anyTrue(boolean[] flags, int count) {
    for (int i = 0; i < count; i++) {
      if (flags[i]) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      rows.close();
    } catch (SQLException ignored) {
      // The statement and connection are closed next, which releases the rows too.
    }
    closeQuietly(connection, statement);
  }

  /** Ends the read-only transaction and returns the connection to the pool. */
  static void closeQuietly(Connection connection, Statement statement) {
    try {
      if (statement != null) {
        statement.close();
      }
    } catch (SQLException ignored) {
      // Closing the connection releases the statement.
    }
    try {
      if (!connection.getAutoCommit()) {
        connection.rollback();
        connection.setAutoCommit(true);
      }
    } catch (SQLException ignored) {
      // A broken connection is evicted by the pool when it is closed.
    }
    try {
      connection.close();
    } catch (SQLException ignored) {
      // Nothing more can be released.
    }
  }
}
