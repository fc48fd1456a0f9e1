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
 * {@code REFRESH EXTERNAL SCHEMA s}: drops what is cached of a federated schema's remote
 * metadata, so that the next query reads the remote tables and columns afresh (as Spark's
 * {@code REFRESH TABLE} does for one table).
 */
public final class SqlRefreshExternalSchema extends SqlDdl {
  private static final SqlOperator OPERATOR =
      new SqlSpecialOperator("REFRESH EXTERNAL SCHEMA", SqlKind.OTHER_DDL);

  /** The schema to refresh. */
  public final SqlIdentifier name;

  public SqlRefreshExternalSchema(SqlParserPos pos, SqlIdentifier name) {
    super(OPERATOR, pos);
    this.name = requireNonNull(name, "name is null");
  }

  @Override public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override public List<SqlNode> getOperandList() {
    return List.of(name);
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("REFRESH EXTERNAL SCHEMA");
    name.unparse(writer, leftPrec, rightPrec);
  }
}
