package io.basalt.federation.iceberg;

import io.basalt.planner.catalog.StatementEnvironment;
import io.basalt.planner.catalog.StatementEnvironment.PlannedQuery;
import io.basalt.planner.catalog.StatementEnvironment.QualifiedName;
import io.basalt.storage.StorageException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.iceberg.AppendFiles;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.DeleteFile;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.OverwriteFiles;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.RowDelta;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.TableUtil;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.deletes.PositionDelete;
import org.apache.iceberg.deletes.PositionDeleteWriter;
import org.apache.iceberg.encryption.EncryptedOutputFile;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.io.OutputFileFactory;
import org.roaringbitmap.RoaringBitmap;

/**
 * Commits a row-level change (a {@link RowChangeSet} and the rows to write) as one Iceberg
 * snapshot, in the table's mode for the statement: merge-on-read writes one position delete
 * file per changed data file and commits a row delta; copy-on-write rewrites each changed data
 * file without its removed rows and commits an overwrite. Both validate against the snapshot
 * the statement read: a data file another writer removed since, or deletes it added, fail the
 * commit with SQLSTATE 40001 and leave the table as it was.
 */
final class IcebergCommits {
  static final String DELETE_MODE = TableProperties.DELETE_MODE;
  static final String UPDATE_MODE = TableProperties.UPDATE_MODE;
  static final String MERGE_MODE = TableProperties.MERGE_MODE;

  private IcebergCommits() {}

  /** Whether the table's property for a statement asks for merge-on-read. */
  static boolean mergeOnRead(Table table, String modeProperty) {
    String mode = table.properties().getOrDefault(modeProperty, "copy-on-write")
        .toLowerCase(Locale.ROOT);
    // Delete files need format version 2 or later; a v1 table is always rewritten.
    return mode.equals("merge-on-read") && TableUtil.formatVersion(table) >= 2;
  }

  /**
   * Commits the change, with the new rows {@code writer} holds (UPDATE's and MERGE's, written
   * as the statement read them, so no row waits in memory); nothing when there is no change.
   * {@code base} is null for a table never written (a MERGE into it only inserts). On any
   * failure the files written are deleted.
   */
  static void commit(Table table, Snapshot base, RowChangeSet changes,
      IcebergWrites.RowWriter writer, String modeProperty, QualifiedName name,
      StatementEnvironment env) {
    if (changes.isEmpty() && writer.rows() == 0) {
      writer.abort();
      return;
    }
    try {
      if (base == null) {
        append(table, writer.finish(), name);
      } else {
        Map<String, DataFile> changed = changedFiles(table, base, changes);
        if (mergeOnRead(table, modeProperty)) {
          mergeOnRead(table, base, changes, changed, writer.finish(), name, env);
        } else {
          if (!changed.isEmpty()) {
            keepSurvivors(name, base, changes, writer, env);
          }
          copyOnWrite(table, base, changed, writer.finish(), name, env);
        }
      }
    } catch (RuntimeException | Error e) {
      writer.abort();
      throw e;
    }
  }

  private static void append(Table table, List<DataFile> written, QualifiedName name) {
    try {
      AppendFiles append = table.newAppend();
      written.forEach(append::appendFile);
      append.commit();
    } catch (RuntimeException e) {
      throw IcebergWrites.commitFailure(name.toString(), e);
    }
  }

  private static void mergeOnRead(Table table, Snapshot base, RowChangeSet changes,
      Map<String, DataFile> changed, List<DataFile> written, QualifiedName name,
      StatementEnvironment env) {
    List<DeleteFile> deletes = new ArrayList<>();
    try {
      OutputFileFactory files = OutputFileFactory.builderFor(table, 1, env.queryId())
          .format(org.apache.iceberg.FileFormat.PARQUET).build();
      for (Map.Entry<String, RoaringBitmap> entry : changes.removed().entrySet()) {
        deletes.add(positionDeletes(table, files, changed.get(entry.getKey()),
            entry.getValue()));
      }
      RowDelta delta = table.newRowDelta()
          .validateFromSnapshot(base.snapshotId())
          .validateDataFilesExist(changes.removed().keySet())
          .validateDeletedFiles()
          .validateNoConflictingDeleteFiles();
      written.forEach(delta::addRows);
      deletes.forEach(delta::addDeletes);
      delta.set("basalt.query-id", Long.toString(env.queryId()));
      delta.commit();
    } catch (RuntimeException e) {
      IcebergWrites.deleteAll(table, deletes);
      throw IcebergWrites.commitFailure(name.toString(), e);
    }
  }

  private static DeleteFile positionDeletes(Table table, OutputFileFactory files,
      DataFile dataFile, RoaringBitmap positions) {
    PartitionSpec spec = table.specs().get(dataFile.specId());
    // As Iceberg's own writers do: an unpartitioned file's partition path is empty, which would
    // put "data//" in the location (an object key S3 refuses to sign).
    EncryptedOutputFile output = spec.isUnpartitioned() ? files.newOutputFile()
        : files.newOutputFile(spec, dataFile.partition());
    PositionDeleteWriter<Record> writer = IcebergWrites.writerFactory(table)
        .newPositionDeleteWriter(output, spec, dataFile.partition());
    PositionDelete<Record> delete = PositionDelete.create();
    try (writer) {
      // Positions ascending within one data file: the order Iceberg's spec asks for.
      for (int position : positions) {
        writer.write(delete.set(dataFile.location(), Integer.toUnsignedLong(position)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return writer.toDeleteFile();
  }

  private static void copyOnWrite(Table table, Snapshot base, Map<String, DataFile> changed,
      List<DataFile> written, QualifiedName name, StatementEnvironment env) {
    try {
      OverwriteFiles overwrite = table.newOverwrite()
          .validateFromSnapshot(base.snapshotId())
          .validateNoConflictingDeletes();
      changed.values().forEach(overwrite::deleteFile);
      written.forEach(overwrite::addFile);
      overwrite.set("basalt.query-id", Long.toString(env.queryId()));
      overwrite.commit();
    } catch (RuntimeException e) {
      throw IcebergWrites.commitFailure(name.toString(), e);
    }
  }

  /** Writes the rows of the changed data files that the change keeps, read at {@code base}. */
  private static void keepSurvivors(QualifiedName name, Snapshot base, RowChangeSet changes,
      IcebergWrites.RowWriter writer, StatementEnvironment env) {
    PlannedQuery query = env.plan(IcebergDml.rowsOfFiles(name, base,
        changes.removed().keySet()));
    int width = query.columns().size() - 2;
    query.forEachRow(row -> {
      RoaringBitmap removed = changes.removed().get((String) row[width]);
      if (removed == null || !removed.contains(Math.toIntExact(((Number) row[width + 1])
          .longValue()))) {
        writer.write(java.util.Arrays.copyOf(row, width));
      }
    });
  }

  /** The data files of {@code base} that the change removes rows from, by location. */
  private static Map<String, DataFile> changedFiles(Table table, Snapshot base,
      RowChangeSet changes) {
    Map<String, DataFile> files = new HashMap<>();
    if (changes.isEmpty()) {
      return files;
    }
    try (CloseableIterable<FileScanTask> tasks = table.newScan()
        .useSnapshot(base.snapshotId()).planFiles()) {
      for (FileScanTask task : tasks) {
        if (changes.removed().containsKey(task.file().location())) {
          files.put(task.file().location(), task.file());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (files.size() != changes.removed().size()) {
      throw new StorageException("XX000", "Cannot change Iceberg table '" + table.name()
          + "': a changed row's data file is not in snapshot " + base.snapshotId());
    }
    return files;
  }
}
