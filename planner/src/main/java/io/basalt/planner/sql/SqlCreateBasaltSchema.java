package io.basalt.planner.sql;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.List;
import org.apache.calcite.sql.SqlCreate;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * {@code CREATE SCHEMA [IF NOT EXISTS] s [AUTHORIZATION user]}; Calcite's own node has no owner.
 */
public final class SqlCreateBasaltSchema extends SqlCreate {
  private static final SqlOperator OPERATOR =
      new SqlSpecialOperator("CREATE SCHEMA", SqlKind.CREATE_SCHEMA);

  /** The schema's name. */
  public final SqlIdentifier name;
  /** The owner named by {@code AUTHORIZATION}, or null for the current user. */
  public final @Nullable SqlIdentifier authorization;

  public SqlCreateBasaltSchema(SqlParserPos pos, boolean ifNotExists, SqlIdentifier name,
      @Nullable SqlIdentifier authorization) {
    super(OPERATOR, pos, false, ifNotExists);
    this.name = requireNonNull(name, "name is null");
    this.authorization = authorization;
  }

  @Override public SqlOperator getOperator() {
    return OPERATOR;
  }

  @SuppressWarnings("nullness")
  @Override public List<SqlNode> getOperandList() {
    return Arrays.asList(name, authorization);
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("CREATE SCHEMA");
    if (ifNotExists) {
      writer.keyword("IF NOT EXISTS");
    }
    name.unparse(writer, leftPrec, rightPrec);
    if (authorization != null) {
      writer.keyword("AUTHORIZATION");
      authorization.unparse(writer, leftPrec, rightPrec);
    }
  }
}
