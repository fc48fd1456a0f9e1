package io.basalt.storage.zonemap;

/**
 * What one block holds: its row and NULL counts and the least and greatest non-null values in the
 * comparable form of its physical type (Long, Double, String, BigDecimal; CHAR without trailing
 * blanks). A null bound is unknown (every non-null value may lie beyond it).
 */
public record ZoneMap(int rows, int nulls, Comparable<?> min, Comparable<?> max) {
  public boolean allNull() {
    return nulls == rows;
  }
}
