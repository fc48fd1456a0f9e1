package io.basalt.planner.rel;

/** A physical scan of a native table, which statistics are looked up through. */
public interface NativeScanWrapper {
  NativeTableScan logical();
}
