package io.basalt.planner.ddl;

import io.basalt.planner.prepare.BasaltPrepare;
import java.util.List;
import java.util.Map;
import org.apache.calcite.avatica.AvaticaParameter;
import java.util.function.Consumer;
import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.jdbc.CalcitePrepare;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.linq4j.QueryProvider;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.validate.SqlValidator;
import io.basalt.planner.sql.SqlSettings;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Runs a query inside a statement (the source of INSERT, CREATE TABLE AS, UPDATE and DELETE) and
 * hands over its rows in Calcite's internal representation, which is also the store's.
 */
final class QueryRunner {
  private final BasaltPrepare prepare;
  private final CalcitePrepare.Context context;

  QueryRunner(BasaltPrepare prepare, CalcitePrepare.Context context) {
    this.prepare = prepare;
    this.context = context;
  }

  /** A planned query: its row type, and a way to run it. */
  final class Planned {
    private final CalcitePrepare.CalciteSignature<Object> signature;

    private Planned(CalcitePrepare.CalciteSignature<Object> signature) {
      this.signature = signature;
    }

    RelDataType rowType() {
      return signature.rowType;
    }

    List<AvaticaParameter> parameters() {
      return signature.parameters;
    }

    /** Runs the query; the outer statement's data context supplies cancel flag and parameters. */
    long forEachRow(DataContext outer, Consumer<Object[]> sink) {
      return forEachRow(outer, Map.of(), sink);
    }

    /** Runs the query with extra named objects in its data context (an execution profile). */
    long forEachRow(DataContext outer, Map<String, Object> extra, Consumer<Object[]> sink) {
      Map<String, Object> internal = new java.util.HashMap<>(signature.internalParameters);
      internal.putAll(extra);
      DataContext dataContext = new NestedDataContext(outer, internal);
      boolean scalar = signature.columns.size() == 1
          && signature.cursorFactory.style != Meta.Style.ARRAY;
      long rows = 0;
      try (Enumerator<Object> enumerator = signature.enumerable(dataContext).enumerator()) {
        while (enumerator.moveNext()) {
          Object current = enumerator.current();
          sink.accept(scalar ? new Object[] {current} : (Object[]) current);
          rows++;
        }
      }
      return rows;
    }
  }

  Planned plan(String sql) {
    return new Planned(prepare.prepareSql(context, CalcitePrepare.Query.of(sql), Object[].class,
        -1));
  }

  /**
   * The outer statement's data context plus the inner plan's own stashed objects, which generated
   * code looks up by name.
   */
  private record NestedDataContext(DataContext outer, Map<String, Object> internal)
      implements DataContext {
    @Override
    public @Nullable SchemaPlus getRootSchema() {
      return outer.getRootSchema();
    }

    @Override
    public JavaTypeFactory getTypeFactory() {
      return outer.getTypeFactory();
    }

    @Override
    public QueryProvider getQueryProvider() {
      return outer.getQueryProvider();
    }

    @Override
    public @Nullable Object get(String name) {
      Object value = internal.get(name);
      return value != null ? value : outer.get(name);
    }
  }

  /** A query checked for a view: its row type and its text with every name qualified. */
  record Validated(RelDataType rowType, String sql) {}

  Validated validate(SqlNode query) {
    SqlValidator validator = validator();
    SqlNode validated = validator.validate(query);
    return new Validated(validator.getValidatedNodeType(validated), Sql.unparse(validated));
  }

  /** The type a column declaration names. */
  RelDataType deriveType(SqlDataTypeSpec spec) {
    return spec.deriveType(validator());
  }

  private SqlValidator validator() {
    CalciteCatalogReader catalogReader = new CalciteCatalogReader(context.getRootSchema(),
        context.getDefaultSchemaPath(), context.getTypeFactory(), context.config());
    return SqlSettings.newValidator(catalogReader, context.getTypeFactory(), c -> c);
  }
}
