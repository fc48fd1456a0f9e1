package io.basalt.federation.iceberg;

import io.basalt.planner.exec.MemoryTracker;
import io.basalt.storage.StorageException;
import io.basalt.storage.format.ParquetFooters;
import io.basalt.storage.format.ScanCounters;
import io.basalt.storage.objectstore.ObjectInfo;
import io.basalt.storage.objectstore.ObjectStore;
import io.basalt.storage.objectstore.ObjectUri;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import org.apache.iceberg.DeleteFile;
import org.apache.iceberg.FileContent;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.Table;
import org.roaringbitmap.RoaringBitmap;

/**
 * The rows of one scan's data files that their delete files delete (the delete files Iceberg's
 * planning found for each, by sequence number and partition), as one bitmap of positions per data
 * file: position delete files through {@link PositionDeletes}, equality delete files through
 * {@link EqualityDeletes}. A data file's bitmap is computed once per scan and shared by its
 * splits (RoaringBitmaps are only read once made), so the read path applies both kinds alike.
 * Delete files in formats other than Parquet (e.g. format version 3's Puffin deletion vectors)
 * are refused with 0A000 naming the file.
 */
final class RowDeletes {
  private final ObjectStore store;
  private final String table;
  private final EqualityDeletes equality;
  private final Map<String, ComputedOnce<RoaringBitmap>> deletedRows = new ConcurrentHashMap<>();

  RowDeletes(ObjectStore store, Table table, String name, MemoryTracker memory) {
    this.store = store;
    this.table = name;
    this.equality = new EqualityDeletes(store, table, name, memory);
  }

  /**
   * The deleted positions of the data file at {@code location} ({@code dataFile}, whose footer
   * {@code footers} may hold already), or null when its delete files delete none.
   */
  RoaringBitmap of(String location, ObjectInfo dataFile, List<DeleteFile> deletes,
      ParquetFooters footers, BooleanSupplier canceled, ScanCounters counters) {
    if (deletes.isEmpty()) {
      return null;
    }
    return deletedRows.computeIfAbsent(location, key -> new ComputedOnce<>())
        .get(() -> read(location, dataFile, deletes, footers, canceled, counters));
  }

  private RoaringBitmap read(String location, ObjectInfo dataFile, List<DeleteFile> deletes,
      ParquetFooters footers, BooleanSupplier canceled, ScanCounters counters) {
    RoaringBitmap deleted = new RoaringBitmap();
    List<DeleteFile> equalityDeletes = new ArrayList<>();
    for (DeleteFile delete : deletes) {
      if (delete.format() != FileFormat.PARQUET) {
        throw new StorageException("0A000", "Cannot read Iceberg table '" + table
            + "': delete file '" + delete.location() + "' is " + delete.format()
            + "; Basalt reads Parquet delete files only");
      }
      if (delete.content() == FileContent.EQUALITY_DELETES) {
        equalityDeletes.add(delete);
      } else {
        PositionDeletes.addTo(deleted, store, location, delete, table, canceled, counters);
      }
    }
    if (!equalityDeletes.isEmpty()) {
      equality.addTo(deleted, dataFile, equalityDeletes, footers, canceled, counters);
    }
    return deleted.isEmpty() ? null : deleted;
  }

  /** The delete file as the object store names it. */
  static ObjectInfo file(DeleteFile delete) {
    return new ObjectInfo(ObjectUri.parse(delete.location()), delete.fileSizeInBytes(), 0);
  }

  /** 58030 naming the delete file and the table, for a failure the reader did not classify. */
  static StorageException unreadable(DeleteFile delete, String table, Exception cause) {
    return new StorageException("58030", "Cannot read delete file '" + delete.location()
        + "' of Iceberg table '" + table + "': " + cause.getMessage(), cause);
  }
}
