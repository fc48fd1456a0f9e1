package io.basalt.planner.exec.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.planner.catalog.BasaltTypeSystem;
import io.basalt.planner.exec.Batch;
import io.basalt.planner.exec.Column;
import io.basalt.planner.exec.ColumnKind;
import io.basalt.planner.exec.ColumnKinds;
import io.basalt.planner.exec.MemoryTracker;
import io.basalt.planner.exec.QueryContext;
import io.basalt.storage.StorageException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.calcite.DataContexts;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Rows of test data in Calcite's internal representation, the same rows as engine batches (with
 * DECIMALs as unscaled longs and as BigDecimals), and checks of compiled expressions against
 * Calcite's own evaluation of each row.
 */
final class ExpressionFixture {
  final JavaTypeFactoryImpl typeFactory = new JavaTypeFactoryImpl(BasaltTypeSystem.INSTANCE);
  final RexBuilder rexBuilder = new RexBuilder(typeFactory);
  final RelDataType rowType;
  final List<Object[]> rows;
  final Map<String, Object> parameters;

  ExpressionFixture(RelDataType rowType, List<Object[]> rows, Map<String, Object> parameters) {
    this.rowType = rowType;
    this.rows = rows;
    this.parameters = parameters;
  }

  RelDataType type(SqlTypeName name) {
    return typeFactory.createTypeWithNullability(typeFactory.createSqlType(name), true);
  }

  RelDataType type(SqlTypeName name, int precision) {
    return typeFactory.createTypeWithNullability(typeFactory.createSqlType(name, precision),
        true);
  }

  RelDataType type(SqlTypeName name, int precision, int scale) {
    return typeFactory.createTypeWithNullability(
        typeFactory.createSqlType(name, precision, scale), true);
  }

  RexNode field(String name) {
    RelDataTypeField field = rowType.getField(name, true, false);
    return rexBuilder.makeInputRef(field.getType(), field.getIndex());
  }

  QueryContext context() {
    return new QueryContext(1, null, new MemoryTracker(1 << 30), new AtomicBoolean(),
        DataContexts.of(parameters));
  }

  /** The rows as a batch; DECIMAL columns wide (BigDecimals) when {@code wide}. */
  Batch batch(boolean wide) {
    List<RelDataTypeField> fields = rowType.getFieldList();
    Column[] columns = new Column[fields.size()];
    int size = rows.size();
    for (int f = 0; f < fields.size(); f++) {
      RelDataType type = fields.get(f).getType();
      ColumnKind kind = ColumnKinds.of(type);
      boolean[] nulls = new boolean[size];
      long[] longs = new long[size];
      double[] doubles = new double[size];
      Object[] objects = new Object[size];
      for (int r = 0; r < size; r++) {
        Object value = rows.get(r)[f];
        nulls[r] = value == null;
        if (value == null) {
          continue;
        }
        switch (kind) {
          case LONG -> longs[r] = value instanceof Boolean b ? (b ? 1 : 0)
              : ((Number) value).longValue();
          case DOUBLE -> doubles[r] = ((Number) value).doubleValue();
          case STRING -> objects[r] = value;
          case DECIMAL -> {
            BigDecimal decimal = ((BigDecimal) value).setScale(type.getScale());
            objects[r] = decimal;
            longs[r] = decimal.unscaledValue().longValueExact();
          }
        }
      }
      columns[f] = switch (kind) {
        case LONG -> Column.ofLongs(size, longs, nulls);
        case DOUBLE -> Column.ofDoubles(size, doubles, nulls);
        case STRING -> Column.ofStrings(size, objects, nulls);
        case DECIMAL -> wide ? Column.ofBigDecimals(size, type.getScale(), objects, nulls)
            : Column.ofDecimals(size, type.getScale(), longs, nulls);
      };
    }
    return new Batch(size, columns);
  }

  /** Calcite's value of {@code node} per row; a row whose evaluation fails holds the error. */
  List<Object> expected(RexNode node) {
    List<Object> values = new ArrayList<>();
    for (Object[] row : rows) {
      try {
        values.add(Oracle.evaluate(rexBuilder, node, rowType, row, parameters));
      } catch (RuntimeException e) {
        values.add(e);
      }
    }
    return values;
  }

  /** Checks the compiled expression against Calcite on both batch forms. */
  void check(RexNode node) {
    VectorExpression compiled = ExpressionCompiler.compile(node, rowType);
    assertThat(compiled).as("compiled %s", node).isNotNull();
    List<Object> expected = expected(node);
    boolean fails = expected.stream().anyMatch(v -> v instanceof RuntimeException);
    for (boolean wide : new boolean[] {false, true}) {
      Batch batch = batch(wide);
      if (fails) {
        assertThatThrownBy(() -> compiled.evaluate(batch, context()))
            .as("%s should fail like %s", node, expected).isInstanceOf(StorageException.class);
        continue;
      }
      Column column = compiled.evaluate(batch, context());
      assertThat(column.size).isEqualTo(rows.size());
      assertThat(column.kind).isEqualTo(ColumnKinds.of(node.getType()));
      for (int r = 0; r < rows.size(); r++) {
        Object want = expected.get(r);
        String what = node + " row " + r + " (wide " + wide + ")";
        if (want == null) {
          assertThat(column.isNull(r)).as(what + " is null").isTrue();
          continue;
        }
        assertThat(column.isNull(r)).as(what + " is not null, want " + want).isFalse();
        switch (column.kind) {
          case LONG -> assertThat(column.longs[r]).as(what).isEqualTo(
              want instanceof Boolean b ? (b ? 1L : 0L) : ((Number) want).longValue());
          case DOUBLE -> assertThat(Double.valueOf(column.doubles[r])).as(what)
              .isEqualTo(Double.valueOf(((Number) want).doubleValue()));
          case STRING -> assertThat(column.objects[r]).as(what).isEqualTo(want);
          case DECIMAL -> {
            assertThat(column.decimal(r).scale()).as(what).isEqualTo(column.scale);
            assertThat(column.decimal(r)).as(what).isEqualByComparingTo((BigDecimal) want);
          }
        }
      }
    }
  }

  /** Checks the compiled filter selects exactly the rows where Calcite says TRUE. */
  void checkFilter(RexNode condition) {
    VectorFilter filter = ExpressionCompiler.compileFilter(condition, rowType);
    assertThat(filter).as("compiled %s", condition).isNotNull();
    List<Object> expected = expected(condition);
    List<Integer> want = new ArrayList<>();
    for (int r = 0; r < rows.size(); r++) {
      assertThat(expected.get(r) instanceof RuntimeException).as("oracle fails for %s: %s",
          condition, expected.get(r)).isFalse();
      if (Boolean.TRUE.equals(expected.get(r))) {
        want.add(r);
      }
    }
    for (boolean wide : new boolean[] {false, true}) {
      int[] positions = new int[rows.size()];
      int count = filter.filter(batch(wide), context(), positions);
      List<Integer> got = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        got.add(positions[i]);
      }
      assertThat(got).as("%s (wide %s)", condition, wide).isEqualTo(want);
    }
  }
}
