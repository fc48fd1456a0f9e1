package io.basalt.federation.iceberg;

import io.basalt.planner.CopyTarget;
import io.basalt.planner.catalog.StatementEnvironment.QualifiedName;
import io.basalt.storage.DistStyle;
import io.basalt.storage.SortKeyKind;
import io.basalt.storage.TableDefinition;
import io.basalt.storage.TableWriter;
import java.util.List;
import org.apache.iceberg.Table;

/**
 * An Iceberg table as a COPY loads it: the columns its current schema reads as, and a writer
 * that feeds INSERT's data-file writer (fanned out by the partition spec) and commits the files
 * as one append snapshot through INSERT's commit, so a COPY is one snapshot or nothing.
 */
final class IcebergCopyTarget implements CopyTarget {
  private final Table table;
  private final String name;
  private final long queryId;
  private final TableDefinition definition;

  /** The table {@code table}, named {@code name} in SQL, for the statement {@code queryId}. */
  IcebergCopyTarget(Table table, QualifiedName name, long queryId) {
    this.table = table;
    this.name = name.toString();
    this.queryId = queryId;
    // An Iceberg table has no id of the native store's (STL_LOAD_ERRORS.tbl is 0), no slices
    // and no sort key: EVEN only makes the loader's slice numbers, which the writer ignores.
    this.definition = new TableDefinition(0, name.schema(), name.name(),
        IcebergTypes.columns(table.schema(), this.name), DistStyle.EVEN, null,
        SortKeyKind.NONE, List.of(), false);
  }

  @Override
  public TableDefinition table() {
    return definition;
  }

  @Override
  public TableWriter newWriter() {
    return new Writer(new IcebergWrites.RowWriter(table, queryId, name));
  }

  /**
   * The load's rows as new data files. Closing it without a commit deletes every file it wrote,
   * so a failed or canceled COPY leaves the table, and its storage, as they were.
   */
  private final class Writer implements TableWriter {
    private final IcebergWrites.RowWriter rows;
    /** Set once commit() is called: it finishes or cleans up the files itself. */
    private boolean done;

    Writer(IcebergWrites.RowWriter rows) {
      this.rows = rows;
    }

    /** Writes the row where the partition spec puts it; the slice means nothing here. */
    @Override
    public void append(int slice, Object[] row) {
      rows.write(row);
    }

    @Override
    public long rowCount() {
      return rows.rows();
    }

    @Override
    public void commit() {
      if (done) {
        throw new IllegalStateException("the COPY into " + name + " was already committed");
      }
      done = true;
      IcebergWrites.commitAppend(table, rows, queryId, name);
    }

    @Override
    public void close() {
      if (!done) {
        done = true;
        rows.abort();
      }
    }
  }
}
