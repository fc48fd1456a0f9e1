package io.basalt.planner.sql;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.apache.calcite.sql.SqlDrop;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * {@code DROP SCHEMA [IF EXISTS] s [DROP EXTERNAL DATABASE] [CASCADE | RESTRICT]}; Calcite's own
 * node has no CASCADE.
 */
public final class SqlDropBasaltSchema extends SqlDrop {
  private static final SqlOperator OPERATOR =
      new SqlSpecialOperator("DROP SCHEMA", SqlKind.DROP_SCHEMA);

  /** The schema to drop. */
  public final SqlIdentifier name;
  /** True for CASCADE (drop the schema's objects too); RESTRICT and no keyword give false. */
  public final boolean cascade;
  /**
   * True for {@code DROP EXTERNAL DATABASE}: an external schema's catalog database is dropped
   * too, with its tables; ignored for other schemas.
   */
  public final boolean dropExternalDatabase;

  public SqlDropBasaltSchema(SqlParserPos pos, boolean ifExists, SqlIdentifier name,
      boolean cascade) {
    this(pos, ifExists, name, false, cascade);
  }

  public SqlDropBasaltSchema(SqlParserPos pos, boolean ifExists, SqlIdentifier name,
      boolean dropExternalDatabase, boolean cascade) {
    super(OPERATOR, pos, ifExists);
    this.name = requireNonNull(name, "name is null");
    this.dropExternalDatabase = dropExternalDatabase;
    this.cascade = cascade;
  }

  @Override public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override public List<SqlNode> getOperandList() {
    return List.of(name, SqlLiteral.createBoolean(cascade, SqlParserPos.ZERO),
        SqlLiteral.createBoolean(dropExternalDatabase, SqlParserPos.ZERO));
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("DROP SCHEMA");
    if (ifExists) {
      writer.keyword("IF EXISTS");
    }
    name.unparse(writer, leftPrec, rightPrec);
    if (dropExternalDatabase) {
      writer.keyword("DROP EXTERNAL DATABASE");
    }
    if (cascade) {
      writer.keyword("CASCADE");
    }
  }
}
