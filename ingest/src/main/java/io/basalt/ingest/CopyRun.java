package io.basalt.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.github.luben.zstd.ZstdInputStream;
import io.basalt.distribution.SliceMap;
import io.basalt.ingest.SourceFiles.SourceFile;
import io.basalt.storage.ColumnDefinition;
import io.basalt.storage.ColumnType;
import io.basalt.storage.DistStyle;
import io.basalt.storage.StorageEngine;
import io.basalt.storage.StorageException;
import io.basalt.storage.TableDefinition;
import io.basalt.storage.TableWriter;
import io.basalt.storage.objectstore.ObjectStore;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.zip.GZIPInputStream;

/**
 * One execution of a COPY of TEXT, CSV or JSON files: reads every source file through one table
 * writer and commits only
 * when the rejected rows stay within MAXERROR, so that a failed COPY loads nothing. Rejected
 * rows go to STL_LOAD_ERRORS in their own commit either way. Parsing runs on a thread of its
 * own; the fields it writes ({@link #errors}, {@link #failure}, {@link #rowsLoaded}) are read
 * by the caller's thread only after joining it.
 */
final class CopyRun {
  private static final int CANCEL_CHECK_RECORDS = 4096;
  private static final long PROGRESS_ROWS = 250_000;
  private static final int READ_BUFFER_BYTES = 1 << 18;
  /** STL_LOAD_ERRORS keeps 1024 bytes of the line and field; more is never needed in memory. */
  private static final int LOGGED_TEXT_CHARS = 1024;
  /** What SliceMap.sliceOf reads of a row for the styles other than KEY: nothing. */
  private static final Object[] NO_VALUES = new Object[0];

  private final StorageEngine engine;
  private final ObjectStore sources;
  private final LoadTarget target;
  private final TableDefinition table;
  private final CopyOptions options;
  /** The table's quoted name, as error messages give it. */
  private final String targetName;
  private final long queryId;
  private final BooleanSupplier canceled;
  private final CopyProgressListener listener;
  private final FieldConverter[] converters;
  private final int[] targetColumns;
  /** The table columns that no file field fills: NULL in every row. */
  private final int[] unlistedColumns;
  private final SliceMap slices;
  private final long startMillis = System.currentTimeMillis();
  private final List<LoadErrors.Entry> errors = new ArrayList<>();
  private long rowsLoaded;
  /** Set when the rejected rows exceed MAXERROR: the COPY then commits nothing. */
  private StorageException failure;

  CopyRun(
      StorageEngine engine,
      ObjectStore sources,
      LoadTarget target,
      List<String> columns,
      CopyOptions options,
      int sliceCount,
      long queryId,
      BooleanSupplier canceled,
      CopyProgressListener listener) {
    this.engine = engine;
    this.sources = sources;
    this.target = target;
    this.table = target.table();
    this.options = options;
    this.targetName = IngestService.quotedName(table.schema(), table.name());
    this.queryId = queryId;
    this.canceled = canceled;
    this.listener = listener;
    this.targetColumns = TargetColumns.resolve(table, columns, targetName);
    this.converters = new FieldConverter[targetColumns.length];
    for (int i = 0; i < targetColumns.length; i++) {
      converters[i] = new FieldConverter(table.columns().get(targetColumns[i]), options,
          targetName);
    }
    this.slices = SliceMap.of(table, sliceCount);
    this.unlistedColumns = TargetColumns.unlisted(table.columns().size(), targetColumns);
  }

  /**
   * Loads the files: a parsing thread reads and converts rows while this thread appends them to
   * the writer, which is committed only if the parser got through without exceeding MAXERROR.
   */
  CopyResult run(List<SourceFile> files) {
    List<String> names = new ArrayList<>(files.size());
    List<ColumnType> types = new ArrayList<>();
    for (ColumnDefinition column : table.columns()) {
      types.add(column.type());
    }
    RowHandoff handoff = new RowHandoff(types);
    Thread parser = new Thread(() -> parseAll(files, names, handoff), "copy-parser-" + queryId);
    parser.setDaemon(true);
    try (TableWriter writer = target.newWriter()) {
      parser.start();
      boolean drained = false;
      try {
        handoff.drainTo(writer);
        drained = true;
      } finally {
        if (!drained) {
          parser.interrupt();
        }
        parser.join();
      }
      if (failure == null) {
        writer.commit();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw canceledException();
    }
    // The rejected rows are logged whether or not the load itself commits.
    LoadErrors.record(engine, errors);
    if (failure != null) {
      throw failure;
    }
    return new CopyResult(rowsLoaded, errors.size(), names);
  }

  /** The parsing thread's work: every file in order, then the end (or the failure) handed off. */
  private void parseAll(List<SourceFile> files, List<String> names, RowHandoff handoff) {
    try {
      for (SourceFile file : files) {
        checkCanceled();
        names.add(file.name());
        if (!load(file, handoff)) {
          break;
        }
      }
      handoff.finish();
    } catch (InterruptedException e) {
      // The appending side stopped first and reports why.
    } catch (Throwable t) {
      try {
        handoff.fail(t);
      } catch (InterruptedException e) {
        // As above: the appending side already stopped.
      }
    }
  }

  /** Loads one file; returns false when too many rows were rejected to go on. */
  private boolean load(SourceFile file, RowHandoff handoff) throws InterruptedException {
    listener.progress(file.name(), rowsLoaded);
    try (RecordSource reader = open(file)) {
      for (int skipped = 0; skipped < options.ignoreHeader() && reader.next(); skipped++) {
        // Header lines are read and dropped.
      }
      int sinceCheck = 0;
      while (reader.next()) {
        if (++sinceCheck == CANCEL_CHECK_RECORDS) {
          sinceCheck = 0;
          checkCanceled();
        }
        if (options.ignoreBlankLines() && reader.blank()) {
          continue;
        }
        ParsedBatch batch = handoff.filling();
        int row = batch.nextRow();
        try {
          convert(reader, batch, row);
        } catch (LoadRejection rejection) {
          if (!reject(file, reader, rejection)) {
            return false;
          }
          continue;
        }
        handoff.commitRow(sliceOf(batch, row));
        if (++rowsLoaded % PROGRESS_ROWS == 0) {
          listener.progress(file.name(), rowsLoaded);
        }
      }
    } catch (JsonProcessingException e) {
      long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw new StorageException("22P04",
          "Cannot load into " + targetName + ": line " + line + " of " + file.name()
              + ": invalid JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new StorageException("58030",
          "Cannot COPY into " + targetName + ": cannot read '" + file.name() + "': "
              + e.getMessage(), e);
    }
    listener.progress(file.name(), rowsLoaded);
    return true;
  }

  private int sliceOf(ParsedBatch batch, int row) {
    return slices.style() == DistStyle.KEY
        ? slices.sliceOfKey(batch.column(slices.keyColumn()).get(row))
        : slices.sliceOf(NO_VALUES);
  }

  /** Converts the reader's current record into row {@code row} of {@code batch}. */
  private void convert(RecordSource reader, ParsedBatch batch, int row) throws LoadRejection {
    reader.split();
    int fields = reader.fieldCount;
    int expected = converters.length;
    // dbgen and many exporters end every line with the delimiter.
    if (fields == expected + 1 && reader.rawStarts[expected] == reader.rawEnds[expected]) {
      fields = expected;
    }
    if (fields > expected) {
      throw LoadRejection.row(LoadRejection.EXTRA_COLUMNS, "22P04",
          "Extra column(s) found", expected);
    }
    if (expected > 1 && !options.fillRecord() && reader.blank()) {
      throw LoadRejection.row(LoadRejection.EMPTY_LINE, "22P04",
          "Line contains no data (IGNOREBLANKLINES skips blank lines)", -1);
    }
    if (fields < expected && !options.fillRecord()) {
      throw LoadRejection.row(LoadRejection.DELIMITER_NOT_FOUND, "22P04",
          "Delimiter not found", fields);
    }
    for (int i = 0; i < expected; i++) {
      ParsedColumn column = batch.column(targetColumns[i]);
      try {
        if (i < fields) {
          converters[i].convertTo(reader, i, column, row);
        } else {
          column.set(row, converters[i].missing());
        }
      } catch (LoadRejection rejection) {
        throw rejection.atField(i);
      }
    }
    for (int column : unlistedColumns) {
      batch.column(column).setNull(row);
    }
  }

  /**
   * Logs a rejected row; returns false, with {@link #failure} set, once the rejections exceed
   * MAXERROR.
   */
  private boolean reject(SourceFile file, RecordSource reader, LoadRejection rejection) {
    int field = rejection.field();
    ColumnDefinition column = field >= 0 && field < converters.length
        ? converters[field].column() : null;
    String rawField = field >= 0 && field < reader.fieldCount
        ? reader.rawField(field, LOGGED_TEXT_CHARS) : "";
    errors.add(new LoadErrors.Entry(
        table.id(),
        startMillis,
        queryId,
        file.name(),
        reader.lineNumber(),
        column == null ? "" : column.name(),
        column == null ? "" : LoadErrors.typeName(column.type()),
        column == null ? "" : LoadErrors.columnLength(column.type()),
        rejection.position(),
        reader.rawLine(LOGGED_TEXT_CHARS),
        rawField,
        rejection.errorCode(),
        rejection.reason()));
    if (errors.size() <= options.maxError()) {
      return true;
    }
    StringBuilder message = new StringBuilder("Cannot load into ").append(targetName)
        .append(": line ").append(reader.lineNumber()).append(" of ").append(file.name());
    if (column != null) {
      message.append(", column \"").append(column.name()).append('"');
    }
    message.append(": ").append(rejection.reason());
    if (options.maxError() > 0) {
      message.append(" (").append(errors.size()).append(" rows rejected, more than MAXERROR ")
          .append(options.maxError()).append(')');
    }
    message.append(" \u2014 see STL_LOAD_ERRORS for details");
    failure = new StorageException(rejection.sqlState(), message.toString());
    return false;
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

  private RecordSource open(SourceFile file) throws IOException {
    InputStream in = new BufferedInputStream(sources.open(file.uri()), READ_BUFFER_BYTES);
    try {
      in = decompress(in, file);
    } catch (IOException | RuntimeException e) {
      in.close();
      throw e;
    }
    Reader text = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPLACE)
        .onUnmappableCharacter(CodingErrorAction.REPLACE));
    return switch (options.format()) {
      case TEXT -> new TextRecordReader(text, options.delimiter(), options.escape(),
          options.removeQuotes());
      case CSV -> new CsvRecordReader(text, options.delimiter(), options.quote());
      case JSON -> new JsonRecordReader(text, columnNames(), options.jsonIgnoreCase());
      case PARQUET -> throw new IllegalStateException("Parquet files load through ParquetLoad");
    };
  }

  private List<String> columnNames() {
    List<String> names = new ArrayList<>(converters.length);
    for (FieldConverter converter : converters) {
      names.add(converter.column().name());
    }
    return names;
  }

  private InputStream decompress(InputStream in, SourceFile file) throws IOException {
    CopyOptions.Compression compression = options.compression();
    String name = file.name().toLowerCase(java.util.Locale.ROOT);
    if (compression == null) {
      if (name.endsWith(".gz")) {
        compression = CopyOptions.Compression.GZIP;
      } else if (name.endsWith(".zst") || name.endsWith(".zstd")) {
        compression = CopyOptions.Compression.ZSTD;
      } else if (name.endsWith(".bz2") || name.endsWith(".lzo")) {
        throw new StorageException("0A000",
            "Cannot COPY into " + targetName + ": '" + file.name()
                + "' is compressed in a format that is not supported yet");
      } else {
        compression = CopyOptions.Compression.NONE;
      }
    }
    return switch (compression) {
      case NONE -> in;
      case GZIP -> new GZIPInputStream(in, READ_BUFFER_BYTES);
      case ZSTD -> new BufferedInputStream(new ZstdInputStream(in), READ_BUFFER_BYTES);
    };
  }
}
