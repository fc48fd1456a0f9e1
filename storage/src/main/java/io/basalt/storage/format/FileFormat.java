package io.basalt.storage.format;

/** The layout of a lake data file: Parquet, delimited text (CSV) or newline-delimited JSON. */
public enum FileFormat {
  /** Apache Parquet; columns are matched to the table by name, case-insensitively. */
  PARQUET,
  /** Delimited text, with or without CSV quoting; fields are matched to columns by position. */
  TEXT,
  /** One JSON object per line; keys are matched to columns by name, case-insensitively. */
  JSON
}
