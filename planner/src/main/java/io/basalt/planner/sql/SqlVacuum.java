package io.basalt.planner.sql;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.List;
import org.apache.calcite.sql.SqlDdl;
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
 * {@code VACUUM [FULL | SORT ONLY | DELETE ONLY | REINDEX] [table] [TO n PERCENT]}, which
 * re-sorts a table and reclaims deleted rows.
 */
public final class SqlVacuum extends SqlDdl {
  private static final SqlOperator OPERATOR =
      new SqlSpecialOperator("VACUUM", SqlKind.OTHER_DDL);

  /** What a VACUUM does. */
  public enum Mode {
    /** Sort and reclaim deleted rows; Redshift's default. */
    FULL("FULL"),
    /** Sort without reclaiming space. */
    SORT_ONLY("SORT ONLY"),
    /** Reclaim space without sorting. */
    DELETE_ONLY("DELETE ONLY"),
    /** Re-analyze interleaved sort keys, then a full vacuum. */
    REINDEX("REINDEX");

    /** The mode as written in SQL. */
    public final String sql;

    Mode(String sql) {
      this.sql = sql;
    }
  }

  /** The mode; {@link Mode#FULL} when none is written. */
  public final Mode mode;
  /** The table, or null for every table. */
  public final @Nullable SqlIdentifier table;
  /** The {@code TO n PERCENT} sort threshold, or null for Redshift's default (95). */
  public final @Nullable Integer thresholdPercent;

  public SqlVacuum(SqlParserPos pos, Mode mode, @Nullable SqlIdentifier table,
      @Nullable Integer thresholdPercent) {
    super(OPERATOR, pos);
    this.mode = requireNonNull(mode, "mode is null");
    this.table = table;
    this.thresholdPercent = thresholdPercent;
  }

  @Override public SqlOperator getOperator() {
    return OPERATOR;
  }

  @SuppressWarnings("nullness")
  @Override public List<SqlNode> getOperandList() {
    return Arrays.asList(SqlLiteral.createCharString(mode.sql, SqlParserPos.ZERO), table,
        thresholdPercent == null
            ? null
            : SqlLiteral.createExactNumeric(thresholdPercent.toString(), SqlParserPos.ZERO));
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("VACUUM");
    writer.keyword(mode.sql);
    if (table != null) {
      table.unparse(writer, leftPrec, rightPrec);
    }
    if (thresholdPercent != null) {
      writer.keyword("TO");
      writer.print(thresholdPercent);
      writer.keyword("PERCENT");
    }
  }
}
