package io.basalt.storage;

/** The kind of a table's sort key: none, COMPOUND (lexicographic) or INTERLEAVED (z-order). */
public enum SortKeyKind { NONE, COMPOUND, INTERLEAVED }
