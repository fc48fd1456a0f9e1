package io.basalt.planner.catalog;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableMultimap;
import com.google.common.collect.Multimap;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import org.apache.calcite.schema.Function;
import org.apache.calcite.schema.impl.ScalarFunctionImpl;
import java.util.TreeSet;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.util.BuiltInMethod;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.apache.calcite.schema.lookup.CompatibilityLookup;
import org.apache.calcite.schema.lookup.Lookup;

/**
 * The database as Calcite sees it: one sub-schema per catalog schema, read from the store on
 * every lookup so that DDL from any session is visible at once, plus the system tables, which
 * resolve unqualified (as Redshift's pg_catalog tables do) and under {@code pg_catalog}.
 */
public final class BasaltRootSchema extends AbstractSchema {
  /** Internal schema holding system data (load errors); never listed. */
  public static final String INTERNAL_SCHEMA = "pg_internal";
  static final String PG_CATALOG = "pg_catalog";

  private final CatalogServices services;
  private final SystemTables systemTables;

  public BasaltRootSchema(CatalogServices services) {
    this.services = requireNonNull(services, "services is null");
    this.systemTables = new SystemTables(services);
  }

  public CatalogServices services() {
    return services;
  }

  @Override
  public Lookup<Table> tables() {
    return systemTables.lookup();
  }

  /**
   * Redshift's own functions, under lower- and upper-case names: unquoted names are folded to
   * lower case, but the parser spells some built-in forms (DATEADD) in upper case.
   */
  @Override
  protected Multimap<String, Function> getFunctionMultimap() {
    ImmutableMultimap.Builder<String, Function> functions = ImmutableMultimap.builder();
    Map<String, String> methods = Map.of("len", "len", "getdate", "getdate", "dateadd",
        "dateadd", "datediff", "datediff", "date_trunc", "dateTrunc", "regexp_substr",
        "regexpSubstr");
    for (Map.Entry<String, String> entry : methods.entrySet()) {
      String name = entry.getKey();
      Function function = ScalarFunctionImpl.create(RedshiftFunctions.class, entry.getValue());
      functions.put(name, function);
      functions.put(name.toUpperCase(Locale.ROOT), function);
    }
    return functions.build();
  }

  /** The root has no parent: generated code reaches it through the data context. */
  @Override
  public Expression getExpression(@Nullable SchemaPlus parentSchema, String name) {
    return Expressions.call(DataContext.ROOT, BuiltInMethod.DATA_CONTEXT_GET_ROOT_SCHEMA.method);
  }

  @Override
  public Lookup<? extends Schema> subSchemas() {
    return new CompatibilityLookup<Schema>(this::subSchema, this::subSchemaNames);
  }

  private Schema subSchema(String name) {
    if (name.equals(PG_CATALOG)) {
      return new SystemSchema(systemTables);
    }
    if (name.equals(InformationSchema.NAME)) {
      return new InformationSchema(this);
    }
    if (name.equals(INTERNAL_SCHEMA)) {
      return null;
    }
    if (!services.storage().schemaExists(name)) {
      return VersionPins.wrap(services.external().schema(name));
    }
    return new NativeSchema(services, name);
  }

  private Set<String> subSchemaNames() {
    Set<String> names = new TreeSet<>(services.storage().schemaNames());
    names.remove(INTERNAL_SCHEMA);
    names.removeIf(TempSchemas::isTempSchema);
    names.addAll(services.external().schemaNames());
    names.add(PG_CATALOG);
    names.add(InformationSchema.NAME);
    return names;
  }

  /** The pg_catalog schema: the system tables under their qualified names. */
  private static final class SystemSchema extends AbstractSchema {
    private final SystemTables tables;

    SystemSchema(SystemTables tables) {
      this.tables = tables;
    }

    @Override
    public Lookup<Table> tables() {
      return tables.lookup();
    }
  }
}
