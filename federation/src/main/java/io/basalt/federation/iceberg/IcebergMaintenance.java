package io.basalt.federation.iceberg;

import io.basalt.planner.catalog.StatementEnvironment;
import io.basalt.planner.catalog.StatementEnvironment.PlannedQuery;
import io.basalt.planner.catalog.StatementEnvironment.QualifiedName;
import io.basalt.storage.StorageException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNumericLiteral;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.DeleteFile;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.ManifestContent;
import org.apache.iceberg.ManifestFile;
import org.apache.iceberg.ManifestFiles;
import org.apache.iceberg.ReachableFileUtil;
import org.apache.iceberg.RewriteFiles;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.StructLike;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.io.FileInfo;
import org.apache.iceberg.io.SupportsPrefixOperations;
import org.apache.iceberg.util.PropertyUtil;
import org.apache.iceberg.util.StructLikeWrapper;

/**
 * Table maintenance of Iceberg tables, with Athena's statements and properties:
 * {@code OPTIMIZE t REWRITE DATA USING BIN_PACK [WHERE ...]} compacts each partition's small
 * data files and the files that have deletes into new files, in one rewrite snapshot;
 * {@code VACUUM t} expires snapshots older than {@code vacuum_max_snapshot_age_seconds}
 * (default 5 days), keeping {@code vacuum_min_snapshots_to_keep} (default 1), and deletes the
 * files under the table's location that no remaining snapshot or metadata file refers to;
 * {@code ALTER TABLE t EXECUTE rollback_to_snapshot(id)} makes an earlier snapshot current.
 */
final class IcebergMaintenance {
  static final String MAX_SNAPSHOT_AGE = "vacuum_max_snapshot_age_seconds";
  static final String MIN_SNAPSHOTS = "vacuum_min_snapshots_to_keep";
  /** Orphans younger than this may belong to a write still in progress, so VACUUM keeps them. */
  static final long ORPHAN_MIN_AGE_MILLIS = 60_000;

  private final IcebergDdl ddl;

  IcebergMaintenance(IcebergDdl ddl) {
    this.ddl = ddl;
  }

  /** OPTIMIZE: the number of data files rewritten. */
  long optimize(QualifiedName name, String database, SqlNode where, StatementEnvironment env) {
    Table table = ddl.load(database, name.name());
    Snapshot base = table.currentSnapshot();
    if (base == null) {
      return 0;
    }
    Set<String> selected = where == null ? null : filesWhere(name, base, where, env);
    long target = PropertyUtil.propertyAsLong(table.properties(),
        TableProperties.WRITE_TARGET_FILE_SIZE_BYTES,
        TableProperties.WRITE_TARGET_FILE_SIZE_BYTES_DEFAULT);
    // Candidates per partition: files below three quarters of the target size, or with deletes.
    Map<StructLikeWrapper, List<FileScanTask>> byPartition = new HashMap<>();
    try (CloseableIterable<FileScanTask> tasks = table.newScan().useSnapshot(base.snapshotId())
        .planFiles()) {
      for (FileScanTask task : tasks) {
        DataFile file = task.file();
        boolean small = file.fileSizeInBytes() < target * 3 / 4;
        if ((selected == null || selected.contains(file.location()))
            && (small || !task.deletes().isEmpty())) {
          StructLike partition = file.partition();
          byPartition.computeIfAbsent(StructLikeWrapper.forType(
              table.specs().get(file.specId()).partitionType()).set(partition),
              k -> new ArrayList<>()).add(task);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Set<DataFile> rewritten = new HashSet<>();
    Set<DeleteFile> deletes = new HashSet<>();
    for (List<FileScanTask> group : byPartition.values()) {
      boolean withDeletes = group.stream().anyMatch(t -> !t.deletes().isEmpty());
      if (group.size() < 2 && !withDeletes) {
        continue; // one small file alone in its partition gains nothing from a rewrite
      }
      for (FileScanTask task : group) {
        rewritten.add(task.file());
        for (DeleteFile delete : task.deletes()) {
          // Only delete files scoped to a rewritten file can go; others may delete elsewhere.
          if (task.file().location().equals(delete.referencedDataFile())) {
            deletes.add(delete);
          }
        }
      }
    }
    if (rewritten.isEmpty()) {
      return 0;
    }
    PlannedQuery rows = env.plan(IcebergDml.rowsOfFiles(name, base,
        rewritten.stream().map(DataFile::location).toList()));
    int width = rows.columns().size() - 2;
    IcebergWrites.RowWriter writer = new IcebergWrites.RowWriter(table, env.queryId(),
        name.toString());
    List<DataFile> written;
    try {
      rows.forEachRow(row -> writer.write(java.util.Arrays.copyOf(row, width)));
      written = writer.finish();
    } catch (RuntimeException | Error e) {
      writer.abort();
      throw e;
    }
    try {
      RewriteFiles rewrite = table.newRewrite().validateFromSnapshot(base.snapshotId())
          .rewriteFiles(rewritten, deletes, new HashSet<>(written), Set.of());
      rewrite.set("basalt.query-id", Long.toString(env.queryId()));
      rewrite.commit();
    } catch (RuntimeException e) {
      IcebergWrites.deleteAll(table, written);
      throw IcebergWrites.commitFailure(name.toString(), e);
    }
    return rewritten.size();
  }

  private static Set<String> filesWhere(QualifiedName name, Snapshot base, SqlNode where,
      StatementEnvironment env) {
    Set<String> files = new HashSet<>();
    env.plan("SELECT DISTINCT \"t\"." + IcebergDml.quote(IcebergTableSource.FILE_COLUMN)
        + " FROM " + IcebergDml.positions(name, base, "t") + " WHERE (" + env.sql(where)
        + ") IS TRUE")
        .forEachRow(row -> files.add((String) row[0]));
    return files;
  }

  /** VACUUM: snapshots expired and orphan files deleted, as one count of files removed. */
  long vacuum(QualifiedName name, String database) {
    Table table = ddl.load(database, name.name());
    long maxAgeSeconds = PropertyUtil.propertyAsLong(table.properties(), MAX_SNAPSHOT_AGE,
        432_000);
    int keep = Math.max(1, PropertyUtil.propertyAsInt(table.properties(), MIN_SNAPSHOTS, 1));
    long now = System.currentTimeMillis();
    if (table.currentSnapshot() != null) {
      try {
        table.expireSnapshots().expireOlderThan(now - maxAgeSeconds * 1000).retainLast(keep)
            .commit();
      } catch (RuntimeException e) {
        throw IcebergWrites.commitFailure(name.toString(), e);
      }
      table.refresh();
    }
    return removeOrphans(table, now - ORPHAN_MIN_AGE_MILLIS);
  }

  /** Deletes the files under the table's location that nothing reachable refers to. */
  private static long removeOrphans(Table table, long olderThanMillis) {
    if (!(table.io() instanceof SupportsPrefixOperations prefixes)) {
      return 0;
    }
    Set<String> reachable = reachable(table);
    long removed = 0;
    for (FileInfo file : prefixes.listPrefix(table.location() + "/")) {
      if (file.createdAtMillis() < olderThanMillis && !reachable.contains(normal(
          file.location()))) {
        table.io().deleteFile(file.location());
        removed++;
      }
    }
    return removed;
  }

  private static Set<String> reachable(Table table) {
    Set<String> files = new HashSet<>();
    ReachableFileUtil.metadataFileLocations(table, false).forEach(f -> files.add(normal(f)));
    files.add(normal(((org.apache.iceberg.HasTableOperations) table).operations().current()
        .metadataFileLocation()));
    ReachableFileUtil.manifestListLocations(table).forEach(f -> files.add(normal(f)));
    ReachableFileUtil.statisticsFilesLocations(table).forEach(f -> files.add(normal(f)));
    Set<String> manifests = new HashSet<>();
    for (Snapshot snapshot : table.snapshots()) {
      for (ManifestFile manifest : snapshot.allManifests(table.io())) {
        if (!manifests.add(manifest.path())) {
          continue;
        }
        files.add(normal(manifest.path()));
        try {
          if (manifest.content() == ManifestContent.DATA) {
            try (CloseableIterable<String> paths = ManifestFiles.readPaths(manifest, table.io(),
                table.specs())) {
              paths.forEach(p -> files.add(normal(p)));
            }
          } else {
            try (var reader = ManifestFiles.readDeleteManifest(manifest, table.io(),
                table.specs())) {
              reader.forEach(d -> files.add(normal(d.location())));
            }
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    return files;
  }

  /** One spelling per object ({@code s3a://} and {@code s3://} name the same one). */
  private static String normal(String location) {
    return io.basalt.storage.objectstore.ObjectUri.parse(location).toString();
  }

  /** ALTER TABLE t EXECUTE procedure(...). */
  void execute(QualifiedName name, String database, String procedure, List<SqlNode> arguments) {
    Table table = ddl.load(database, name.name());
    String prefix = "Cannot run " + procedure + " on Iceberg table '" + name + "': ";
    switch (procedure) {
      case "rollback_to_snapshot" -> {
        if (arguments.size() != 1 || !(arguments.get(0) instanceof SqlNumericLiteral id)) {
          throw new StorageException("42601", prefix + "expected one snapshot id");
        }
        long snapshot = id.getValueAs(Long.class);
        if (table.snapshot(snapshot) == null) {
          throw new StorageException("22023", prefix + "the table has no snapshot " + snapshot);
        }
        try {
          table.manageSnapshots().rollbackTo(snapshot).commit();
        } catch (org.apache.iceberg.exceptions.ValidationException e) {
          throw new StorageException("22023", prefix + e.getMessage(), e);
        }
      }
      case "expire_snapshots", "remove_orphan_files" -> vacuum(name, database);
      default -> throw new StorageException("42883", prefix + "no such procedure (expected "
          + "rollback_to_snapshot, expire_snapshots or remove_orphan_files)");
    }
  }
}
