package io.basalt.planner.sql;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.calcite.sql.SqlDdl;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.checkerframework.checker.nullness.qual.Nullable;

/** {@code ANALYZE [table [(columns)]]}, which refreshes the planner's statistics. */
public final class SqlAnalyze extends SqlDdl {
  private static final SqlOperator OPERATOR =
      new SqlSpecialOperator("ANALYZE", SqlKind.OTHER_DDL);

  /** The table, or null for every table. */
  public final @Nullable SqlIdentifier table;
  /** The columns to analyze; empty means all. */
  public final List<String> columns;

  public SqlAnalyze(SqlParserPos pos, @Nullable SqlIdentifier table, List<String> columns) {
    super(OPERATOR, pos);
    this.table = table;
    this.columns = List.copyOf(requireNonNull(columns, "columns is null"));
  }

  @Override public SqlOperator getOperator() {
    return OPERATOR;
  }

  @SuppressWarnings("nullness")
  @Override public List<SqlNode> getOperandList() {
    List<SqlNode> columnList = new ArrayList<>();
    columns.forEach(column -> columnList.add(new SqlIdentifier(column, SqlParserPos.ZERO)));
    return Arrays.asList(table, new SqlNodeList(columnList, SqlParserPos.ZERO));
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("ANALYZE");
    if (table != null) {
      table.unparse(writer, leftPrec, rightPrec);
      if (!columns.isEmpty()) {
        SqlDdlWriting.names(writer, columns);
      }
    }
  }
}
