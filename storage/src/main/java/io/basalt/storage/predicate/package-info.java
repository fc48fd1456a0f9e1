/** Scan predicates bound to a column's physical type, evaluated on zone maps and decoded blocks. */
package io.basalt.storage.predicate;
