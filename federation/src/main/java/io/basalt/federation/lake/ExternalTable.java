package io.basalt.federation.lake;

import io.basalt.planner.source.AbstractSourceTable;

/** An external table as Calcite sees it: planning starts from a scan of its source. */
final class ExternalTable extends AbstractSourceTable {
  ExternalTable(ExternalTableSource source) {
    super(source);
  }
}
