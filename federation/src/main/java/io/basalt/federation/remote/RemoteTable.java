package io.basalt.federation.remote;

import io.basalt.planner.source.AbstractSourceTable;
import org.apache.calcite.schema.Schema;

/** The Calcite table of a remote table or view; its rows come through {@link RemoteTableSource}. */
final class RemoteTable extends AbstractSourceTable {
  private final boolean view;

  RemoteTable(RemoteTableSource source, boolean view) {
    super(source);
    this.view = view;
  }

  @Override
  public Schema.TableType getJdbcTableType() {
    return view ? Schema.TableType.VIEW : Schema.TableType.TABLE;
  }
}
