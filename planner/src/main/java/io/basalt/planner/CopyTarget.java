package io.basalt.planner;

import io.basalt.storage.TableDefinition;
import io.basalt.storage.TableWriter;

/**
 * The table a COPY loads, as the {@link CopyRunner} writes it: a native table of the store, or
 * a table an external catalog keeps (an Iceberg table), which supplies its own writer.
 */
public interface CopyTarget {
  /**
   * The table as the load sees it: its schema and name (as error messages give them), its
   * columns in order, whose types the fields are converted to, and its distribution, by which
   * rows are given slices. Its id is what STL_LOAD_ERRORS records as {@code tbl}.
   */
  TableDefinition table();

  /**
   * A writer for one COPY, given rows in the storage representation: nothing it is given is
   * visible before {@link TableWriter#commit()}, which publishes every row at once, and
   * {@link TableWriter#close()} without a commit leaves the table as it was.
   */
  TableWriter newWriter();
}
