package io.basalt.federation.remote;

import java.util.List;

/** A remote table or view as its database's metadata describes it. */
record RemoteTableMetadata(String name, boolean view, List<RemoteColumn> columns) {
  RemoteTableMetadata {
    columns = List.copyOf(columns);
  }
}
