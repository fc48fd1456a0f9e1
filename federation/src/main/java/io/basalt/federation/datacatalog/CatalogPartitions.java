package io.basalt.federation.datacatalog;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/** The order of partitions and how messages name them. */
final class CatalogPartitions {
  private static final Pattern NUMBER = Pattern.compile("-?\\d{1,30}(\\.\\d{1,30})?");

  /**
   * Partition values in key order, each key's values numbers first (by value, so {@code 9} comes
   * before {@code 10}), then the other strings by code point. Keeping the two groups apart makes
   * the order total, which mixing numeric and string comparison would not be.
   */
  static final Comparator<List<String>> VALUES_ORDER = CatalogPartitions::compareValues;

  /** Partitions by {@link #VALUES_ORDER}. */
  static final Comparator<CatalogPartition> ORDER =
      Comparator.comparing(CatalogPartition::values, VALUES_ORDER);

  private CatalogPartitions() {}

  /**
   * The partition as messages name it, e.g. {@code (year=2025, month=1)}; just the values when
   * their number does not match the keys.
   */
  static String describe(List<CatalogColumn> keys, List<String> values) {
    StringBuilder result = new StringBuilder("(");
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        result.append(", ");
      }
      if (keys.size() == values.size()) {
        result.append(keys.get(i).name()).append('=');
      }
      result.append(values.get(i));
    }
    return result.append(')').toString();
  }

  private static int compareValues(List<String> left, List<String> right) {
    int common = Math.min(left.size(), right.size());
    for (int i = 0; i < common; i++) {
      int result = compareValue(left.get(i), right.get(i));
      if (result != 0) {
        return result;
      }
    }
    return Integer.compare(left.size(), right.size());
  }

  private static int compareValue(String left, String right) {
    boolean leftNumber = NUMBER.matcher(left).matches();
    boolean rightNumber = NUMBER.matcher(right).matches();
    if (leftNumber && rightNumber) {
      int result = new BigDecimal(left).compareTo(new BigDecimal(right));
      // Equal numbers written differently (1 and 01) are distinct partitions, as in Hive.
      return result != 0 ? result : left.compareTo(right);
    }
    if (leftNumber != rightNumber) {
      return leftNumber ? -1 : 1;
    }
    return left.compareTo(right);
  }
}
