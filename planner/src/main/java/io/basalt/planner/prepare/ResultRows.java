package io.basalt.planner.prepare;

import io.basalt.storage.ColumnDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.calcite.DataContext;
import org.apache.calcite.avatica.ColumnMetaData;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.MetaImpl;
import org.apache.calcite.jdbc.CalcitePrepare;
import org.apache.calcite.jdbc.CalcitePrepare.CalciteSignature;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.runtime.Bindable;

/**
 * A signature whose result set is rows a statement produced itself (CRAWL's report, EXPLAIN
 * ANALYZE's plan) rather than a planned query. Integers, longs, doubles and booleans keep their
 * JDBC types; every other value is sent as text.
 */
final class ResultRows {
  private ResultRows() {}

  static <T> CalciteSignature<T> signature(String sql, CalcitePrepare.Context context,
      List<ColumnDefinition> columns, Function<DataContext, List<Object[]>> rows) {
    List<ColumnMetaData> metadata = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      ColumnDefinition column = columns.get(i);
      metadata.add(MetaImpl.columnMetaData(column.name(), i, javaClass(column),
          column.nullable()));
    }
    Bindable<T> bindable = dataContext -> new AbstractEnumerable<>() {
      @Override
      @SuppressWarnings("unchecked")
      public Enumerator<T> enumerator() {
        List<Object[]> converted = new ArrayList<>();
        for (Object[] row : rows.apply(dataContext)) {
          Object[] out = new Object[row.length];
          for (int c = 0; c < row.length; c++) {
            out[c] = value(columns.get(c), row[c]);
          }
          converted.add(out);
        }
        return (Enumerator<T>) Linq4j.enumerator(converted);
      }
    };
    return new CalciteSignature<>(sql, List.of(), Map.of(), null, metadata,
        Meta.CursorFactory.ARRAY, context.getRootSchema(), List.of(), -1, bindable,
        Meta.StatementType.SELECT);
  }

  private static Class<?> javaClass(ColumnDefinition column) {
    return switch (column.type().name()) {
      case SMALLINT, INTEGER -> Integer.class;
      case BIGINT -> Long.class;
      case REAL, DOUBLE -> Double.class;
      case BOOLEAN -> Boolean.class;
      default -> String.class;
    };
  }

  private static Object value(ColumnDefinition column, Object value) {
    if (value == null) {
      return null;
    }
    return switch (column.type().name()) {
      case SMALLINT, INTEGER -> ((Number) value).intValue();
      case BIGINT -> ((Number) value).longValue();
      case REAL, DOUBLE -> ((Number) value).doubleValue();
      case BOOLEAN -> value;
      default -> value.toString();
    };
  }
}
