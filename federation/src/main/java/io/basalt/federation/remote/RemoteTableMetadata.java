package io.basalt.federation.remote;

import java.util.List;
import java.util.OptionalDouble;

/**
 * A remote table or view as its database's metadata describes it, with its catalog's row count
 * (an estimate the remote keeps for its own planner; empty when it has none).
 */
record RemoteTableMetadata(String name, boolean view, List<RemoteColumn> columns,
    OptionalDouble rows) {
  RemoteTableMetadata {
    columns = List.copyOf(columns);
  }
}
