package io.basalt.planner.rel;

/** A physical scan of a table source, which statistics are looked up through. */
public interface SourceScanWrapper {
  SourceTableScan logical();
}
