/** Row orders for sort keys: compound (lexicographic) and interleaved (z-order). */
package io.basalt.storage.sortkey;
