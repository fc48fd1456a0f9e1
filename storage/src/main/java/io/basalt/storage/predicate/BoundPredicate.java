package io.basalt.storage.predicate;

import io.basalt.storage.ColumnDefinition;
import io.basalt.storage.ColumnPredicate;
import io.basalt.storage.ColumnVector;
import io.basalt.storage.StorageException;
import io.basalt.storage.TableDefinition;
import io.basalt.storage.block.ColumnBlock;
import io.basalt.storage.block.PhysicalType;
import io.basalt.storage.zonemap.ZoneMap;

/**
 * A {@link ColumnPredicate} with its bounds converted to the column's physical representation.
 * {@link #mayMatch} is inclusive: it returns false only when no row of the block can pass, so a
 * block is skipped only on false; {@link #filter} is exact.
 */
public abstract class BoundPredicate {
  private final int column;
  private final boolean matchesNull;

  BoundPredicate(int column, boolean matchesNull) {
    this.column = column;
    this.matchesNull = matchesNull;
  }

  /** Binds a predicate to the table's column; 42804 when a bound cannot compare with it. */
  public static BoundPredicate bind(ColumnPredicate predicate, TableDefinition table) {
    int index = predicate.column();
    if (index < 0 || index >= table.columns().size()) {
      throw new IllegalArgumentException("Cannot filter column " + index + " of table \""
          + table.schema() + "." + table.name() + "\": no such column");
    }
    return bind(predicate, table.columns().get(index));
  }

  /**
   * Binds a predicate to {@code column}, the one its index names (e.g. a file's column); 42804
   * when a bound cannot compare with it.
   */
  public static BoundPredicate bind(ColumnPredicate predicate, ColumnDefinition column) {
    int index = predicate.column();
    try {
      return switch (PhysicalType.of(column.type())) {
        case LONG -> LongPredicate.bind(index, column.type(), predicate);
        case DOUBLE -> DoublePredicate.bind(index, predicate);
        case STRING -> StringPredicate.bind(index, column.type(), predicate);
        case BIG_DECIMAL -> DecimalPredicate.bind(index, predicate);
      };
    } catch (ClassCastException | NumberFormatException e) {
      throw new StorageException("42804", "Cannot filter column \"" + column.name()
          + "\" of type " + column.type().sqlName() + ": a bound has an incompatible type ("
          + e.getMessage() + ")", e);
    }
  }

  public int column() {
    return column;
  }

  boolean matchesNull() {
    return matchesNull;
  }

  public final boolean mayMatch(ZoneMap zone) {
    if (matchesNull && zone.nulls() > 0) {
      return true;
    }
    return !zone.allNull() && rangesMayMatch(zone);
  }

  abstract boolean rangesMayMatch(ZoneMap zone);

  /**
   * Whether every row of a block with this zone map passes, so that the scan need not evaluate
   * the predicate there (nor copy the block's other columns for the rows that pass). False when
   * unsure.
   */
  public boolean allMatch(ZoneMap zone) {
    return false;
  }

  /**
   * Keeps in {@code positions[0..count)} only the rows of the block that pass and returns how many
   * remain, in their original order.
   */
  public abstract int filter(ColumnBlock block, int[] positions, int count);

  /**
   * As {@link #filter(ColumnBlock, int[], int)}, over a decoded vector of the column's type (a
   * file reader's, whose strings and wide decimals are objects rather than a block's encodings).
   */
  public final int filter(ColumnVector vector, int[] positions, int count) {
    return switch (PhysicalType.of(vector.type())) {
      case LONG -> filter(new ColumnBlock(PhysicalType.LONG, vector.size(), vector.nullFlags(),
          vector.longValues(), null, null, null), positions, count);
      case DOUBLE -> filter(new ColumnBlock(PhysicalType.DOUBLE, vector.size(),
          vector.nullFlags(), null, vector.doubleValues(), null, null), positions, count);
      case STRING, BIG_DECIMAL -> filterObjects(vector.objectValues(), vector.nullFlags(),
          positions, count);
    };
  }

  /** Filters rows held as objects (Strings, BigDecimals); only those predicates take them. */
  int filterObjects(Object[] values, boolean[] nulls, int[] positions, int count) {
    throw new IllegalStateException(getClass().getSimpleName() + " does not filter objects");
  }

  /** Keeps the rows whose object passes {@code test}, NULLs as {@link #matchesNull} says. */
  final int filterObjects(Object[] values, boolean[] nulls, int[] positions, int count,
      java.util.function.Predicate<Object> test) {
    boolean nullsPass = matchesNull;
    int kept = 0;
    for (int i = 0; i < count; i++) {
      int row = positions[i];
      Object value = values[row];
      boolean pass = nulls != null && nulls[row] || value == null ? nullsPass : test.test(value);
      if (pass) {
        positions[kept++] = row;
      }
    }
    return kept;
  }
}
