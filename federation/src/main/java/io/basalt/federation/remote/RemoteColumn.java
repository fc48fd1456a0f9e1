package io.basalt.federation.remote;

import io.basalt.storage.ColumnDefinition;
import io.basalt.storage.ColumnType;

/**
 * A remote table's column: its Basalt definition, the remote type's name, how its values are
 * read, and whether a predicate on it may be sent to the remote database. An unsupported column
 * is listed as VARCHAR and fails any scan that reads it.
 */
record RemoteColumn(String name, ColumnType type, boolean nullable, String remoteType,
    Reading reading, boolean pushable) {

  /** How a value is taken from the result set. */
  enum Reading { INTEGER, DECIMAL, REAL, DOUBLE, BOOLEAN, STRING, BYTES, DATE, TIMESTAMP,
    TIMESTAMPTZ, UNSUPPORTED }

  boolean supported() {
    return reading != Reading.UNSUPPORTED;
  }

  ColumnDefinition definition() {
    return new ColumnDefinition(name, type, nullable, null);
  }
}
