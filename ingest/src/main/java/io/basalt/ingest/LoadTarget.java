package io.basalt.ingest;

import static java.util.Objects.requireNonNull;

import io.basalt.storage.StorageEngine;
import io.basalt.storage.TableDefinition;
import io.basalt.storage.TableWriter;
import io.basalt.storage.WriteMode;
import java.util.function.Supplier;

/**
 * The table a COPY loads: its definition (name, columns in order, distribution), and where its
 * rows go, a factory of the writer that one COPY appends every row to and commits once, or
 * closes without committing to load nothing. A native table's writer is the store's; a table
 * that lives elsewhere (an Iceberg table) brings its own.
 */
public record LoadTarget(TableDefinition table, Supplier<TableWriter> writers) {
  public LoadTarget {
    requireNonNull(table, "table is null");
    requireNonNull(writers, "writers is null");
  }

  /** The native table {@code table} of {@code engine}, appended to by the store's writer. */
  static LoadTarget nativeTable(StorageEngine engine, TableDefinition table) {
    return new LoadTarget(table,
        () -> engine.newWriter(table.schema(), table.name(), WriteMode.APPEND));
  }

  /** A new writer for one COPY. */
  TableWriter newWriter() {
    return requireNonNull(writers.get(), "writer is null");
  }
}
