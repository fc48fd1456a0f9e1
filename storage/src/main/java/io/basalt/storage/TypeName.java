package io.basalt.storage;

/** The SQL types a Basalt native table column can have (SPEC section 2). */
public enum TypeName {
  SMALLINT, INTEGER, BIGINT, DECIMAL, REAL, DOUBLE, BOOLEAN, CHAR, VARCHAR, DATE, TIMESTAMP, TIMESTAMPTZ
}
