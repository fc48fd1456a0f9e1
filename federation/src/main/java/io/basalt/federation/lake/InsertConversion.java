package io.basalt.federation.lake;

import io.basalt.planner.catalog.TypeMapping;
import io.basalt.storage.ColumnDefinition;
import io.basalt.storage.ColumnType;
import io.basalt.storage.StorageException;
import io.basalt.storage.TypeName;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Brings the rows of an INSERT's query to the types of an external table's columns, as an
 * assignment does in Redshift: numbers to any numeric type (rounding half up, out of range is
 * 22003), strings to strings (too long for the column is 22001, trailing blanks are cut),
 * dates and timestamps to each other, and strings to any type or any type to strings through a
 * CAST in the query. Other pairs (a date into a number, a boolean into a date) are 42804.
 */
public final class InsertConversion {
  private enum Family {
    NUMBER,
    STRING,
    DATETIME,
    BOOLEAN
  }

  private InsertConversion() {}

  private static Family family(ColumnType type) {
    return switch (type.name()) {
      case SMALLINT, INTEGER, BIGINT, DECIMAL, REAL, DOUBLE -> Family.NUMBER;
      case CHAR, VARCHAR -> Family.STRING;
      case DATE, TIMESTAMP, TIMESTAMPTZ -> Family.DATETIME;
      case BOOLEAN -> Family.BOOLEAN;
    };
  }

  /**
   * The query re-selected with CASTs where a column crosses type families (to or from a string),
   * after checking that every column is assignable; {@code action} starts the error messages.
   */
  public static String castQuery(String query, List<ColumnDefinition> source,
      List<ColumnDefinition> target, String action) {
    if (source.size() != target.size()) {
      throw new StorageException("42601", action + "INSERT has "
          + (source.size() > target.size() ? "more" : "fewer") + " expressions ("
          + source.size() + ") than target columns (" + target.size() + ")");
    }
    List<String> aliases = new ArrayList<>();
    List<String> select = new ArrayList<>();
    for (int c = 0; c < source.size(); c++) {
      aliases.add(quote("c" + c));
    }
    for (int c = 0; c < source.size(); c++) {
      ColumnType from = source.get(c).type();
      ColumnType to = target.get(c).type();
      Family fromFamily = family(from);
      Family toFamily = family(to);
      if (fromFamily == toFamily) {
        select.add(aliases.get(c));
      } else if (fromFamily == Family.STRING || toFamily == Family.STRING) {
        select.add("CAST(" + aliases.get(c) + " AS " + TypeMapping.castTarget(to) + ")");
      } else {
        throw new StorageException("42804", action + "column \"" + target.get(c).name()
            + "\" is of type " + to.sqlName() + " but expression is of type " + from.sqlName());
      }
    }
    return "SELECT " + String.join(", ", select) + " FROM (" + query + ") AS "
        + quote("$source") + " (" + String.join(", ", aliases) + ")";
  }

  /** Converts each row of a query of {@code source} columns to {@code target}'s types. */
  public static UnaryOperator<Object[]> converter(List<ColumnDefinition> source,
      List<ColumnDefinition> target) {
    ColumnType[] from = source.stream().map(ColumnDefinition::type).toArray(ColumnType[]::new);
    ColumnDefinition[] to = target.toArray(new ColumnDefinition[0]);
    return row -> {
      Object[] converted = new Object[to.length];
      for (int c = 0; c < to.length; c++) {
        converted[c] = convert(row[c], from[c], to[c]);
      }
      return converted;
    };
  }

  static Object convert(Object value, ColumnType from, ColumnDefinition column) {
    if (value == null) {
      return null;
    }
    ColumnType type = column.type();
    return switch (type.name()) {
      case SMALLINT -> (short) integral(value, Short.MIN_VALUE, Short.MAX_VALUE, column);
      case INTEGER -> (int) integral(value, Integer.MIN_VALUE, Integer.MAX_VALUE, column);
      case BIGINT -> integral(value, Long.MIN_VALUE, Long.MAX_VALUE, column);
      case DECIMAL -> decimal(value, column);
      case REAL -> ((Number) value).floatValue();
      case DOUBLE -> ((Number) value).doubleValue();
      case BOOLEAN -> value;
      case CHAR, VARCHAR -> text(value.toString(), column);
      case DATE -> from.name() == TypeName.DATE ? ((Number) value).intValue()
          : (int) Math.floorDiv(((Number) value).longValue(), 86_400_000L);
      case TIMESTAMP, TIMESTAMPTZ -> from.name() == TypeName.DATE
          ? ((Number) value).longValue() * 86_400_000L : ((Number) value).longValue();
    };
  }

  private static long integral(Object value, long min, long max, ColumnDefinition column) {
    BigDecimal exact = value instanceof BigDecimal d ? d
        : value instanceof Double || value instanceof Float
            ? BigDecimal.valueOf(((Number) value).doubleValue())
            : BigDecimal.valueOf(((Number) value).longValue());
    BigDecimal rounded = exact.setScale(0, RoundingMode.HALF_UP);
    if (rounded.compareTo(BigDecimal.valueOf(min)) < 0
        || rounded.compareTo(BigDecimal.valueOf(max)) > 0) {
      throw outOfRange(value, column);
    }
    return rounded.longValue();
  }

  private static BigDecimal decimal(Object value, ColumnDefinition column) {
    ColumnType type = column.type();
    BigDecimal exact = value instanceof BigDecimal d ? d
        : value instanceof Double || value instanceof Float
            ? BigDecimal.valueOf(((Number) value).doubleValue())
            : BigDecimal.valueOf(((Number) value).longValue());
    BigDecimal scaled = exact.setScale(type.scale(), RoundingMode.HALF_UP);
    if (scaled.precision() - scaled.scale() > type.precision() - type.scale()) {
      throw outOfRange(value, column);
    }
    return scaled;
  }

  private static String text(String text, ColumnDefinition column) {
    int limit = column.type().precision();
    if (limit <= 0 || text.length() * 3 <= limit) {
      return text;
    }
    int bytes = text.getBytes(StandardCharsets.UTF_8).length;
    if (bytes <= limit) {
      return text;
    }
    int keep = text.length() - (bytes - limit);
    if (keep >= 0 && text.substring(keep).chars().allMatch(ch -> ch == ' ')) {
      return text.substring(0, keep);
    }
    throw new StorageException("22001", "value too long for type " + column.type().sqlName()
        + " in column \"" + column.name() + "\"");
  }

  private static StorageException outOfRange(Object value, ColumnDefinition column) {
    return new StorageException("22003", "Cannot store " + value + " in column \""
        + column.name() + "\": value out of range for type " + column.type().sqlName());
  }

  private static String quote(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }
}
