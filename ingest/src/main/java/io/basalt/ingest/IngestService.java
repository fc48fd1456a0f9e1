package io.basalt.ingest;

import static java.util.Objects.requireNonNull;

import io.basalt.ingest.SourceFiles.SourceFile;
import io.basalt.storage.StorageEngine;
import io.basalt.storage.StorageException;
import io.basalt.storage.TableDefinition;
import io.basalt.storage.objectstore.ObjectStore;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Runs Redshift's COPY: lists and reads the source ({@code s3://bucket/...}, {@code file://...}
 * or a local path) through an {@link ObjectStore}, loads TEXT, CSV, JSON or Parquet files in one
 * all-or-nothing commit, into a native table of the store or through a {@link LoadTarget}'s
 * writer into a table kept elsewhere, and logs rejected rows to {@link LoadErrors
 * STL_LOAD_ERRORS}. Parquet columns are matched to the table's by name,
 * ignoring case, as Spectrum does, where Redshift's COPY matches them by position.
 */
public final class IngestService {
  private final StorageEngine engine;
  private final ObjectStore objectStore;
  private final SourceFiles sources;
  private final int slices;

  /**
   * A service over {@code engine} that reads every COPY source (MANIFEST files and their entries
   * too) through {@code objectStore}, which the caller owns and closes; {@code slices} is the
   * store's slice count (storage.slices).
   */
  public IngestService(StorageEngine engine, ObjectStore objectStore, int slices) {
    this.engine = requireNonNull(engine, "engine is null");
    this.objectStore = requireNonNull(objectStore, "objectStore is null");
    this.sources = new SourceFiles(objectStore);
    if (slices < 1) {
      throw new IllegalArgumentException("slices must be positive: " + slices);
    }
    this.slices = slices;
  }

  /**
   * Runs the COPY; throws StorageException (with SQLSTATE) when it fails, loading nothing.
   * {@code queryId} is recorded in STL_LOAD_ERRORS. {@code canceled} is polled every few
   * thousand rows, for text and JSON from the COPY's parsing thread, so it must be safe to call
   * from another thread (an AtomicBoolean or a volatile flag); once true the COPY stops with
   * 57014.
   */
  public CopyResult copy(CopyCommand command, long queryId, BooleanSupplier canceled) {
    return copy(command, queryId, canceled, CopyProgressListener.NONE);
  }

  /** Runs the COPY, reporting progress to {@code listener}. */
  public CopyResult copy(
      CopyCommand command, long queryId, BooleanSupplier canceled,
      CopyProgressListener listener) {
    String target = quotedName(command.schema(), command.table());
    TableDefinition table = engine.table(command.schema(), command.table())
        .orElseThrow(() -> new StorageException("42P01",
            "Cannot COPY into " + target + ": table does not exist"));
    return copy(command, LoadTarget.nativeTable(engine, table), queryId, canceled, listener);
  }

  /**
   * Runs the COPY into {@code target} instead of the native table that {@code command} names
   * (which is not looked up): the same sources, formats, options and MAXERROR, the rows going
   * to one writer of the target that is committed only when the whole load succeeds and closed
   * without commit otherwise. Rejected rows still go to STL_LOAD_ERRORS, with the target
   * table's id.
   */
  public CopyResult copy(
      CopyCommand command, LoadTarget target, long queryId, BooleanSupplier canceled,
      CopyProgressListener listener) {
    TableDefinition table = target.table();
    String name = quotedName(table.schema(), table.name());
    CopyOptions options = CopyOptions.parse(command.options(), name);
    if (options.format() == CopyOptions.DataFormat.PARQUET) {
      ParquetLoad load = new ParquetLoad(engine, objectStore, target, command.columns(), options,
          slices, queryId, canceled, listener);
      return load.run(files(command, options, name));
    }
    CopyRun run = new CopyRun(engine, objectStore, target, command.columns(), options, slices,
        queryId, canceled, listener);
    return run.run(files(command, options, name));
  }

  private List<SourceFile> files(CopyCommand command, CopyOptions options, String target) {
    return options.manifest() ? sources.manifest(command.source(), target)
        : sources.resolve(command.source(), target);
  }

  static String quotedName(String schema, String table) {
    return "\"" + schema + "." + table + "\"";
  }
}
