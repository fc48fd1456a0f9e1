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
import java.util.List;
import java.util.function.BooleanSupplier;
import org.apache.iceberg.DeleteFile;
import org.roaringbitmap.RoaringBitmap;

/**
 * The rows of one data file that Iceberg position delete files delete, added to a bitmap of
 * positions, read with Basalt's Parquet reader (a position delete file holds
 * {@code file_path, pos} rows, sorted; the filter on {@code file_path} skips the row groups of
 * other data files).
 */
final class PositionDeletes {
  private static final List<ColumnDefinition> COLUMNS = List.of(
      new ColumnDefinition("file_path", ColumnType.varchar(65535), false, null),
      new ColumnDefinition("pos", ColumnType.of(TypeName.BIGINT), false, null));

  private PositionDeletes() {}

  /** Adds the positions of {@code dataFile} that the Parquet file {@code delete} deletes. */
  static void addTo(RoaringBitmap deleted, ObjectStore store, String dataFile, DeleteFile delete,
      String table, BooleanSupplier canceled, ScanCounters counters) {
    FileReadRequest request = new FileReadRequest(COLUMNS, new int[] {1},
        List.of(new ColumnPredicate(0, List.of(ValueRange.point(dataFile)), false)),
        FormatOptions.parquet(), canceled, counters, FileReadRequest.DEFAULT_BATCH_ROWS);
    ObjectInfo file = RowDeletes.file(delete);
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
      throw RowDeletes.unreadable(delete, table, e);
    }
  }
}
