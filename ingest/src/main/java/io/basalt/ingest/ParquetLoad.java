package io.basalt.ingest;

import io.basalt.distribution.SliceMap;
import io.basalt.ingest.SourceFiles.SourceFile;
import io.basalt.storage.ColumnDefinition;
import io.basalt.storage.ColumnType;
import io.basalt.storage.ColumnVector;
import io.basalt.storage.DistStyle;
import io.basalt.storage.RowBatch;
import io.basalt.storage.StorageEngine;
import io.basalt.storage.StorageException;
import io.basalt.storage.TableDefinition;
import io.basalt.storage.TableWriter;
import io.basalt.storage.TypeName;
import io.basalt.storage.format.ArrayColumnVector;
import io.basalt.storage.format.ArrayRowBatch;
import io.basalt.storage.format.FileBatchReader;
import io.basalt.storage.format.FileReadRequest;
import io.basalt.storage.format.FileReaders;
import io.basalt.storage.format.FileSchemas;
import io.basalt.storage.format.FileSplit;
import io.basalt.storage.format.FormatOptions;
import io.basalt.storage.format.ParquetFooters;
import io.basalt.storage.format.ScanCounters;
import io.basalt.storage.objectstore.ObjectStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * One COPY from Parquet files. Each file is read through storage.format's Parquet reader, which
 * finds the COPY's columns among the file's top-level fields <em>by name, ignoring case</em>, as
 * Spectrum and Athena do (Redshift's own COPY matches columnar files by position); fields the
 * table lacks are ignored, and a column the file lacks fails the COPY unless FILLRECORD loads it
 * as NULL. The reader's batches are checked for what it leaves to a loader (NOT NULL, CHAR and
 * VARCHAR byte lengths, invalid UTF-8) and appended, routed to their slices, to one writer that
 * commits only once every file has loaded. As in Redshift, MAXERROR does not apply: a bad file
 * or value fails the whole COPY and loads nothing. Runs on the caller's thread.
 */
final class ParquetLoad {
  private static final long PROGRESS_ROWS = 250_000;
  /** STL_LOAD_ERRORS keeps 1024 bytes of the field. */
  private static final int LOGGED_TEXT_CHARS = 1024;
  /** What SliceMap.sliceOf reads of a row for the styles other than KEY: nothing. */
  private static final Object[] NO_VALUES = new Object[0];

  private final StorageEngine engine;
  private final ObjectStore store;
  private final LoadTarget target;
  private final TableDefinition table;
  private final CopyOptions options;
  /** The table's quoted name, as error messages give it. */
  private final String targetName;
  private final long queryId;
  private final BooleanSupplier canceled;
  private final CopyProgressListener listener;
  /** The table columns read from the files, in COPY column order. */
  private final int[] targetColumns;
  /** The table columns that the COPY leaves NULL. */
  private final int[] unlistedColumns;
  private final SliceMap slices;
  private final long startMillis = System.currentTimeMillis();
  private long rowsLoaded;

  ParquetLoad(
      StorageEngine engine,
      ObjectStore store,
      LoadTarget target,
      List<String> columns,
      CopyOptions options,
      int sliceCount,
      long queryId,
      BooleanSupplier canceled,
      CopyProgressListener listener) {
    this.engine = engine;
    this.store = store;
    this.target = target;
    this.table = target.table();
    this.options = options;
    this.targetName = IngestService.quotedName(table.schema(), table.name());
    this.queryId = queryId;
    this.canceled = canceled;
    this.listener = listener;
    this.targetColumns = TargetColumns.resolve(table, columns, targetName);
    this.unlistedColumns = TargetColumns.unlisted(table.columns().size(), targetColumns);
    this.slices = SliceMap.of(table, sliceCount);
  }

  /** Loads every file in one commit, or nothing; a rejected value is logged to STL_LOAD_ERRORS. */
  CopyResult run(List<SourceFile> files) {
    ScanCounters counters = new ScanCounters();
    ParquetFooters footers = new ParquetFooters(counters);
    FileReadRequest request = new FileReadRequest(table.columns(), targetColumns, List.of(),
        FormatOptions.parquet(), canceled, counters, FileReadRequest.DEFAULT_BATCH_ROWS);
    List<String> names = new ArrayList<>(files.size());
    try (TableWriter writer = target.newWriter()) {
      for (SourceFile file : files) {
        names.add(file.name());
        load(file, request, footers, writer);
      }
      writer.commit();
    } catch (Rejected rejected) {
      LoadErrors.record(engine, List.of(rejected.entry));
      throw rejected.failure;
    }
    return new CopyResult(rowsLoaded, 0, names);
  }

  private void load(SourceFile file, FileReadRequest request, ParquetFooters footers,
      TableWriter writer) throws Rejected {
    checkCanceled();
    listener.progress(file.name(), rowsLoaded);
    if (!options.fillRecord()) {
      checkColumnsPresent(file, footers);
    }
    long fileRows = 0;
    // A COPY reads every row group of a file in order: the whole file is one split.
    FileSplit split = FileSplit.whole(file.info());
    FileBatchReader reader;
    try {
      reader = FileReaders.open(store, split, request, footers);
    } catch (StorageException e) {
      throw readFailure(e, file);
    }
    try (reader) {
      while (true) {
        checkCanceled();
        RowBatch batch;
        try {
          if (!reader.hasNext()) {
            break;
          }
          batch = reader.next();
        } catch (StorageException e) {
          throw readFailure(e, file);
        }
        append(writer, file, batch, fileRows);
        fileRows += batch.rowCount();
        long before = rowsLoaded;
        rowsLoaded += batch.rowCount();
        if (before / PROGRESS_ROWS != rowsLoaded / PROGRESS_ROWS) {
          listener.progress(file.name(), rowsLoaded);
        }
      }
    }
    listener.progress(file.name(), rowsLoaded);
  }

  /**
   * Fails, naming the file and the column, when a column the COPY fills is not in the file: a
   * reader would return it as NULL, which is what FILLRECORD asks for and nothing else does.
   */
  private void checkColumnsPresent(SourceFile file, ParquetFooters footers) {
    List<String> fields;
    try {
      fields = FileSchemas.parquetFieldNames(store, file.info(), footers);
    } catch (StorageException e) {
      throw readFailure(e, file);
    }
    for (int column : targetColumns) {
      String name = table.columns().get(column).name();
      if (fields.stream().noneMatch(name::equalsIgnoreCase)) {
        throw new StorageException("22P04", "Cannot COPY into " + targetName + ": '"
            + file.name() + "' has no column \"" + name + "\" (Parquet columns are matched by"
            + " name, ignoring case; FILLRECORD loads the missing ones as NULL)");
      }
    }
  }

  /** Checks a batch of the file's rows, starting at row {@code firstRow}, and appends it. */
  private void append(TableWriter writer, SourceFile file, RowBatch batch, long firstRow)
      throws Rejected {
    int rows = batch.rowCount();
    List<ColumnDefinition> columns = table.columns();
    ColumnVector[] vectors = new ColumnVector[columns.size()];
    for (int i = 0; i < targetColumns.length; i++) {
      ColumnDefinition column = columns.get(targetColumns[i]);
      vectors[targetColumns[i]] = checked(column, batch.column(i), rows, file, firstRow);
    }
    for (int column : unlistedColumns) {
      vectors[column] = ArrayColumnVector.allNull(columns.get(column).type(), rows);
    }
    int[] rowSlices = new int[rows];
    if (slices.style() == DistStyle.KEY) {
      ColumnVector key = vectors[slices.keyColumn()];
      for (int r = 0; r < rows; r++) {
        rowSlices[r] = slices.sliceOfKey(key.get(r));
      }
    } else {
      for (int r = 0; r < rows; r++) {
        rowSlices[r] = slices.sliceOf(NO_VALUES);
      }
    }
    writer.append(rowSlices, new ArrayRowBatch(rows, Arrays.asList(vectors)));
  }

  /**
   * The column's values once they pass what the writer's batch append takes as checked: NOT
   * NULL, and for CHAR and VARCHAR the byte length, single-byte CHAR characters and invalid
   * UTF-8 (decoded as U+FFFD), which ACCEPTINVCHARS replaces in a copy of the values.
   */
  private ColumnVector checked(ColumnDefinition column, ColumnVector vector, int rows,
      SourceFile file, long firstRow) throws Rejected {
    if (!column.nullable()) {
      for (int r = 0; r < rows; r++) {
        if (vector.isNull(r)) {
          throw reject(file, firstRow + r, column, "", LoadRejection.NOT_NULL, "23502",
              "Missing data for not-null field");
        }
      }
    }
    ColumnType type = column.type();
    if (type.name() != TypeName.CHAR && type.name() != TypeName.VARCHAR) {
      return vector;
    }
    Object[] values = vector.objectValues();
    Object[] replaced = null;
    for (int r = 0; r < rows; r++) {
      if (vector.isNull(r)) {
        continue;
      }
      String value = (String) values[r];
      if (value.indexOf('\uFFFD') >= 0) {
        if (options.invalidCharReplacement() == CopyOptions.REJECT_INVALID_CHARS) {
          throw reject(file, firstRow + r, column, value, LoadRejection.INVALID_UTF8, "22021",
              "String contains invalid UTF-8 (use ACCEPTINVCHARS to replace it)");
        }
        if (replaced == null) {
          replaced = Arrays.copyOf(values, rows);
        }
        value = value.replace('\uFFFD', options.invalidCharReplacement());
        replaced[r] = value;
      }
      int bytes = Utf8.length(value);
      if (type.name() == TypeName.CHAR && bytes != value.length()) {
        throw reject(file, firstRow + r, column, value, LoadRejection.CHAR_FIELD, "22P02",
            "Multibyte character not supported for CHAR (Hint: try using VARCHAR)");
      }
      if (type.precision() > 0 && bytes > type.precision()) {
        throw reject(file, firstRow + r, column, value, LoadRejection.STRING_TOO_LONG, "22001",
            "String length exceeds DDL length");
      }
    }
    return replaced == null ? vector
        : ArrayColumnVector.ofObjects(type, rows, replaced, vector.nullFlags());
  }

  /** The failure of the COPY at row {@code row} (0-based) of the file, and its log entry. */
  private Rejected reject(SourceFile file, long row, ColumnDefinition column, String value,
      int errorCode, String sqlState, String reason) {
    // Parquet has no lines: line_number holds the 1-based row of the file, raw_line nothing.
    long rowNumber = row + 1;
    LoadErrors.Entry entry = new LoadErrors.Entry(
        table.id(),
        startMillis,
        queryId,
        file.name(),
        rowNumber,
        column.name(),
        LoadErrors.typeName(column.type()),
        LoadErrors.columnLength(column.type()),
        0,
        "",
        value.length() <= LOGGED_TEXT_CHARS ? value : value.substring(0, LOGGED_TEXT_CHARS),
        errorCode,
        reason);
    StorageException failure = new StorageException(sqlState, "Cannot load into " + targetName
        + ": row " + rowNumber + " of " + file.name() + ", column \"" + column.name() + "\": "
        + reason + " \u2014 see STL_LOAD_ERRORS for details");
    return new Rejected(entry, failure);
  }

  /**
   * A reader's error as the COPY's: its message already names the file (as a URI) and says
   * what is wrong with it; cancellation reads as the COPY's own.
   */
  private StorageException readFailure(StorageException e, SourceFile file) {
    if (e.sqlState().equals("57014")) {
      return canceledException();
    }
    String reason = e.getMessage();
    if (!reason.contains("'" + file.uri() + "'")) {
      reason = "cannot read '" + file.name() + "': " + reason;
    } else if (reason.startsWith("Cannot ")) {
      reason = "c" + reason.substring(1);
    }
    return new StorageException(e.sqlState(), "Cannot COPY into " + targetName + ": " + reason,
        e);
  }

  private void checkCanceled() {
    if (canceled.getAsBoolean()) {
      throw canceledException();
    }
  }

  private StorageException canceledException() {
    return new StorageException("57014",
        "Cannot COPY into " + targetName + ": canceling statement due to user request");
  }

  /** A rejected value: the COPY's failure and the row it logs. */
  private static final class Rejected extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient LoadErrors.Entry entry;
    private final StorageException failure;

    Rejected(LoadErrors.Entry entry, StorageException failure) {
      super(failure.getMessage(), null, false, false);
      this.entry = entry;
      this.failure = failure;
    }
  }
}
