package io.basalt.tpch;

/** TPC-H SF 0.01 with four slices: every query runs as four parallel pipelines with exchanges. */
class TestTpchSf001FourSlices extends TpchSf001Suite {
  @Override
  int slices() {
    return 4;
  }
}
