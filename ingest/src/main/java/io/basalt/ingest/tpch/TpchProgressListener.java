package io.basalt.ingest.tpch;

/** Receives progress from {@link TpchDataGenerator}, always on the thread that called it. */
@FunctionalInterface
public interface TpchProgressListener {
  /** A listener that ignores every event. */
  TpchProgressListener NONE = (table, rows) -> {};

  /**
   * Reports that {@code rows} rows of {@code table} are written so far; called after each chunk.
   */
  void progress(String table, long rows);

  /** Reports that a table's file is complete, either written now or found complete on disk. */
  default void completed(TpchTableFile file) {}
}
