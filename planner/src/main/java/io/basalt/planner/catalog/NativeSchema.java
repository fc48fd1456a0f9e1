package io.basalt.planner.catalog;

import io.basalt.storage.TableDefinition;
import io.basalt.storage.ViewDefinition;
import java.util.Set;
import java.util.TreeSet;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.apache.calcite.schema.lookup.CompatibilityLookup;
import org.apache.calcite.schema.lookup.Lookup;

/** One catalog schema: its native tables and views, looked up in the store on every call. */
final class NativeSchema extends AbstractSchema {
  private final CatalogServices services;
  private final String name;

  NativeSchema(CatalogServices services, String name) {
    this.services = services;
    this.name = name;
  }

  @Override
  public Lookup<Table> tables() {
    return new CompatibilityLookup<>(this::table, this::tableNames);
  }

  private Table table(String tableName) {
    TableDefinition table = services.storage().table(name, tableName).orElse(null);
    if (table != null) {
      return new NativeTable(services, table);
    }
    ViewDefinition view = services.storage().view(name, tableName).orElse(null);
    return view == null ? null : new NativeView(services, view);
  }

  private Set<String> tableNames() {
    Set<String> names = new TreeSet<>();
    services.storage().tables(name).forEach(t -> names.add(t.name()));
    services.storage().views(name).forEach(v -> names.add(v.name()));
    return names;
  }
}
