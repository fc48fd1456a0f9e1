package io.basalt.federation.iceberg;

import io.basalt.planner.catalog.StatementEnvironment.QualifiedName;
import io.basalt.planner.sql.SqlAlterBasaltTable;
import io.basalt.storage.StorageException;
import java.util.concurrent.TimeUnit;
import org.apache.iceberg.ManageSnapshots;
import org.apache.iceberg.SnapshotRef;
import org.apache.iceberg.Table;
import org.apache.iceberg.exceptions.CommitFailedException;
import org.apache.iceberg.exceptions.ValidationException;

/**
 * Tags and branches of an Iceberg table, as Spark writes them: {@code ALTER TABLE t CREATE [OR
 * REPLACE] TAG | BRANCH [IF NOT EXISTS] name [AS OF VERSION id] [RETAIN n DAYS]} and {@code
 * DROP TAG | BRANCH [IF EXISTS] name}. Each is one metadata commit through Iceberg's
 * ManageSnapshots; a query reads one with {@code FOR VERSION AS OF 'name'}. Writes always go to
 * the table's main branch.
 */
final class IcebergRefs {
  private final IcebergDdl ddl;

  IcebergRefs(IcebergDdl ddl) {
    this.ddl = ddl;
  }

  void create(QualifiedName name, String database, SqlAlterBasaltTable.CreateRef create) {
    Table table = ddl.load(database, name.name());
    String what = (create.branch() ? "branch '" : "tag '") + create.name() + "'";
    String prefix = "Cannot create " + what + " of Iceberg table '" + name + "': ";
    SnapshotRef existing = table.refs().get(create.name());
    if (existing != null && !create.replace()) {
      if (create.ifNotExists()) {
        return;
      }
      throw new StorageException("42710", prefix + "it exists already (use CREATE OR REPLACE "
          + "to move it)");
    }
    if (existing != null && existing.isBranch() != create.branch()) {
      throw new StorageException("42809", prefix + "'" + create.name() + "' is a "
          + (existing.isBranch() ? "branch" : "tag"));
    }
    if (create.branch() && create.name().equals(SnapshotRef.MAIN_BRANCH)) {
      throw new StorageException("42710", prefix + "main is the table's own branch");
    }
    long snapshot;
    if (create.snapshotId() != null) {
      snapshot = create.snapshotId();
      if (table.snapshot(snapshot) == null) {
        throw new StorageException("22023", prefix + "the table has no snapshot " + snapshot);
      }
    } else if (table.currentSnapshot() != null) {
      snapshot = table.currentSnapshot().snapshotId();
    } else {
      throw new StorageException("22023", prefix + "the table has no snapshot yet");
    }
    ManageSnapshots change = table.manageSnapshots();
    if (existing == null) {
      change = create.branch() ? change.createBranch(create.name(), snapshot)
          : change.createTag(create.name(), snapshot);
    } else {
      change = create.branch() ? change.replaceBranch(create.name(), snapshot)
          : change.replaceTag(create.name(), snapshot);
    }
    if (create.retainDays() != null) {
      long millis = TimeUnit.DAYS.toMillis(create.retainDays());
      // A tag's retention is its own age; a branch's is that of the snapshots it keeps.
      change = create.branch() ? change.setMaxSnapshotAgeMs(create.name(), millis)
          : change.setMaxRefAgeMs(create.name(), millis);
    }
    commit(change, prefix);
  }

  void drop(QualifiedName name, String database, SqlAlterBasaltTable.DropRef drop) {
    Table table = ddl.load(database, name.name());
    String kind = drop.branch() ? "branch" : "tag";
    String prefix = "Cannot drop " + kind + " '" + drop.name() + "' of Iceberg table '" + name
        + "': ";
    SnapshotRef existing = table.refs().get(drop.name());
    if (existing == null || existing.isBranch() != drop.branch()) {
      if (drop.ifExists()) {
        return;
      }
      throw new StorageException("42704", prefix + "the table has no " + kind + " of that name");
    }
    if (drop.name().equals(SnapshotRef.MAIN_BRANCH)) {
      throw new StorageException("42809", prefix + "main is the table's own branch");
    }
    ManageSnapshots change = drop.branch() ? table.manageSnapshots().removeBranch(drop.name())
        : table.manageSnapshots().removeTag(drop.name());
    commit(change, prefix);
  }

  private static void commit(ManageSnapshots change, String prefix) {
    try {
      change.commit();
    } catch (CommitFailedException e) {
      throw new StorageException("40001", prefix + "another writer changed the table's "
          + "references at the same time; retry", e);
    } catch (ValidationException | IllegalArgumentException e) {
      throw new StorageException("22023", prefix + e.getMessage(), e);
    }
  }
}
