package io.basalt.planner.sql;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.List;
import org.apache.calcite.sql.SqlDdl;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Athena's {@code OPTIMIZE t REWRITE DATA USING BIN_PACK [WHERE condition]}: compacts an
 * Iceberg table's small data files, and the files with deletes, into files of the target size.
 */
public final class SqlOptimize extends SqlDdl {
  private static final SqlOperator OPERATOR =
      new SqlSpecialOperator("OPTIMIZE", SqlKind.OTHER_DDL);

  /** The table to compact. */
  public final SqlIdentifier table;
  /** Which rows' files to compact, or null for the whole table. */
  public final @Nullable SqlNode where;

  public SqlOptimize(SqlParserPos pos, SqlIdentifier table, @Nullable SqlNode where) {
    super(OPERATOR, pos);
    this.table = requireNonNull(table, "table is null");
    this.where = where;
  }

  @Override public SqlOperator getOperator() {
    return OPERATOR;
  }

  @SuppressWarnings("nullness")
  @Override public List<SqlNode> getOperandList() {
    return Arrays.asList(table, where);
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("OPTIMIZE");
    table.unparse(writer, 0, 0);
    writer.keyword("REWRITE DATA USING BIN_PACK");
    if (where != null) {
      writer.keyword("WHERE");
      where.unparse(writer, 0, 0);
    }
  }
}
