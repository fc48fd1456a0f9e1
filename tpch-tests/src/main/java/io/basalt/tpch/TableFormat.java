package io.basalt.tpch;

import java.util.Locale;

/** Where the TPC-H queries read their tables: Basalt's native store, or Parquet in the lake. */
enum TableFormat {
  /** The tables as loaded by COPY, in Basalt's columnar store (DuckDB: its own database). */
  NATIVE,
  /** The tables unloaded to Parquet files in the object store, read as external tables. */
  PARQUET;

  /** Parses {@code native} or {@code parquet}, in any case. */
  static TableFormat parse(String text) {
    for (TableFormat format : values()) {
      if (format.label().equalsIgnoreCase(text.trim())) {
        return format;
      }
    }
    throw new IllegalArgumentException(
        "Cannot use table format \"" + text + "\": expected native or parquet");
  }

  /** The option's spelling: {@code native}, {@code parquet}. */
  String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
