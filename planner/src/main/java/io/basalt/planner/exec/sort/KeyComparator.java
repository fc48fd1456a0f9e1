package io.basalt.planner.exec.sort;

import io.basalt.planner.exec.Column;
import io.basalt.planner.exec.ColumnKind;

/**
 * Compares one sort key between a row of a left column and a row of a right column (often the
 * same column), working on the primitive arrays; built once per pair of columns so the kind
 * switch happens per batch, not per row.
 */
abstract class KeyComparator {
  private final boolean[] leftNulls;
  private final boolean[] rightNulls;
  private final int nullOrder;
  private final boolean descending;

  KeyComparator(Column left, Column right, SortKey key) {
    this.leftNulls = left.nulls;
    this.rightNulls = right.nulls;
    this.nullOrder = key.nullsFirst() ? -1 : 1;
    this.descending = key.descending();
  }

  /** The comparator of {@code key} between the two columns. */
  static KeyComparator of(Column left, Column right, SortKey key) {
    return switch (left.kind) {
      case LONG -> new LongKey(left, right, key);
      case DOUBLE -> new DoubleKey(left, right, key);
      case STRING -> new StringKey(left, right, key);
      case DECIMAL -> left.longs != null && right.longs != null && left.scale == right.scale
          ? new LongKey(left, right, key)
          : new BigDecimalKey(left, right, key);
    };
  }

  /** Negative, zero or positive as the left row sorts before, with or after the right row. */
  final int compare(int left, int right) {
    boolean leftNull = leftNulls != null && leftNulls[left];
    boolean rightNull = rightNulls != null && rightNulls[right];
    if (leftNull || rightNull) {
      return leftNull == rightNull ? 0 : leftNull ? nullOrder : -nullOrder;
    }
    int c = compareValues(left, right);
    return descending ? -c : c;
  }

  /** Compares two non-null values in ascending order. */
  abstract int compareValues(int left, int right);

  /** LONG keys, and DECIMAL keys held as unscaled longs at the same scale on both sides. */
  private static final class LongKey extends KeyComparator {
    private final long[] left;
    private final long[] right;

    LongKey(Column left, Column right, SortKey key) {
      super(left, right, key);
      this.left = left.longs;
      this.right = right.longs;
    }

    @Override
    int compareValues(int l, int r) {
      return Long.compare(left[l], right[r]);
    }
  }

  /** DOUBLE keys, ordered by Double.compare as Calcite's Utilities.compare does. */
  private static final class DoubleKey extends KeyComparator {
    private final double[] left;
    private final double[] right;

    DoubleKey(Column left, Column right, SortKey key) {
      super(left, right, key);
      this.left = left.doubles;
      this.right = right.doubles;
    }

    @Override
    int compareValues(int l, int r) {
      return Double.compare(left[l], right[r]);
    }
  }

  /** STRING keys, ordered by String.compareTo (Calcite's default collation has no collator). */
  private static final class StringKey extends KeyComparator {
    private final Object[] left;
    private final Object[] right;

    StringKey(Column left, Column right, SortKey key) {
      super(left, right, key);
      this.left = left.objects;
      this.right = right.objects;
    }

    @Override
    int compareValues(int l, int r) {
      return ((String) left[l]).compareTo((String) right[r]);
    }
  }

  /** DECIMAL keys where either side holds BigDecimals (or the scales differ). */
  private static final class BigDecimalKey extends KeyComparator {
    private final Column left;
    private final Column right;

    BigDecimalKey(Column left, Column right, SortKey key) {
      super(left, right, key);
      if (left.kind != ColumnKind.DECIMAL || right.kind != ColumnKind.DECIMAL) {
        throw new IllegalArgumentException("DECIMAL key over " + left.kind + " and "
            + right.kind);
      }
      this.left = left;
      this.right = right;
    }

    @Override
    int compareValues(int l, int r) {
      return left.decimal(l).compareTo(right.decimal(r));
    }
  }
}
