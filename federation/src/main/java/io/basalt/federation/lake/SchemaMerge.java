package io.basalt.federation.lake;

import io.basalt.storage.ColumnDefinition;
import io.basalt.storage.ColumnType;
import io.basalt.storage.StorageException;
import io.basalt.storage.TypeName;
import io.basalt.storage.objectstore.ObjectUri;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The union of the columns several files of one table hold, each with the narrowest type that
 * holds every file's: integers widen to the larger integer, to DECIMAL and to DOUBLE; DECIMALs to
 * one with room for both; DATE to TIMESTAMP to TIMESTAMPTZ; strings to the longer length. (Parquet
 * DECIMALs do not widen to DOUBLE, which cannot read them.)
 *
 * <p>Delimited text matches columns by position (the first file with a position names it) and
 * any other disagreement widens to VARCHAR, as every text field can be read as one.
 * Parquet and JSON match columns by name, ignoring case, in order of first appearance; a Parquet
 * column whose types have no common readable type (a number in one file, a string in another)
 * makes the files incompatible, SQLSTATE 42804 naming both files.
 */
final class SchemaMerge {
  static final int MAX_VARCHAR = 65535;

  private final boolean byPosition;
  private final boolean textual;
  private final ObjectUri table;
  private final Map<String, Merged> columns = new LinkedHashMap<>();
  private final List<Merged> positions = new ArrayList<>();

  private static final class Merged {
    String name;
    ColumnType type;
    ObjectUri from;

    Merged(String name, ColumnType type, ObjectUri from) {
      this.name = name;
      this.type = type;
      this.from = from;
    }
  }

  /**
   * A merge for a table at {@code table}: by position for delimited text, else by name;
   * {@code textual} when every value is parsed from text (text and JSON), so that any
   * disagreement can widen to VARCHAR.
   */
  SchemaMerge(ObjectUri table, boolean byPosition, boolean textual) {
    this.table = table;
    this.byPosition = byPosition;
    this.textual = textual;
  }

  void add(ObjectUri file, List<ColumnDefinition> fileColumns) {
    for (int i = 0; i < fileColumns.size(); i++) {
      ColumnDefinition column = fileColumns.get(i);
      Merged merged;
      if (byPosition) {
        if (i == positions.size()) {
          positions.add(new Merged(column.name(), column.type(), file));
          continue;
        }
        merged = positions.get(i);
      } else {
        String key = column.name().toLowerCase(Locale.ROOT);
        merged = columns.get(key);
        if (merged == null) {
          columns.put(key, new Merged(column.name(), column.type(), file));
          continue;
        }
      }
      ColumnType wider = widen(merged.type, column.type(), textual);
      if (wider == null) {
        throw new StorageException("42804", "Cannot crawl table at '" + table + "': column '"
            + merged.name + "' is " + merged.type.sqlName() + " in '" + merged.from + "' but "
            + column.type().sqlName() + " in '" + file + "'");
      }
      merged.type = wider;
    }
  }

  /** The merged columns, nullable, in position or first-appearance order. */
  List<ColumnDefinition> columns() {
    List<ColumnDefinition> result = new ArrayList<>();
    for (Merged merged : byPosition ? positions : columns.values()) {
      result.add(new ColumnDefinition(merged.name, merged.type, true, null));
    }
    return result;
  }

  /**
   * The narrowest type holding values of both types, or null when there is none that reads both
   * (only when not {@code textual}: text widens to VARCHAR).
   */
  static ColumnType widen(ColumnType a, ColumnType b, boolean textual) {
    if (a.equals(b)) {
      return a;
    }
    TypeName x = a.name();
    TypeName y = b.name();
    if (isString(x) && isString(y)) {
      return ColumnType.varchar(Math.max(a.precision(), b.precision()));
    }
    if (isExact(x) && isExact(y)) {
      if (x != TypeName.DECIMAL && y != TypeName.DECIMAL) {
        return integerDigits(a) >= integerDigits(b) ? a : b;
      }
      int scale = Math.max(scale(a), scale(b));
      int digits = Math.max(integerDigits(a), integerDigits(b));
      if (digits + scale <= 38) {
        return ColumnType.decimal(digits + scale, scale);
      }
      return textual ? ColumnType.of(TypeName.DOUBLE) : null;
    }
    if (isNumber(x) && isNumber(y)) {
      // Parquet decimals do not read as floating point.
      return textual || x != TypeName.DECIMAL && y != TypeName.DECIMAL
          ? ColumnType.of(TypeName.DOUBLE) : null;
    }
    if (isTemporal(x) && isTemporal(y)) {
      return x == TypeName.TIMESTAMPTZ || y == TypeName.TIMESTAMPTZ
          ? ColumnType.of(TypeName.TIMESTAMPTZ) : ColumnType.of(TypeName.TIMESTAMP);
    }
    return textual ? ColumnType.varchar(MAX_VARCHAR) : null;
  }

  private static boolean isString(TypeName name) {
    return name == TypeName.VARCHAR || name == TypeName.CHAR;
  }

  private static boolean isExact(TypeName name) {
    return name == TypeName.SMALLINT || name == TypeName.INTEGER || name == TypeName.BIGINT
        || name == TypeName.DECIMAL;
  }

  private static boolean isNumber(TypeName name) {
    return isExact(name) || name == TypeName.REAL || name == TypeName.DOUBLE;
  }

  private static boolean isTemporal(TypeName name) {
    return name == TypeName.DATE || name == TypeName.TIMESTAMP || name == TypeName.TIMESTAMPTZ;
  }

  private static int integerDigits(ColumnType type) {
    return switch (type.name()) {
      case SMALLINT -> 5;
      case INTEGER -> 10;
      case BIGINT -> 19;
      default -> type.precision() - type.scale();
    };
  }

  private static int scale(ColumnType type) {
    return type.name() == TypeName.DECIMAL ? type.scale() : 0;
  }
}
