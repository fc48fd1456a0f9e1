package io.basalt.tpch;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A query result read completely into memory: column labels and rows whose cells are a
 * {@link java.math.BigDecimal} (exact numbers), a {@link Double} (approximate numbers), a
 * {@code YYYY-MM-DD} string (dates), another string, or null.
 */
record ResultTable(List<String> columns, List<List<Object>> rows) {
  ResultTable {
    columns = List.copyOf(columns);
    // Rows hold nulls, which List.copyOf rejects.
    rows = rows.stream().map(row -> Collections.unmodifiableList(new ArrayList<>(row))).toList();
  }

  /** Reads every remaining row of {@code resultSet}. */
  static ResultTable read(ResultSet resultSet) throws SQLException {
    ResultSetMetaData metaData = resultSet.getMetaData();
    int count = metaData.getColumnCount();
    List<String> columns = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      columns.add(metaData.getColumnLabel(i));
    }
    List<List<Object>> rows = new ArrayList<>();
    while (resultSet.next()) {
      List<Object> row = new ArrayList<>(count);
      for (int i = 1; i <= count; i++) {
        Object value = cell(resultSet, i, metaData.getColumnType(i));
        row.add(resultSet.wasNull() ? null : value);
      }
      rows.add(row);
    }
    return new ResultTable(columns, rows);
  }

  private static Object cell(ResultSet resultSet, int column, int type) throws SQLException {
    return switch (type) {
      case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT, Types.DECIMAL,
          Types.NUMERIC -> resultSet.getBigDecimal(column);
      case Types.REAL, Types.FLOAT, Types.DOUBLE -> resultSet.getDouble(column);
      case Types.DATE -> date(resultSet.getString(column));
      default -> resultSet.getString(column);
    };
  }

  /** Keeps {@code YYYY-MM-DD}; read with getString, since java.sql.Date shifts by time zone. */
  private static String date(String text) {
    return text == null || text.length() < 10 ? text : text.substring(0, 10);
  }
}
