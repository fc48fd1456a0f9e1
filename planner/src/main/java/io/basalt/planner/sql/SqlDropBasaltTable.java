package io.basalt.planner.sql;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.apache.calcite.sql.SqlDrop;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * {@code DROP TABLE [IF EXISTS] a [, b ...] [CASCADE | RESTRICT]}; Calcite's own node takes one
 * table and no CASCADE.
 */
public final class SqlDropBasaltTable extends SqlDrop {
  private static final SqlOperator OPERATOR =
      new SqlSpecialOperator("DROP TABLE", SqlKind.DROP_TABLE);

  /** The tables to drop, in the order written; never empty. */
  public final List<SqlIdentifier> names;
  /** True for CASCADE (also drop dependent views); RESTRICT and no keyword give false. */
  public final boolean cascade;
  /** True for PURGE: an Iceberg table's data and metadata files are deleted too. */
  public final boolean purge;

  public SqlDropBasaltTable(SqlParserPos pos, boolean ifExists, List<SqlIdentifier> names,
      boolean cascade, boolean purge) {
    super(OPERATOR, pos, ifExists);
    this.names = List.copyOf(requireNonNull(names, "names is null"));
    this.cascade = cascade;
    this.purge = purge;
  }

  @Override public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override public List<SqlNode> getOperandList() {
    return List.of(new SqlNodeList(names, SqlParserPos.ZERO),
        SqlLiteral.createBoolean(cascade, SqlParserPos.ZERO));
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("DROP TABLE");
    if (ifExists) {
      writer.keyword("IF EXISTS");
    }
    SqlWriter.Frame frame = writer.startList("", "");
    for (SqlIdentifier name : names) {
      writer.sep(",");
      name.unparse(writer, leftPrec, rightPrec);
    }
    writer.endList(frame);
    if (cascade) {
      writer.keyword("CASCADE");
    }
    if (purge) {
      writer.keyword("PURGE");
    }
  }
}
