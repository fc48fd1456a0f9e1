package io.basalt.planner.sql;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.apache.calcite.sql.SqlDdl;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * Athena's {@code MSCK REPAIR TABLE t}, which adds the partitions whose Hive-style folders
 * ({@code year=2024/}) exist under an external table's location but are not yet registered.
 */
public final class SqlMsckRepair extends SqlDdl {
  private static final SqlOperator OPERATOR =
      new SqlSpecialOperator("MSCK REPAIR TABLE", SqlKind.OTHER_DDL);

  /** The external table to repair. */
  public final SqlIdentifier table;

  public SqlMsckRepair(SqlParserPos pos, SqlIdentifier table) {
    super(OPERATOR, pos);
    this.table = requireNonNull(table, "table is null");
  }

  @Override public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override public List<SqlNode> getOperandList() {
    return List.of(table);
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("MSCK REPAIR TABLE");
    table.unparse(writer, leftPrec, rightPrec);
  }
}
