package io.basalt.planner.sql;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * {@code EXPLAIN ANALYZE query}, which runs the query and shows its plan with what each operator
 * did (rows, blocks scanned and skipped, slices touched); plain {@code EXPLAIN query} stays
 * Calcite's {@code SqlExplain}.
 *
 * <p>Its kind is {@link SqlKind#OTHER}, not {@link SqlKind#EXPLAIN}, because Calcite casts every
 * node of kind EXPLAIN to {@code SqlExplain}; recognise it with {@code instanceof} or {@link
 * #OPERATOR}.
 */
public final class SqlExplainAnalyze extends SqlCall {
  /** The operator of every EXPLAIN ANALYZE node. */
  public static final SqlOperator OPERATOR =
      new SqlSpecialOperator("EXPLAIN ANALYZE", SqlKind.OTHER);

  /** The query or DML statement to run and explain. */
  public final SqlNode query;

  public SqlExplainAnalyze(SqlParserPos pos, SqlNode query) {
    super(pos);
    this.query = requireNonNull(query, "query is null");
  }

  @Override public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override public List<SqlNode> getOperandList() {
    return List.of(query);
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("EXPLAIN ANALYZE");
    writer.newlineAndIndent();
    query.unparse(writer, 0, 0);
  }
}
