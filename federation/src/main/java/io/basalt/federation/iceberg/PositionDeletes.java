package io.basalt.federation.iceberg;

import io.basalt.storage.ColumnDefinition;
import io.basalt.storage.ColumnPredicate;
import io.basalt.storage.ColumnType;
import io.basalt.storage.RowBatch;
import io.basalt.storage.StorageException;
import io.basalt.storage.TypeName;
import io.basalt.storage.ValueRange;
import io.basalt.storage.format.FileBatchReader;
import io.basalt.storage.format.FileReadRequest;
import io.basalt.storage.format.FileReaders;
import io.basalt.storage.format.FileSplit;
import io.basalt.storage.format.FormatOptions;
import io.basalt.storage.format.ScanCounters;
import io.basalt.storage.objectstore.ObjectInfo;
import io.basalt.storage.objectstore.ObjectStore;
import io.basalt.storage.objectstore.ObjectUri;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.apache.iceberg.DeleteFile;
import org.apache.iceberg.FileContent;
import org.roaringbitmap.RoaringBitmap;

/**
 * The rows of one data file that Iceberg position delete files delete, as a bitmap of
 * positions, read with Basalt's Parquet reader (a position delete file holds
 * {@code file_path, pos} rows, sorted; the filter on {@code file_path} skips the row groups of
 * other data files). Equality deletes are refused with a clear error: Basalt writes position
 * deletes only, and applying another engine's equality deletes is not built yet.
 */
final class PositionDeletes {
  private static final List<ColumnDefinition> COLUMNS = List.of(
      new ColumnDefinition("file_path", ColumnType.varchar(65535), false, null),
      new ColumnDefinition("pos", ColumnType.of(TypeName.BIGINT), false, null));

  private PositionDeletes() {}

  /** The deleted positions of {@code dataFile}, or null when the delete files delete none. */
  static RoaringBitmap of(ObjectStore store, String dataFile, List<DeleteFile> deletes,
      String table, BooleanSupplier canceled, ScanCounters counters) {
    RoaringBitmap deleted = new RoaringBitmap();
    for (DeleteFile delete : deletes) {
      if (delete.content() != FileContent.POSITION_DELETES) {
        throw new StorageException("0A000", "Cannot read Iceberg table '" + table
            + "': data file '" + dataFile + "' has equality delete file '" + delete.location()
            + "', which Basalt does not apply yet");
      }
      if (delete.format() != org.apache.iceberg.FileFormat.PARQUET) {
        throw new StorageException("0A000", "Cannot read Iceberg table '" + table
            + "': delete file '" + delete.location() + "' is " + delete.format()
            + "; Basalt reads Parquet delete files only");
      }
      ObjectInfo file = new ObjectInfo(ObjectUri.parse(delete.location()),
          delete.fileSizeInBytes(), 0);
      FileReadRequest request = new FileReadRequest(COLUMNS, new int[] {1},
          List.of(new ColumnPredicate(0, List.of(ValueRange.point(dataFile)), false)),
          FormatOptions.parquet(), canceled, counters, FileReadRequest.DEFAULT_BATCH_ROWS);
      try (FileBatchReader reader = FileReaders.open(store, FileSplit.whole(file), request)) {
        while (reader.hasNext()) {
          RowBatch batch = reader.next();
          for (int row = 0; row < batch.rowCount(); row++) {
            deleted.add(Math.toIntExact(batch.column(0).getLong(row)));
          }
        }
      } catch (StorageException e) {
        throw e;
      } catch (Exception e) {
        throw new StorageException("58030", "Cannot read delete file '" + delete.location()
            + "' of Iceberg table '" + table + "': " + e.getMessage(), e);
      }
    }
    return deleted.isEmpty() ? null : deleted;
  }
}
