package io.basalt.planner.source;

/**
 * A Calcite table backed by a {@link TableSource}: planning starts from a {@code SourceTableScan}
 * of it. Every table kind (native, external, Iceberg, federated) implements this.
 */
public interface SourceTable {
  TableSource source();
}
