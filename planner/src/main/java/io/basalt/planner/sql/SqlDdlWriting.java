package io.basalt.planner.sql;

import java.util.List;
import java.util.Map;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlWriter;

/** Unparse steps shared by the DDL nodes of this package. */
final class SqlDdlWriting {
  private SqlDdlWriting() {}

  /** Writes {@code (a, b, c)}. */
  static void list(SqlWriter writer, List<? extends SqlNode> nodes) {
    SqlWriter.Frame frame = writer.startList("(", ")");
    for (SqlNode node : nodes) {
      writer.sep(",");
      node.unparse(writer, 0, 0);
    }
    writer.endList(frame);
  }

  /** Writes {@code (a, b, c)} from plain names, quoting each as an identifier. */
  static void names(SqlWriter writer, List<String> names) {
    SqlWriter.Frame frame = writer.startList("(", ")");
    for (String name : names) {
      writer.sep(",");
      writer.identifier(name, true);
    }
    writer.endList(frame);
  }

  /** Quotes {@code value} as a SQL string literal, doubling its quotes. */
  static String quote(String value) {
    return "'" + value.replace("'", "''") + "'";
  }

  /** Writes {@code value} as a string literal. */
  static void string(SqlWriter writer, String value) {
    writer.literal(quote(value));
  }

  /** Writes {@code ('key' = 'value', ...)}. */
  static void properties(SqlWriter writer, Map<String, String> properties) {
    SqlWriter.Frame frame = writer.startList("(", ")");
    properties.forEach((key, value) -> {
      writer.sep(",");
      string(writer, key);
      writer.keyword("=");
      string(writer, value);
    });
    writer.endList(frame);
  }
}
