package io.basalt.planner.sql;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A {@code FOREIGN KEY (cols) REFERENCES t (cols)} constraint; informational only, as in Redshift.
 */
public final class SqlForeignKey extends SqlCall {
  private static final SqlOperator OPERATOR =
      new SqlSpecialOperator("FOREIGN KEY", SqlKind.FOREIGN_KEY);

  /** The constraint's name, or null. */
  public final @Nullable SqlIdentifier name;
  /** The referencing columns, as {@link SqlIdentifier}s. */
  public final SqlNodeList columns;
  /** The referenced table. */
  public final SqlIdentifier referencedTable;
  /** The referenced columns; empty means the referenced table's primary key. */
  public final SqlNodeList referencedColumns;

  public SqlForeignKey(SqlParserPos pos, @Nullable SqlIdentifier name, SqlNodeList columns,
      SqlIdentifier referencedTable, SqlNodeList referencedColumns) {
    super(pos);
    this.name = name;
    this.columns = requireNonNull(columns, "columns is null");
    this.referencedTable = requireNonNull(referencedTable, "referencedTable is null");
    this.referencedColumns = requireNonNull(referencedColumns, "referencedColumns is null");
  }

  @Override public SqlOperator getOperator() {
    return OPERATOR;
  }

  @SuppressWarnings("nullness")
  @Override public List<SqlNode> getOperandList() {
    return Arrays.asList(name, columns, referencedTable, referencedColumns);
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    if (name != null) {
      writer.keyword("CONSTRAINT");
      name.unparse(writer, 0, 0);
    }
    writer.keyword("FOREIGN KEY");
    SqlDdlWriting.list(writer, columns);
    writer.keyword("REFERENCES");
    referencedTable.unparse(writer, 0, 0);
    if (!referencedColumns.isEmpty()) {
      SqlDdlWriting.list(writer, referencedColumns);
    }
  }
}
