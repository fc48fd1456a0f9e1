package io.basalt.tpch;

/** TPC-H SF 0.01 with one slice: every query runs as one pipeline. */
class TestTpchSf001OneSlice extends TpchSf001Suite {
  @Override
  int slices() {
    return 1;
  }
}
