package io.basalt.storage.encoding;

/** How a block of strings is laid out; the writer picks the smaller per block. */
public enum StringEncoding {
  /** Each value's UTF-8 length, then all the UTF-8 bytes. */
  PLAIN,
  /** The sorted distinct values (plain), then each value's index, long-encoded. */
  DICTIONARY
}
