package io.basalt.storage.snapshot;

import io.basalt.storage.ColumnPredicate;
import io.basalt.storage.ColumnType;
import io.basalt.storage.ColumnVector;
import io.basalt.storage.RowBatch;
import io.basalt.storage.ScanIterator;
import io.basalt.storage.ScanRequest;
import io.basalt.storage.ScanStatistics;
import io.basalt.storage.StorageException;
import io.basalt.storage.TableDefinition;
import io.basalt.storage.block.ColumnBlock;
import io.basalt.storage.block.SegmentFooter;
import io.basalt.storage.block.SegmentReader;
import io.basalt.storage.catalog.SegmentRef;
import io.basalt.storage.predicate.BoundPredicate;
import java.io.IOException;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.BooleanSupplier;

/**
 * Reads a snapshot block by block: skips a block when some predicate's zone map rules it out,
 * otherwise decodes the predicate columns, filters the rows exactly, and decodes and copies the
 * other requested columns only for the rows that passed. One batch per surviving block.
 */
final class NativeScan implements ScanIterator {
  /** Held so that the snapshot, and with it its files, stays reachable while the scan runs. */
  private final NativeSnapshot snapshot;
  private final TableDefinition table;
  private final List<SegmentRef> segments;
  private final SegmentCache cache;
  private final int[] columns;
  private final ColumnType[] types;
  private final BoundPredicate[] predicates;
  private final BooleanSupplier canceled;
  /** Reads only blocks whose ordinal over all segments is congruent to share mod shares. */
  private final int share;
  private final int shares;
  private long blockOrdinal;
  private int segmentIndex = -1;
  private SegmentReader reader;
  private int block;
  private int blockCount;
  private int[] positions = new int[0];
  private RowBatch next;
  private long blocksSkipped;
  private long blocksRead;
  private long rowsRead;
  private long rowsReturned;

  NativeScan(NativeSnapshot snapshot, List<SegmentRef> segments, SegmentCache cache,
      ScanRequest request, int share, int shares) {
    this.share = share;
    this.shares = shares;
    this.snapshot = snapshot;
    this.table = snapshot.definition();
    this.segments = segments;
    this.cache = cache;
    this.columns = request.columns().clone();
    this.types = new ColumnType[columns.length];
    for (int i = 0; i < columns.length; i++) {
      if (columns[i] < 0 || columns[i] >= table.columns().size()) {
        throw new IllegalArgumentException("Cannot scan column " + columns[i] + " of table \""
            + table.schema() + "." + table.name() + "\": no such column");
      }
      types[i] = table.columns().get(columns[i]).type();
    }
    List<ColumnPredicate> requested = request.predicates();
    this.predicates = new BoundPredicate[requested.size()];
    for (int i = 0; i < predicates.length; i++) {
      predicates[i] = BoundPredicate.bind(requested.get(i), table);
    }
    this.canceled = request.canceled();
  }

  @Override
  public ScanStatistics statistics() {
    return new ScanStatistics(blocksSkipped, blocksRead, rowsRead, rowsReturned);
  }

  @Override
  public boolean hasNext() {
    if (next == null) {
      next = advance();
    }
    return next != null;
  }

  @Override
  public RowBatch next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    RowBatch batch = next;
    next = null;
    return batch;
  }

  private RowBatch advance() {
    while (true) {
      if (reader == null || block >= blockCount) {
        segmentIndex++;
        if (segmentIndex >= segments.size()) {
          reader = null;
          return null;
        }
        reader = cache.reader(segments.get(segmentIndex).file());
        block = 0;
        blockCount = reader.footer().blockCount();
        continue;
      }
      if (canceled.getAsBoolean()) {
        throw new StorageException("57014", "Query was canceled");
      }
      if (blockOrdinal++ % shares != share) {
        block++;
        continue;
      }
      RowBatch batch = readBlock(block++);
      if (batch != null) {
        return batch;
      }
    }
  }

  /** The batch of one block's passing rows, or null when none passes. */
  private RowBatch readBlock(int b) {
    SegmentFooter footer = reader.footer();
    boolean[] alwaysTrue = new boolean[predicates.length];
    for (int p = 0; p < predicates.length; p++) {
      BoundPredicate predicate = predicates[p];
      var zone = footer.columns().get(predicate.column()).blocks().get(b).zone();
      if (!predicate.mayMatch(zone)) {
        blocksSkipped++;
        return null;
      }
      alwaysTrue[p] = predicate.allMatch(zone);
    }
    int rows = footer.rowsInBlock(b);
    blocksRead++;
    rowsRead += rows;
    ColumnBlock[] decoded = new ColumnBlock[table.columns().size()];
    if (positions.length < rows) {
      positions = new int[rows];
    }
    for (int i = 0; i < rows; i++) {
      positions[i] = i;
    }
    int count = rows;
    for (int p = 0; p < predicates.length; p++) {
      if (alwaysTrue[p]) {
        continue;
      }
      BoundPredicate predicate = predicates[p];
      ColumnBlock values = decode(decoded, predicate.column(), b);
      count = predicate.filter(values, positions, count);
      if (count == 0) {
        return null;
      }
    }
    ColumnVector[] vectors = new ColumnVector[columns.length];
    for (int i = 0; i < columns.length; i++) {
      ColumnBlock values = decode(decoded, columns[i], b);
      vectors[i] = new NativeColumnVector(types[i], values.select(positions, count));
    }
    rowsReturned += count;
    return new NativeRowBatch(count, vectors);
  }

  private ColumnBlock decode(ColumnBlock[] decoded, int column, int b) {
    ColumnBlock values = decoded[column];
    if (values == null) {
      try {
        values = reader.read(column, b);
      } catch (IOException e) {
        throw new StorageException("58030", "Cannot read table \"" + table.schema() + "."
            + table.name() + "\": " + e, e);
      }
      decoded[column] = values;
    }
    return values;
  }
}
