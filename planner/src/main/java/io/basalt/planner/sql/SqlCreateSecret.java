package io.basalt.planner.sql;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.apache.calcite.sql.SqlCreate;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * {@code CREATE [OR REPLACE] SECRET [IF NOT EXISTS] s USER 'u' PASSWORD 'p'}: a named login
 * that a federated schema refers to with {@code SECRET_ARN 's'}, as Redshift refers to an AWS
 * Secrets Manager secret. The password is never written back: {@link #unparse} masks it.
 */
public final class SqlCreateSecret extends SqlCreate {
  private static final SqlOperator OPERATOR =
      new SqlSpecialOperator("CREATE SECRET", SqlKind.OTHER_DDL);

  /** The secret's name. */
  public final SqlIdentifier name;
  /** The remote user the secret logs in as. */
  public final String user;
  /** The password, as written. */
  public final String password;

  public SqlCreateSecret(SqlParserPos pos, boolean replace, boolean ifNotExists,
      SqlIdentifier name, String user, String password) {
    super(OPERATOR, pos, replace, ifNotExists);
    this.name = requireNonNull(name, "name is null");
    this.user = requireNonNull(user, "user is null");
    this.password = requireNonNull(password, "password is null");
  }

  /** Checks a parsed CREATE SECRET and builds it; public only for the generated parser. */
  public static SqlCreateSecret create(SqlParserPos pos, boolean replace, boolean ifNotExists,
      SqlIdentifier name, String user, String password) {
    if (replace && ifNotExists) {
      throw ParseErrors.at(pos, "Cannot create secret \"" + name
          + "\": OR REPLACE and IF NOT EXISTS cannot be combined");
    }
    return new SqlCreateSecret(pos, replace, ifNotExists, name, user, password);
  }

  @Override public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override public List<SqlNode> getOperandList() {
    return List.of(name, SqlLiteral.createCharString(user, SqlParserPos.ZERO));
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword(getReplace() ? "CREATE OR REPLACE SECRET" : "CREATE SECRET");
    if (ifNotExists) {
      writer.keyword("IF NOT EXISTS");
    }
    name.unparse(writer, leftPrec, rightPrec);
    writer.keyword("USER");
    SqlDdlWriting.string(writer, user);
    writer.keyword("PASSWORD");
    SqlDdlWriting.string(writer, "***");
  }
}
