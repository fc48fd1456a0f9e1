package io.basalt.storage.format;

import static java.util.Objects.requireNonNull;

import io.basalt.storage.StorageException;
import io.basalt.storage.objectstore.ObjectInfo;
import io.basalt.storage.objectstore.ObjectStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.parquet.format.converter.ParquetMetadataConverter;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;

/**
 * The Parquet footers one query has read, so that planning splits and reading them fetch each
 * footer once. Keyed by URI, size and modification time; thread-safe; meant to live as long as
 * the query, not longer. Footer bytes are counted in the counters it was made with.
 */
public final class ParquetFooters {
  private static final byte[] MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] ENCRYPTED_MAGIC = "PARE".getBytes(StandardCharsets.US_ASCII);

  private final ScanCounters counters;
  private final Map<ObjectInfo, ParquetMetadata> footers = new ConcurrentHashMap<>();

  public ParquetFooters(ScanCounters counters) {
    this.counters = requireNonNull(counters, "counters is null");
  }

  public ParquetFooters() {
    this(new ScanCounters());
  }

  /** How many footers are held. */
  public int size() {
    return footers.size();
  }

  /** The file's footer, read on first use; 22P04 naming the file when it is not Parquet. */
  ParquetMetadata footer(ObjectStore store, ObjectInfo file) {
    ParquetMetadata footer = footers.get(file);
    if (footer == null) {
      footer = read(new ObjectInputFile(store, file, counters));
      footers.putIfAbsent(file, footer);
    }
    return footer;
  }

  /**
   * The names of the file's top-level fields by their field ids (the ids Iceberg writes), for
   * readers that find columns by id rather than by name; fields without an id are left out.
   */
  public Map<Integer, String> topLevelNamesById(ObjectStore store, ObjectInfo file) {
    Map<Integer, String> names = new java.util.HashMap<>();
    for (org.apache.parquet.schema.Type field
        : footer(store, file).getFileMetaData().getSchema().getFields()) {
      if (field.getId() != null) {
        names.put(field.getId().intValue(), field.getName());
      }
    }
    return names;
  }

  static StorageException malformed(ObjectInfo file, String reason, Throwable cause) {
    return new StorageException("22P04", "Cannot read '" + file.uri() + "': " + reason, cause);
  }

  private static ParquetMetadata read(ObjectInputFile input) {
    ObjectInfo file = new ObjectInfo(input.uri(), input.getLength(), 0);
    long size = input.getLength();
    if (size < 12) {
      throw malformed(file, "not a Parquet file (" + size + " bytes is too short)", null);
    }
    // One request fetches the tail, which usually holds the whole footer.
    int tailLength = (int) Math.min(size, ObjectInputFile.TAIL_BYTES);
    byte[] tail = new byte[tailLength];
    try {
      input.readFully(size - tailLength, tail, 0, tailLength);
    } catch (IOException e) {
      throw malformed(file, "not a Parquet file (" + e.getMessage() + ")", e);
    }
    byte[] magic = Arrays.copyOfRange(tail, tailLength - 4, tailLength);
    if (Arrays.equals(magic, ENCRYPTED_MAGIC)) {
      throw malformed(file, "encrypted Parquet files are not supported", null);
    }
    if (!Arrays.equals(magic, MAGIC)) {
      throw malformed(file, "not a Parquet file (no PAR1 magic at its end)", null);
    }
    if (tailLength == size && !Arrays.equals(Arrays.copyOf(tail, 4), MAGIC)) {
      throw malformed(file, "not a Parquet file (no PAR1 magic at its start)", null);
    }
    int footerLength = (tail[tailLength - 8] & 0xff) | (tail[tailLength - 7] & 0xff) << 8
        | (tail[tailLength - 6] & 0xff) << 16 | (tail[tailLength - 5] & 0xff) << 24;
    long footerStart = size - 8 - (long) footerLength;
    if (footerLength <= 0 || footerStart < 4) {
      throw malformed(file, "not a Parquet file (its footer length " + Integer.toUnsignedString(
          footerLength) + " does not fit in its " + size + " bytes)", null);
    }
    byte[] footerBytes;
    long tailStart = size - tailLength;
    if (footerStart >= tailStart) {
      footerBytes = Arrays.copyOfRange(tail, (int) (footerStart - tailStart), tailLength - 8);
    } else {
      footerBytes = new byte[footerLength];
      try {
        input.readFully(footerStart, footerBytes, 0, footerLength);
      } catch (IOException e) {
        throw malformed(file, "not a Parquet file (" + e.getMessage() + ")", e);
      }
    }
    ParquetMetadata footer;
    try {
      footer = new ParquetMetadataConverter().readParquetMetadata(
          new ByteArrayInputStream(footerBytes), ParquetMetadataConverter.NO_FILTER);
    } catch (IOException | RuntimeException e) {
      throw malformed(file, "corrupt Parquet footer (" + e.getMessage() + ")", e);
    }
    for (BlockMetaData block : footer.getBlocks()) {
      for (ColumnChunkMetaData column : block.getColumns()) {
        long start = column.getStartingPos();
        if (start < 4 || column.getTotalSize() < 0
            || start + column.getTotalSize() > footerStart) {
          throw malformed(file, "corrupt Parquet footer (column chunk '" + column.getPath()
              + "' at byte " + start + " with " + column.getTotalSize()
              + " bytes lies outside the data)", null);
        }
      }
    }
    return footer;
  }
}
