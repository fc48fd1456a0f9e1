package io.basalt.planner.sql;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
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
 * {@code MERGE INTO target [[AS] alias] USING source ON condition} followed by any number of
 * {@link SqlMergeClause WHEN clauses}, as Athena, Trino and Spark write it for Iceberg tables.
 * The parser builds this node for every MERGE, Calcite's single-UPDATE, single-INSERT form
 * included, in place of Calcite's {@code SqlMerge}. Its kind is MERGE, so a MERGE of a table
 * no external catalog owns still reaches the statement executor (which refuses it).
 *
 * <p>For each pair of a source row and the target row it matches, the first WHEN MATCHED clause
 * whose condition is true applies; for each source row that matches no target row, the first
 * WHEN NOT MATCHED clause; when none applies, nothing changes.
 */
public final class SqlBasaltMerge extends SqlCall {
  private static final SqlOperator OPERATOR = new SqlSpecialOperator("MERGE", SqlKind.MERGE);

  /** The table merged into (an identifier, or Calcite's hinted or extended table). */
  public final SqlNode target;
  /** The target's alias, or null. */
  public final @Nullable SqlIdentifier alias;
  /** The source table reference (a table, or a query with its alias). */
  public final SqlNode source;
  /** The ON condition that matches source rows to target rows. */
  public final SqlNode condition;
  /** The WHEN clauses, in the order they are tried, each a {@link SqlMergeClause}. */
  public final SqlNodeList clauses;

  public SqlBasaltMerge(SqlParserPos pos, SqlNode target, @Nullable SqlIdentifier alias,
      SqlNode source, SqlNode condition, SqlNodeList clauses) {
    super(pos);
    this.target = requireNonNull(target, "target is null");
    this.alias = alias;
    this.source = requireNonNull(source, "source is null");
    this.condition = requireNonNull(condition, "condition is null");
    this.clauses = requireNonNull(clauses, "clauses is null");
    if (clauses.isEmpty() || !clauses.stream().allMatch(c -> c instanceof SqlMergeClause)) {
      throw new IllegalArgumentException("MERGE needs WHEN clauses");
    }
  }

  /** The WHEN clauses, in order. */
  public List<SqlMergeClause> whenClauses() {
    List<SqlMergeClause> list = new ArrayList<>();
    clauses.forEach(c -> list.add((SqlMergeClause) c));
    return list;
  }

  @Override public SqlOperator getOperator() {
    return OPERATOR;
  }

  @SuppressWarnings("nullness")
  @Override public List<SqlNode> getOperandList() {
    return Arrays.asList(target, alias, source, condition, clauses);
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    // A SELECT frame, as Calcite's SqlMerge uses, so that a source query is parenthesized.
    SqlWriter.Frame frame = writer.startList(SqlWriter.FrameTypeEnum.SELECT, "MERGE INTO", "");
    target.unparse(writer, 0, 0);
    if (alias != null) {
      writer.keyword("AS");
      alias.unparse(writer, 0, 0);
    }
    writer.newlineAndIndent();
    writer.keyword("USING");
    source.unparse(writer, 0, 0);
    writer.newlineAndIndent();
    writer.keyword("ON");
    condition.unparse(writer, 0, 0);
    for (SqlNode clause : clauses) {
      writer.newlineAndIndent();
      clause.unparse(writer, 0, 0);
    }
    writer.endList(frame);
  }
}
