/** Value encodings of column blocks: frame-of-reference, delta, dictionary, run-length, plain. */
package io.basalt.storage.encoding;
