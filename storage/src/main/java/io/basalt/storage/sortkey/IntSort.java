package io.basalt.storage.sortkey;

import java.util.Arrays;

/** A stable merge sort of row numbers under an {@link IntComparator}. */
final class IntSort {
  private static final int INSERTION_LIMIT = 24;

  private IntSort() {}

  static void sort(int[] rows, int count, IntComparator comparator) {
    sort(rows, 0, count, comparator);
  }

  /** Sorts {@code rows[from..to)}. */
  static void sort(int[] rows, int from, int to, IntComparator comparator) {
    if (to - from < 2 || isSorted(rows, from, to, comparator)) {
      return;
    }
    int[] part = Arrays.copyOfRange(rows, from, to);
    mergeSort(part.clone(), part, 0, part.length, comparator);
    System.arraycopy(part, 0, rows, from, part.length);
  }

  private static boolean isSorted(int[] rows, int from, int to, IntComparator comparator) {
    for (int i = from + 1; i < to; i++) {
      if (comparator.compare(rows[i - 1], rows[i]) > 0) {
        return false;
      }
    }
    return true;
  }

  /** Sorts {@code source[from..to)} into {@code target[from..to)}; both start equal. */
  private static void mergeSort(int[] source, int[] target, int from, int to,
      IntComparator comparator) {
    int length = to - from;
    if (length <= INSERTION_LIMIT) {
      for (int i = from + 1; i < to; i++) {
        int value = target[i];
        int j = i - 1;
        while (j >= from && comparator.compare(target[j], value) > 0) {
          target[j + 1] = target[j];
          j--;
        }
        target[j + 1] = value;
      }
      return;
    }
    int middle = (from + to) >>> 1;
    mergeSort(target, source, from, middle, comparator);
    mergeSort(target, source, middle, to, comparator);
    if (comparator.compare(source[middle - 1], source[middle]) <= 0) {
      System.arraycopy(source, from, target, from, length);
      return;
    }
    int left = from;
    int right = middle;
    for (int i = from; i < to; i++) {
      if (right >= to || left < middle && comparator.compare(source[left], source[right]) <= 0) {
        target[i] = source[left++];
      } else {
        target[i] = source[right++];
      }
    }
  }
}
