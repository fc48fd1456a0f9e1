package io.basalt.planner.sql;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.List;
import org.apache.calcite.sql.SqlCreate;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * {@code CREATE [OR REPLACE] VIEW v [(cols)] AS query [WITH NO SCHEMA BINDING]}; Calcite's own
 * node cannot say that a view is late-binding.
 */
public final class SqlCreateBasaltView extends SqlCreate {
  private static final SqlOperator OPERATOR =
      new SqlSpecialOperator("CREATE VIEW", SqlKind.CREATE_VIEW);

  /** The view's name. */
  public final SqlIdentifier name;
  /** Column names given after the view name, or null. */
  public final @Nullable SqlNodeList columnList;
  /** The view's query. */
  public final SqlNode query;
  /** True for {@code WITH NO SCHEMA BINDING}: a late-binding view, checked when queried. */
  public final boolean noSchemaBinding;

  public SqlCreateBasaltView(SqlParserPos pos, boolean replace, SqlIdentifier name,
      @Nullable SqlNodeList columnList, SqlNode query, boolean noSchemaBinding) {
    super(OPERATOR, pos, replace, false);
    this.name = requireNonNull(name, "name is null");
    this.columnList = columnList;
    this.query = requireNonNull(query, "query is null");
    this.noSchemaBinding = noSchemaBinding;
  }

  @Override public SqlOperator getOperator() {
    return OPERATOR;
  }

  @SuppressWarnings("nullness")
  @Override public List<SqlNode> getOperandList() {
    return Arrays.asList(name, columnList, query,
        SqlLiteral.createBoolean(noSchemaBinding, SqlParserPos.ZERO));
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword(getReplace() ? "CREATE OR REPLACE VIEW" : "CREATE VIEW");
    name.unparse(writer, leftPrec, rightPrec);
    if (columnList != null) {
      SqlDdlWriting.list(writer, columnList);
    }
    writer.keyword("AS");
    writer.newlineAndIndent();
    query.unparse(writer, 0, 0);
    if (noSchemaBinding) {
      writer.keyword("WITH NO SCHEMA BINDING");
    }
  }
}
