package io.basalt.federation.lake;

import static java.util.Objects.requireNonNull;

import io.basalt.storage.format.RowFileWriter;
import io.basalt.storage.ColumnDefinition;
import io.basalt.storage.ColumnType;
import io.basalt.storage.objectstore.ObjectStore;
import io.basalt.storage.objectstore.ObjectUri;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The files one writer writes: rows go to the current file of their partition (one file per
 * partition folder when the write is partitioned, else one), a file is finished and the next
 * started once it reaches the size limit, and at most {@link #MAX_OPEN_FILES} files are open at
 * once (the least recently used is finished first). Not thread-safe: one writer thread owns it.
 */
final class PartitionedFileSink {
  /** Files open at once per writer; each buffers a Parquet row group or a text buffer. */
  static final int MAX_OPEN_FILES = 16;

  /** A finished file: where it is, the text of its partition values (empty if none), its rows. */
  record WrittenFile(ObjectUri uri, List<String> partitionValues, long rows) {
    WrittenFile {
      requireNonNull(uri, "uri is null");
      partitionValues = Collections.unmodifiableList(new ArrayList<>(partitionValues));
    }
  }

  /** Where files go: the folder of a partition (its values' text, null for NULL), file names. */
  interface Layout {
    ObjectUri folder(List<String> partitionValues);

    /** The name of the {@code sequence}-th file (from 0) this writer starts in one folder. */
    String fileName(int writer, int sequence);
  }

  /** What the writer writes: which query columns go to files and which name the partition. */
  record Columns(List<ColumnDefinition> fileColumns, int[] fileIndexes, int[] partitionIndexes,
      List<ColumnType> partitionTypes) {
    Columns {
      fileColumns = List.copyOf(fileColumns);
      partitionTypes = List.copyOf(partitionTypes);
    }

    /** All query columns in files, no partitions. */
    static Columns unpartitioned(List<ColumnDefinition> columns) {
      int[] all = new int[columns.size()];
      Arrays.setAll(all, i -> i);
      return new Columns(columns, all, new int[0], List.of());
    }

    boolean identity() {
      if (partitionIndexes.length > 0) {
        return false;
      }
      for (int i = 0; i < fileIndexes.length; i++) {
        if (fileIndexes[i] != i) {
          return false;
        }
      }
      return true;
    }
  }

  /** The open file of one partition. */
  private static final class OpenFile {
    final RowFileWriter writer;
    final ObjectUri uri;
    final List<String> values;
    long rows;

    OpenFile(RowFileWriter writer, ObjectUri uri, List<String> values) {
      this.writer = writer;
      this.uri = uri;
      this.values = values;
    }
  }

  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

  private final ObjectStore store;
  private final OutputFormat format;
  private final Columns columns;
  private final boolean identity;
  private final Layout layout;
  private final long maxFileBytes;
  private final int writer;
  private final UnaryOperator<Object[]> convert;
  /** Open files by partition values, least recently used first. */
  private final LinkedHashMap<List<String>, OpenFile> open = new LinkedHashMap<>(16, 0.75f, true);
  /** The next file sequence number of each partition. */
  private final Map<List<String>, Integer> sequences = new HashMap<>();
  private final List<WrittenFile> written = new ArrayList<>();
  private OpenFile only;
  private boolean done;

  /**
   * A sink for writer number {@code writer}; {@code convert} brings each query row to the types
   * of the target before anything else (identity for UNLOAD).
   */
  PartitionedFileSink(ObjectStore store, OutputFormat format, Columns columns, Layout layout,
      long maxFileBytes, int writer, UnaryOperator<Object[]> convert) {
    this.store = requireNonNull(store, "store is null");
    this.format = requireNonNull(format, "format is null");
    this.columns = requireNonNull(columns, "columns is null");
    this.identity = columns.identity();
    this.layout = requireNonNull(layout, "layout is null");
    // Rolled over early enough that what the writer still buffers stays under the limit.
    this.maxFileBytes = Math.max(1, maxFileBytes - format.slackBytes());
    this.writer = writer;
    this.convert = requireNonNull(convert, "convert is null");
  }

  void write(Object[] queryRow) {
    Object[] row = convert.apply(queryRow);
    Object[] fileRow = identity ? row : project(row);
    OpenFile file;
    if (columns.partitionIndexes().length == 0) {
      if (only == null) {
        only = start(List.of());
      }
      file = only;
    } else {
      List<String> values = partitionValues(row);
      file = open.get(values);
      if (file == null) {
        if (open.size() >= MAX_OPEN_FILES) {
          Iterator<OpenFile> eldest = open.values().iterator();
          OpenFile closing = eldest.next();
          eldest.remove();
          finish(closing);
        }
        file = start(values);
        open.put(values, file);
      }
    }
    file.writer.write(fileRow);
    file.rows++;
    if (file.writer.bytesWritten() >= maxFileBytes) {
      if (file == only) {
        only = null;
      } else {
        open.remove(file.values);
      }
      finish(file);
    }
  }

  private Object[] project(Object[] row) {
    int[] indexes = columns.fileIndexes();
    Object[] projected = new Object[indexes.length];
    for (int i = 0; i < indexes.length; i++) {
      projected[i] = row[indexes[i]];
    }
    return projected;
  }

  private List<String> partitionValues(Object[] row) {
    int[] indexes = columns.partitionIndexes();
    String[] values = new String[indexes.length];
    for (int k = 0; k < indexes.length; k++) {
      values[k] = text(row[indexes[k]], columns.partitionTypes().get(k));
    }
    return Arrays.asList(values);
  }

  private OpenFile start(List<String> values) {
    int sequence = sequences.merge(values, 1, Integer::sum) - 1;
    ObjectUri uri = layout.folder(values).asPrefix().resolve(layout.fileName(writer, sequence));
    return new OpenFile(format.create(store, uri, columns.fileColumns()), uri, values);
  }

  private void finish(OpenFile file) {
    file.writer.close();
    written.add(new WrittenFile(file.uri, file.values, file.rows));
  }

  /** Finishes every open file and returns all files this writer wrote, in the order finished. */
  List<WrittenFile> finish() {
    done = true;
    if (only != null) {
      OpenFile last = only;
      only = null;
      finish(last);
    }
    List<OpenFile> remaining = new ArrayList<>(open.values());
    open.clear();
    for (OpenFile file : remaining) {
      finish(file);
    }
    return List.copyOf(written);
  }

  /** Discards the open files (finished ones are discarded by the staged store's abort). */
  void abort() {
    if (done) {
      return;
    }
    done = true;
    List<OpenFile> remaining = new ArrayList<>(open.values());
    if (only != null) {
      remaining.add(only);
    }
    open.clear();
    only = null;
    for (OpenFile file : remaining) {
      try {
        file.writer.abort();
      } catch (RuntimeException ignored) {
        // Aborting only drops buffers; the staged store discards the output either way.
      }
    }
  }

  /**
   * A partition value as folders and the catalog spell it: numbers, dates (ISO), timestamps
   * ({@code yyyy-MM-dd HH:mm:ss[.SSS]}, UTC) and booleans in canonical form, DECIMAL at its
   * scale, strings as they are; null for NULL.
   */
  static String text(Object value, ColumnType type) {
    if (value == null) {
      return null;
    }
    return switch (type.name()) {
      case SMALLINT, INTEGER, BIGINT -> Long.toString(((Number) value).longValue());
      case DECIMAL -> (value instanceof BigDecimal d ? d : new BigDecimal(value.toString()))
          .setScale(type.scale(), RoundingMode.HALF_UP).toPlainString();
      case REAL -> Float.toString(((Number) value).floatValue());
      case DOUBLE -> Double.toString(((Number) value).doubleValue());
      case BOOLEAN -> value.toString();
      case DATE -> LocalDate.ofEpochDay(((Number) value).longValue()).toString();
      case TIMESTAMP, TIMESTAMPTZ -> timestamp(((Number) value).longValue());
      case CHAR, VARCHAR -> value.toString();
    };
  }

  private static String timestamp(long millis) {
    Instant instant = Instant.ofEpochMilli(millis);
    String text = TIMESTAMP.format(instant);
    int fraction = (int) Math.floorMod(millis, 1000L);
    return fraction == 0 ? text : text + String.format(".%03d", fraction);
  }
}
