package io.basalt.planner.exec.expr;

import io.basalt.planner.exec.Batch;
import io.basalt.planner.exec.Column;
import io.basalt.planner.exec.ColumnKind;
import io.basalt.planner.exec.QueryContext;
import java.util.List;
import org.apache.calcite.rex.RexUnknownAs;

/**
 * Filters that narrow a set of row positions: AND feeds each condition only the rows the
 * previous ones kept, column-against-constant comparisons and SEARCH test rows in place, and
 * anything else evaluates its boolean column on the candidate rows.
 */
final class Filters {
  private Filters() {}

  /** A filter over candidate positions. */
  abstract static class PositionFilter implements VectorFilter {
    /**
     * Writes the candidates {@code in[0..count)} (all rows when {@code in} is null) that pass
     * into {@code out}, ascending, and returns how many; {@code out} may be {@code in}.
     */
    abstract int select(Batch input, QueryContext context, int[] in, int count, int[] out);

    @Override
    public int filter(Batch input, QueryContext context, int[] positions) {
      return select(input, context, null, input.size(), positions);
    }
  }

  /** Any boolean expression, evaluated on the candidate rows only. */
  static final class Generic extends PositionFilter {
    private final VectorExpression condition;

    Generic(VectorExpression condition) {
      this.condition = condition;
    }

    @Override
    int select(Batch input, QueryContext context, int[] in, int count, int[] out) {
      Column bool = Columns.evaluateAt(condition, input, context, in, count);
      int kept = 0;
      for (int k = 0; k < count; k++) {
        if (bool.longs[k] != 0 && !bool.isNull(k)) {
          out[kept++] = in == null ? k : in[k];
        }
      }
      return kept;
    }
  }

  /** AND: each condition sees only the rows the previous ones kept. */
  static final class And extends PositionFilter {
    private final List<PositionFilter> parts;

    And(List<PositionFilter> parts) {
      this.parts = List.copyOf(parts);
    }

    @Override
    int select(Batch input, QueryContext context, int[] in, int count, int[] out) {
      int[] candidates = in;
      for (PositionFilter part : parts) {
        count = part.select(input, context, candidates, count, out);
        candidates = out;
        if (count == 0) {
          break;
        }
      }
      return count;
    }
  }

  /** OR: each condition sees only the rows no earlier one kept; the results are merged. */
  static final class Or extends PositionFilter {
    private final List<PositionFilter> parts;

    Or(List<PositionFilter> parts) {
      this.parts = List.copyOf(parts);
    }

    @Override
    int select(Batch input, QueryContext context, int[] in, int count, int[] out) {
      int size = input.size();
      boolean[] chosen = new boolean[size];
      int[] remaining = new int[count];
      for (int k = 0; k < count; k++) {
        remaining[k] = in == null ? k : in[k];
      }
      int remainingCount = count;
      int[] kept = new int[count];
      for (PositionFilter part : parts) {
        if (remainingCount == 0) {
          break;
        }
        int keptCount = part.select(input, context, remaining, remainingCount, kept);
        for (int k = 0; k < keptCount; k++) {
          chosen[kept[k]] = true;
        }
        int next = 0;
        for (int k = 0; k < remainingCount; k++) {
          if (!chosen[remaining[k]]) {
            remaining[next++] = remaining[k];
          }
        }
        remainingCount = next;
      }
      int result = 0;
      for (int k = 0; k < count; k++) {
        int row = in == null ? k : in[k];
        if (chosen[row]) {
          out[result++] = row;
        }
      }
      return result;
    }
  }

  /** SEARCH on a column or expression, testing candidate rows in place. */
  static final class SearchFilter extends PositionFilter {
    private final Search search;

    SearchFilter(Search search) {
      this.search = search;
    }

    @Override
    int select(Batch input, QueryContext context, int[] in, int count, int[] out) {
      boolean direct = search.operand() instanceof Leaves.InputRef;
      Column column = direct ? search.operand().evaluate(input, context)
          : Columns.evaluateAt(search.operand(), input, context, in, count);
      boolean nullPasses = search.nullAs() == RexUnknownAs.TRUE;
      int kept = 0;
      for (int k = 0; k < count; k++) {
        int row = in == null ? k : in[k];
        int at = direct ? row : k;
        if (column.isNull(at) ? nullPasses : search.contains(column, at)) {
          out[kept++] = row;
        }
      }
      return kept;
    }
  }

  /** An input column compared with a constant, tested in place with a per-batch loop. */
  static final class ColumnConstant extends PositionFilter {
    private final int field;
    private final Comparison.Op op;
    private final VectorExpression constant;

    private ColumnConstant(int field, Comparison.Op op, VectorExpression constant) {
      this.field = field;
      this.op = op;
      this.constant = constant;
    }

    /** The fast filter for {@code comparison}, or null when it is not column-vs-constant. */
    static ColumnConstant of(Comparison comparison) {
      if (comparison.left() instanceof Leaves.InputRef ref
          && comparison.right() instanceof Leaves.Constant) {
        return new ColumnConstant(ref.index(), comparison.op(), comparison.right());
      }
      if (comparison.right() instanceof Leaves.InputRef ref
          && comparison.left() instanceof Leaves.Constant) {
        return new ColumnConstant(ref.index(), comparison.op().flip(), comparison.left());
      }
      return null;
    }

    @Override
    int select(Batch input, QueryContext context, int[] in, int count, int[] out) {
      Column column = input.column(field);
      Column value = constant.evaluate(input, context);
      if (count == 0 || value.isNull(0)) {
        return 0;
      }
      boolean[] nulls = column.nulls;
      int kept = 0;
      if (column.kind == ColumnKind.LONG && value.kind == ColumnKind.LONG
          || column.kind == ColumnKind.DECIMAL && value.kind == ColumnKind.DECIMAL
          && column.longs != null && value.longs != null && column.scale == value.scale) {
        long[] values = column.longs;
        long c = value.longs[0];
        for (int k = 0; k < count; k++) {
          int row = in == null ? k : in[k];
          long x = values[row];
          boolean pass = switch (op) {
            case EQ -> x == c;
            case NE -> x != c;
            case LT -> x < c;
            case LE -> x <= c;
            case GT -> x > c;
            case GE -> x >= c;
          };
          if (pass && (nulls == null || !nulls[row])) {
            out[kept++] = row;
          }
        }
        return kept;
      }
      for (int k = 0; k < count; k++) {
        int row = in == null ? k : in[k];
        if ((nulls == null || !nulls[row]) && op.test(Comparison.compare(column, row, value, 0))) {
          out[kept++] = row;
        }
      }
      return kept;
    }
  }
}
