package io.basalt.storage.sortkey;

/** Compares two row numbers without boxing them. */
@FunctionalInterface
interface IntComparator {
  int compare(int a, int b);
}
