package io.basalt.planner.sql;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * One WHEN clause of a {@link SqlBasaltMerge}: {@code WHEN MATCHED [AND condition] THEN UPDATE
 * SET column = value, ...}, {@code WHEN MATCHED [AND condition] THEN DELETE} or {@code WHEN NOT
 * MATCHED [AND condition] THEN INSERT [(column, ...)] VALUES (value, ...)}. The action decides
 * whether the clause is for matched pairs or for unmatched source rows.
 */
public final class SqlMergeClause extends SqlCall {
  private static final SqlOperator OPERATOR = new SqlSpecialOperator("WHEN", SqlKind.OTHER);

  /** What a clause does; UPDATE and DELETE are WHEN MATCHED actions, INSERT WHEN NOT MATCHED. */
  public enum Action {
    UPDATE, DELETE, INSERT;

    /** Whether the action applies to a target row matched by a source row. */
    public boolean matched() {
      return this != INSERT;
    }
  }

  /** What the clause does. */
  public final Action action;
  /** The clause's AND condition, or null when it has none. */
  public final @Nullable SqlNode condition;
  /**
   * UPDATE's assigned columns, INSERT's listed columns (null when it lists none, meaning every
   * column in order), null for DELETE.
   */
  public final @Nullable SqlNodeList columns;
  /** UPDATE's assigned values, one per column, or INSERT's row of values; empty for DELETE. */
  public final SqlNodeList values;

  private SqlMergeClause(SqlParserPos pos, Action action, @Nullable SqlNode condition,
      @Nullable SqlNodeList columns, SqlNodeList values) {
    super(pos);
    this.action = requireNonNull(action, "action is null");
    this.condition = condition;
    this.columns = columns;
    this.values = requireNonNull(values, "values is null");
  }

  /** {@code WHEN MATCHED [AND condition] THEN UPDATE SET columns[i] = values[i], ...}. */
  public static SqlMergeClause update(SqlParserPos pos, @Nullable SqlNode condition,
      SqlNodeList columns, SqlNodeList values) {
    requireNonNull(columns, "columns is null");
    if (columns.size() != values.size() || columns.isEmpty()) {
      throw new IllegalArgumentException("UPDATE SET needs one value per column");
    }
    return new SqlMergeClause(pos, Action.UPDATE, condition, columns, values);
  }

  /** {@code WHEN MATCHED [AND condition] THEN DELETE}. */
  public static SqlMergeClause delete(SqlParserPos pos, @Nullable SqlNode condition) {
    return new SqlMergeClause(pos, Action.DELETE, condition, null, SqlNodeList.EMPTY);
  }

  /** {@code WHEN NOT MATCHED [AND condition] THEN INSERT [(columns)] VALUES (values)}. */
  public static SqlMergeClause insert(SqlParserPos pos, @Nullable SqlNode condition,
      @Nullable SqlNodeList columns, SqlNodeList values) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException("INSERT VALUES needs a value");
    }
    return new SqlMergeClause(pos, Action.INSERT, condition, columns, values);
  }

  /** How the clause starts and what it does, e.g. {@code WHEN MATCHED THEN DELETE}. */
  public String heading() {
    return (action.matched() ? "WHEN MATCHED" : "WHEN NOT MATCHED")
        + (condition == null ? "" : " AND ...") + " THEN " + action;
  }

  @Override public SqlOperator getOperator() {
    return OPERATOR;
  }

  @SuppressWarnings("nullness")
  @Override public List<SqlNode> getOperandList() {
    return Arrays.asList(condition, columns, values);
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword(action.matched() ? "WHEN MATCHED" : "WHEN NOT MATCHED");
    if (condition != null) {
      writer.keyword("AND");
      condition.unparse(writer, 0, 0);
    }
    writer.keyword("THEN");
    switch (action) {
      case UPDATE -> {
        writer.keyword("UPDATE");
        SqlWriter.Frame set = writer.startList(SqlWriter.FrameTypeEnum.UPDATE_SET_LIST, "SET",
            "");
        for (int i = 0; i < values.size(); i++) {
          writer.sep(",");
          requireNonNull(columns, "columns").get(i).unparse(writer, 0, 0);
          writer.keyword("=");
          values.get(i).unparse(writer, 0, 0);
        }
        writer.endList(set);
      }
      case DELETE -> writer.keyword("DELETE");
      case INSERT -> {
        writer.keyword("INSERT");
        if (columns != null) {
          SqlWriter.Frame list = writer.startList("(", ")");
          for (SqlNode column : columns) {
            writer.sep(",");
            column.unparse(writer, 0, 0);
          }
          writer.endList(list);
        }
        writer.keyword("VALUES");
        SqlWriter.Frame row = writer.startList("(", ")");
        for (SqlNode value : values) {
          writer.sep(",");
          value.unparse(writer, 0, 0);
        }
        writer.endList(row);
      }
    }
  }
}
