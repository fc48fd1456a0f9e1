package io.basalt.planner.ddl;

import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.dialect.CalciteSqlDialect;

/** Writes a parsed node back as SQL text that Basalt's parser reads the same way. */
final class Sql {
  private Sql() {}

  /**
   * Identifiers come out double-quoted, so their case survives a second parse; every
   * sub-expression is parenthesized, because Calcite's default writer drops the parentheses of
   * {@code EXISTS (SELECT ...)}.
   */
  static String unparse(SqlNode node) {
    return node.toSqlString(config -> config.withDialect(CalciteSqlDialect.DEFAULT)
        .withAlwaysUseParentheses(true)).getSql();
  }
}
