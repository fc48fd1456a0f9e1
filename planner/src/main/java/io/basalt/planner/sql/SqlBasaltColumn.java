package io.basalt.planner.sql;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A column definition in a Redshift CREATE TABLE: name, type, nullability, default and encoding.
 *
 * <p>Column-level {@code DISTKEY}/{@code SORTKEY} are folded into the table's
 * {@link TableAttributes}, and column-level {@code PRIMARY KEY}/{@code UNIQUE}/{@code REFERENCES}
 * into its constraint list, so this node carries neither.
 */
public final class SqlBasaltColumn extends SqlCall {
  private static final SqlOperator OPERATOR =
      new SqlSpecialOperator("COLUMN_DECL", SqlKind.COLUMN_DECL);

  /** The column's name. */
  public final SqlIdentifier name;
  /** The column's type; its nullability matches {@link #nullable}. */
  public final SqlDataTypeSpec dataType;
  /** False if declared NOT NULL or PRIMARY KEY. */
  public final boolean nullable;
  /** The DEFAULT expression, or null. */
  public final @Nullable SqlNode defaultValue;
  /** The ENCODE compression name in upper case (e.g. {@code AZ64}), or null. */
  public final @Nullable String encoding;

  public SqlBasaltColumn(SqlParserPos pos, SqlIdentifier name, SqlDataTypeSpec dataType,
      boolean nullable, @Nullable SqlNode defaultValue, @Nullable String encoding) {
    super(pos);
    this.name = requireNonNull(name, "name is null");
    this.dataType = requireNonNull(dataType, "dataType is null").withNullable(nullable);
    this.nullable = nullable;
    this.defaultValue = defaultValue;
    this.encoding = encoding;
  }

  @Override public SqlOperator getOperator() {
    return OPERATOR;
  }

  @SuppressWarnings("nullness")
  @Override public List<SqlNode> getOperandList() {
    return Arrays.asList(name, dataType, SqlLiteral.createBoolean(nullable, SqlParserPos.ZERO),
        defaultValue,
        encoding == null ? null : SqlLiteral.createCharString(encoding, SqlParserPos.ZERO));
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    name.unparse(writer, 0, 0);
    dataType.unparse(writer, 0, 0);
    if (!nullable) {
      writer.keyword("NOT NULL");
    }
    if (defaultValue != null) {
      writer.keyword("DEFAULT");
      defaultValue.unparse(writer, 0, 0);
    }
    if (encoding != null) {
      writer.keyword("ENCODE");
      writer.keyword(encoding);
    }
  }
}
