package io.basalt.tpch;

import static java.util.Objects.requireNonNull;

/** The outcome of loading one TPC-H table: how many rows and how long it took. */
record TableLoad(String table, long rows, long millis) {
  TableLoad {
    requireNonNull(table, "table is null");
  }
}
