package io.basalt.federation.remote;

import io.basalt.storage.StorageException;
import java.util.Map;
import java.util.Set;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.apache.calcite.schema.lookup.CompatibilityLookup;
import org.apache.calcite.schema.lookup.Lookup;
import org.apache.calcite.schema.lookup.Named;

/**
 * A federated schema as a Calcite schema: the remote schema's tables and views. Looking a table
 * up reads the remote metadata (cached), so a source that is down fails the query that names
 * it with its own error; listing the tables (information_schema, DatabaseMetaData) shows none
 * of a source that is down rather than failing every catalog query.
 */
final class RemoteSchema extends AbstractSchema {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(
      RemoteSchema.class);

  private final RemoteSource source;

  RemoteSchema(RemoteSource source) {
    this.source = source;
  }

  @Override
  public Lookup<Table> tables() {
    return new Tables();
  }

  private Table table(String name) {
    RemoteTableMetadata table = source.tables().get(name);
    return table == null ? null
        : new RemoteTable(new RemoteTableSource(source, table), table.view());
  }

  private Set<String> names() {
    try {
      return source.tables().keySet();
    } catch (StorageException e) {
      LOG.warn("Listing the tables of remote schema '{}' failed: {}", source.name(),
          e.getMessage());
      return Set.of();
    }
  }

  /** Looks names up in the remote metadata, so a lookup reports a source that is down. */
  private final class Tables extends CompatibilityLookup<Table> {
    Tables() {
      super(RemoteSchema.this::table, RemoteSchema.this::names);
    }

    @Override
    public Named<Table> getIgnoreCase(String name) {
      Map<String, RemoteTableMetadata> tables = source.tables();
      if (tables.containsKey(name)) {
        return new Named<>(name, table(name));
      }
      for (String candidate : tables.keySet()) {
        if (candidate.equalsIgnoreCase(name)) {
          return new Named<>(candidate, table(candidate));
        }
      }
      return null;
    }
  }
}
