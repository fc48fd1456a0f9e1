package io.basalt.tpch;

import java.math.BigDecimal;

/** A TPC-H scale factor and the names derived from it: answer folder, schema and data folder. */
record TpchScale(BigDecimal value) {
  TpchScale {
    if (value.signum() <= 0) {
      throw new IllegalArgumentException(
          "Cannot use TPC-H scale factor " + value.toPlainString() + ": it must be positive");
    }
    value = value.stripTrailingZeros();
  }

  /** Parses a scale factor such as {@code 1}, {@code 0.1} or {@code 0.01}. */
  static TpchScale parse(String text) {
    try {
      return new TpchScale(new BigDecimal(text.trim()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "Cannot use TPC-H scale factor \"" + text + "\": not a number", e);
    }
  }

  /** Returns the scale factor as written in the kit's folder names: {@code 1}, {@code 0.01}. */
  String label() {
    return value.toPlainString();
  }

  /** Returns the folder name of this scale factor's answers and data: {@code sf0.01}. */
  String folderName() {
    return "sf" + label();
  }

  /** Returns the schema the harness loads this scale factor into: {@code tpch_sf0_01}. */
  String schemaName() {
    return "tpch_sf" + label().replace('.', '_');
  }

  double doubleValue() {
    return value.doubleValue();
  }
}
