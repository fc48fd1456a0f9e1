package io.basalt.storage.encoding;

/** How a block of 64-bit values is laid out; the writer picks the smallest per block. */
public enum LongEncoding {
  /** Eight bytes per value. */
  RAW,
  /** The block minimum, then each value's offset from it, bit-packed. */
  FRAME_OF_REFERENCE,
  /** The first value, then successive differences, frame-of-reference bit-packed. */
  DELTA,
  /** The sorted distinct values, then each value's bit-packed index into them. */
  DICTIONARY,
  /** Runs of equal values: the run values and the run lengths, each bit-packed. */
  RUN_LENGTH
}
