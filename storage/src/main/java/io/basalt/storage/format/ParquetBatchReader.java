package io.basalt.storage.format;

import io.basalt.storage.ColumnDefinition;
import io.basalt.storage.ColumnType;
import io.basalt.storage.ColumnVector;
import io.basalt.storage.RowBatch;
import io.basalt.storage.StorageException;
import io.basalt.storage.TypeName;
import io.basalt.storage.predicate.BoundPredicate;
import io.basalt.storage.objectstore.ObjectStore;
import io.basalt.storage.objectstore.ObjectUri;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.VersionParser;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;
import org.roaringbitmap.RoaringBitmap;

/**
 * Reads the row groups of one Parquet split whose statistics may match the predicates, fetching
 * only the chunks of the requested columns, and decodes them column by column into batches that
 * hold only the rows passing the predicates: the predicates' columns are decoded first, and the
 * other columns of a batch without a passing row are skipped rather than decoded.
 */
final class ParquetBatchReader implements FileBatchReader {
  private static final ColumnType POSITION_TYPE = ColumnType.of(TypeName.BIGINT);

  private final ObjectStore store;
  private final FileSplit split;
  private final ObjectUri uri;
  private final FileReadRequest request;
  private final ScanCounters counters;
  private final ParquetMetadata footer;
  private final List<Integer> blocks = new ArrayList<>();
  /**
   * The distinct table columns to decode (the returned ones, then those only filtered on), and
   * for each output position its index here.
   */
  private final List<ParquetColumnBinding> bindings = new ArrayList<>();
  private final int[] outputs;
  /** The predicates, exact, and for each the index in {@link #bindings} of its column. */
  private final BoundPredicate[] filters;
  private final int[] filterSlots;
  private int[] positions = new int[0];
  private RowBatch pending;
  private final MessageType requested;
  private final RowGroupPruner pruner;
  private final VersionParser.ParsedVersion writerVersion;
  private ParquetFileReader reader;
  private PageReadStore rowGroup;
  private ParquetPageReader[] columnReaders;
  private int nextBlock;
  private int currentBlock = -1;
  /** Each row group's first row's position in the file. */
  private final long[] blockFirstRows;
  /** Rows deleted by position (an Iceberg table's position deletes), or null. */
  private final RoaringBitmap deleted;
  private final boolean returnPositions;
  private long remaining;
  private boolean closed;

  ParquetBatchReader(ObjectStore store, FileSplit split, FileReadRequest request,
      ParquetFooters footers) {
    this.store = store;
    this.split = split;
    this.uri = split.file().uri();
    this.request = request;
    this.counters = request.counters();
    this.footer = footers.footer(store, split.file());
    counters.addSplit();
    // The file is counted once, by the split that holds its first row group (Iceberg's splits
    // start at the row group's offset, not at 0).
    if (split.start() == 0 || !footer.getBlocks().isEmpty()
        && split.contains(footer.getBlocks().get(0).getStartingPos())) {
      counters.addFileRead();
    }
    MessageType schema = footer.getFileMetaData().getSchema();
    List<ColumnDefinition> columns = request.tableColumns();
    Map<Integer, ParquetColumnBinding> byColumn = new HashMap<>();
    int[] projection = request.columns();
    outputs = new int[projection.length];
    Map<Integer, Integer> distinct = new LinkedHashMap<>();
    for (int i = 0; i < projection.length; i++) {
      Integer slot = distinct.get(projection[i]);
      if (slot == null) {
        ParquetColumnBinding binding = ParquetColumnBinding.bind(uri, schema,
            columns.get(projection[i]));
        slot = bindings.size();
        bindings.add(binding);
        distinct.put(projection[i], slot);
        byColumn.put(projection[i], binding);
      }
      outputs[i] = slot;
    }
    List<io.basalt.storage.ColumnPredicate> predicates = request.predicates();
    filters = new BoundPredicate[predicates.size()];
    filterSlots = new int[predicates.size()];
    for (int p = 0; p < filters.length; p++) {
      int column = predicates.get(p).column();
      filters[p] = BoundPredicate.bind(predicates.get(p), columns.get(column));
      Integer slot = distinct.get(column);
      if (slot == null) {
        slot = bindings.size();
        ParquetColumnBinding binding = ParquetColumnBinding.bind(uri, schema, columns.get(column));
        bindings.add(binding);
        distinct.put(column, slot);
        byColumn.put(column, binding);
      }
      filterSlots[p] = slot;
    }
    pruner = new RowGroupPruner(columns, request.predicates(), byColumn);
    List<Type> fields = new ArrayList<>();
    for (ParquetColumnBinding binding : bindings) {
      if (!binding.missing() && !fields.contains(binding.field())) {
        fields.add(binding.field());
      }
    }
    requested = new MessageType(schema.getName(), fields);
    List<BlockMetaData> all = footer.getBlocks();
    for (int i = 0; i < all.size(); i++) {
      if (split.contains(all.get(i).getStartingPos())) {
        blocks.add(i);
      }
    }
    writerVersion = writerVersion(footer.getFileMetaData().getCreatedBy());
    blockFirstRows = new long[all.size()];
    for (int i = 1; i < all.size(); i++) {
      blockFirstRows[i] = blockFirstRows[i - 1] + all.get(i - 1).getRowCount();
    }
    RowPositions rowPositions = request.positions();
    deleted = rowPositions.deleted() == null || rowPositions.deleted().isEmpty() ? null
        : rowPositions.deleted();
    returnPositions = rowPositions.returned();
  }

  private static VersionParser.ParsedVersion writerVersion(String createdBy) {
    try {
      return createdBy == null ? null : VersionParser.parse(createdBy);
    } catch (Exception e) {
      return null; // only used to work around bugs of old parquet-mr writers
    }
  }

  @Override
  public boolean hasNext() {
    while (pending == null) {
      while (remaining == 0) {
        if (closed || !advance()) {
          return false;
        }
      }
      checkCanceled();
      pending = readBatch();
    }
    return true;
  }

  private boolean advance() {
    while (nextBlock < blocks.size()) {
      int index = blocks.get(nextBlock++);
      BlockMetaData block = footer.getBlocks().get(index);
      if (block.getRowCount() == 0) {
        continue;
      }
      currentBlock = index;
      try {
        if (!pruner.mayMatch(block) || pruner.usesDictionaries(block)
            && !pruner.dictionariesMayMatch(block, fileReader().getDictionaryReader(index))) {
          counters.addRowGroupSkipped();
          continue;
        }
        checkCanceled();
        counters.addRowGroupRead();
        openRowGroup(index);
      } catch (IOException | RuntimeException e) {
        throw failure(e, null);
      }
      remaining = block.getRowCount();
      return true;
    }
    return false;
  }

  private void openRowGroup(int index) throws IOException {
    closeRowGroup();
    if (requested.getFieldCount() == 0) {
      return; // no column is in the file: the row count is all that is needed
    }
    rowGroup = fileReader().readRowGroup(index);
    columnReaders = new ParquetPageReader[bindings.size()];
    for (int i = 0; i < bindings.size(); i++) {
      ParquetColumnBinding binding = bindings.get(i);
      if (!binding.missing()) {
        columnReaders[i] = ParquetPageReader.open(binding.descriptor(), binding.decoder(),
            rowGroup.getPageReader(binding.descriptor()), writerVersion);
      }
    }
  }

  /** parquet-java's reader of the file, opened when first needed: a skipped file costs no read. */
  private ParquetFileReader fileReader() throws IOException {
    if (reader == null) {
      ParquetReadOptions options = ParquetReadOptions.builder()
          .useStatsFilter(false)
          .useDictionaryFilter(false)
          .useRecordFilter(false)
          .useColumnIndexFilter(false)
          .useBloomFilter(false)
          .usePageChecksumVerification(true)
          .build();
      ObjectInputFile input = new ObjectInputFile(store, split.file(), counters);
      reader = ParquetFileReader.open(input, footer, options, input.newStream());
      reader.setRequestedSchema(requested);
    }
    return reader;
  }

  @Override
  public RowBatch next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    RowBatch batch = pending;
    pending = null;
    return batch;
  }

  /**
   * Decodes the next rows of the row group: the filtered columns first, then, if a row passed,
   * the others. Null when no row passed (the other columns were skipped).
   */
  private RowBatch readBatch() {
    int count = (int) Math.min(request.batchRows(), remaining);
    long first = blockFirstRows[currentBlock]
        + footer.getBlocks().get(currentBlock).getRowCount() - remaining;
    ColumnVector[] vectors = new ColumnVector[bindings.size()];
    int kept = count;
    boolean deletes = deleted != null
        && deleted.rangeCardinality(first, first + count) > 0;
    if (filters.length > 0 || deletes) {
      if (positions.length < count) {
        positions = new int[count];
      }
      kept = 0;
      for (int i = 0; i < count; i++) {
        if (!deletes || !deleted.contains((int) (first + i))) {
          positions[kept++] = i;
        }
      }
      for (int p = 0; p < filters.length && kept > 0; p++) {
        int slot = filterSlots[p];
        if (vectors[slot] == null) {
          vectors[slot] = readColumn(slot, count);
        }
        kept = filters[p].filter(vectors[slot], positions, kept);
      }
    }
    for (int slot = 0; slot < vectors.length; slot++) {
      if (vectors[slot] == null) {
        if (kept == 0) {
          skipColumn(slot, count);
        } else {
          vectors[slot] = readColumn(slot, count);
        }
      }
    }
    remaining -= count;
    counters.addRowsRead(count);
    if (kept == 0) {
      return null;
    }
    List<ColumnVector> columns = new ArrayList<>(outputs.length + 1);
    for (int output : outputs) {
      ColumnVector vector = vectors[output];
      columns.add(kept == count ? vector : ((ArrayColumnVector) vector).select(positions, kept));
    }
    if (returnPositions) {
      long[] rows = new long[kept];
      for (int i = 0; i < kept; i++) {
        rows[i] = first + (kept == count ? i : positions[i]);
      }
      columns.add(ArrayColumnVector.ofLongs(POSITION_TYPE, kept, rows, null));
    }
    return new ArrayRowBatch(kept, columns);
  }

  private ColumnVector readColumn(int slot, int count) {
    ParquetColumnBinding binding = bindings.get(slot);
    if (binding.missing()) {
      return ArrayColumnVector.allNull(binding.column().type(), count);
    }
    try {
      return columnReaders[slot].read(count);
    } catch (RuntimeException e) {
      throw failure(e, binding.column());
    }
  }

  private void skipColumn(int slot, int count) {
    ParquetColumnBinding binding = bindings.get(slot);
    if (!binding.missing()) {
      try {
        columnReaders[slot].skip(count);
      } catch (RuntimeException e) {
        throw failure(e, binding.column());
      }
    }
  }

  private void checkCanceled() {
    if (request.canceled().getAsBoolean()) {
      throw new StorageException("57014", "Query was canceled");
    }
  }

  /** The error to report: store errors as they are, anything else as corrupt data (22P04). */
  private StorageException failure(Exception e, ColumnDefinition column) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof StorageException storage) {
        return storage;
      }
    }
    if (e instanceof BadValueException bad) {
      return new StorageException(bad.sqlState(), "Cannot read '" + uri + "' row group "
          + currentBlock + ": " + bad.getMessage() + " in column '" + column.name() + "'", bad);
    }
    String where = column == null ? "" : ", column '" + column.name() + "'";
    return new StorageException("22P04", "Cannot read '" + uri + "': corrupt Parquet data in row"
        + " group " + currentBlock + where + " (" + e + ")", e);
  }

  private void closeRowGroup() {
    if (rowGroup != null) {
      rowGroup.close();
      rowGroup = null;
      columnReaders = null;
    }
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    remaining = 0;
    pending = null;
    closeRowGroup();
    if (reader != null) {
      try {
        reader.close();
      } catch (IOException ignored) {
        // Reads are done; a failing close loses nothing.
      }
      reader = null;
    }
  }
}
