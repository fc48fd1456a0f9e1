package io.basalt.federation.remote;

import io.basalt.storage.ColumnPredicate;
import io.basalt.storage.ColumnType;
import io.basalt.storage.TypeName;
import io.basalt.storage.ValueRange;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.OptionalLong;
import org.apache.calcite.sql.SqlDialect;

/**
 * The SELECT a scan sends to the remote database: the scan's columns, its pushed predicates as
 * a WHERE clause and its limit, with identifiers and string literals quoted by the engine's
 * Calcite {@link SqlDialect}.
 */
final class RemoteQuery {
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

  private RemoteQuery() {}

  static String sql(RemoteEngine engine, String remoteSchema, RemoteTableMetadata table,
      int[] columns, List<ColumnPredicate> predicates, OptionalLong limit) {
    SqlDialect dialect = engine.dialect();
    StringBuilder sql = new StringBuilder("SELECT ");
    if (columns.length == 0) {
      sql.append('1');
    }
    for (int i = 0; i < columns.length; i++) {
      if (i > 0) {
        sql.append(", ");
      }
      dialect.quoteIdentifier(sql, table.columns().get(columns[i]).name());
    }
    sql.append(" FROM ");
    dialect.quoteIdentifier(sql, remoteSchema);
    sql.append('.');
    dialect.quoteIdentifier(sql, table.name());
    for (int p = 0; p < predicates.size(); p++) {
      sql.append(p == 0 ? " WHERE " : " AND ");
      ColumnPredicate predicate = predicates.get(p);
      RemoteColumn column = table.columns().get(predicate.column());
      StringBuilder name = new StringBuilder();
      dialect.quoteIdentifier(name, column.name());
      sql.append('(').append(condition(dialect, name.toString(), column.type(), predicate))
          .append(')');
    }
    limit.ifPresent(n -> sql.append(" LIMIT ").append(n));
    return sql.toString();
  }

  private static String condition(SqlDialect dialect, String name, ColumnType type,
      ColumnPredicate predicate) {
    StringBuilder out = new StringBuilder();
    for (ValueRange range : predicate.ranges()) {
      if (out.length() > 0) {
        out.append(" OR ");
      }
      out.append(range(dialect, name, type, range));
    }
    if (predicate.matchesNull()) {
      out.append(out.length() > 0 ? " OR " : "").append(name).append(" IS NULL");
    }
    return out.length() == 0 ? "1 = 0" : out.toString();
  }

  private static String range(SqlDialect dialect, String name, ColumnType type,
      ValueRange range) {
    if (range.lower() == null && range.upper() == null) {
      return name + " IS NOT NULL";
    }
    if (range.lower() != null && range.lower().equals(range.upper())
        && range.lowerInclusive() && range.upperInclusive()) {
      return name + " = " + literal(dialect, type, range.lower());
    }
    StringBuilder out = new StringBuilder("(");
    if (range.lower() != null) {
      out.append(name).append(range.lowerInclusive() ? " >= " : " > ")
          .append(literal(dialect, type, range.lower()));
    }
    if (range.upper() != null) {
      out.append(range.lower() != null ? " AND " : "").append(name)
          .append(range.upperInclusive() ? " <= " : " < ")
          .append(literal(dialect, type, range.upper()));
    }
    return out.append(')').toString();
  }

  /** A value in the storage representation of {@code type} as a SQL literal. */
  static String literal(SqlDialect dialect, ColumnType type, Object value) {
    return switch (type.name()) {
      case SMALLINT, INTEGER, BIGINT -> Long.toString(((Number) value).longValue());
      case DECIMAL -> value instanceof BigDecimal d ? d.toPlainString()
          : new BigDecimal(value.toString()).toPlainString();
      case REAL, DOUBLE -> Double.toString(((Number) value).doubleValue());
      case BOOLEAN -> isTrue(value) ? "TRUE" : "FALSE";
      case CHAR, VARCHAR -> {
        StringBuilder quoted = new StringBuilder();
        dialect.quoteStringLiteral(quoted, null, value.toString());
        yield quoted.toString();
      }
      case DATE -> "DATE '" + LocalDate.ofEpochDay(((Number) value).longValue()) + "'";
      case TIMESTAMP -> "TIMESTAMP '" + TIMESTAMP.format(Instant.ofEpochMilli(
          ((Number) value).longValue()).atOffset(ZoneOffset.UTC)) + "'";
      case TIMESTAMPTZ -> "TIMESTAMP WITH TIME ZONE '" + TIMESTAMP.format(Instant.ofEpochMilli(
          ((Number) value).longValue()).atOffset(ZoneOffset.UTC)) + "+00'";
    };
  }

  private static boolean isTrue(Object value) {
    return value instanceof Boolean b ? b : ((Number) value).longValue() != 0;
  }

  /** Whether every bound of {@code predicate} can be written as a literal the remote reads. */
  static boolean writable(RemoteEngine engine, ColumnType type, ColumnPredicate predicate) {
    for (ValueRange range : predicate.ranges()) {
      for (Object bound : new Object[] {range.lower(), range.upper()}) {
        if (bound == null) {
          continue;
        }
        if (bound instanceof Double d && (d.isNaN() || d.isInfinite())) {
          return false;
        }
        // MySQL reads a backslash in a string literal as an escape.
        if (engine == RemoteEngine.MYSQL && bound instanceof String s && s.indexOf('\\') >= 0) {
          return false;
        }
        if (type.name() == TypeName.TIMESTAMPTZ && engine != RemoteEngine.POSTGRES) {
          return false;
        }
      }
    }
    return true;
  }
}
