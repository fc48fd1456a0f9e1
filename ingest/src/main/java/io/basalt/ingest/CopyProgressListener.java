package io.basalt.ingest;

/** Receives progress of a long COPY so the server can report it; called on its parsing thread. */
@FunctionalInterface
public interface CopyProgressListener {
  /** Does nothing. */
  CopyProgressListener NONE = (file, rowsSoFar) -> { };

  /**
   * Called when a file starts, every few hundred thousand rows and when a file ends, with the
   * file being read and the rows accepted so far in the whole COPY.
   */
  void progress(String file, long rowsSoFar);
}
