package io.basalt.planner.sql;

import io.basalt.planner.catalog.VersionPins;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSnapshot;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.util.Util;

/**
 * A table read at a version, {@code t FOR VERSION AS OF 123} or {@code t FOR TIMESTAMP AS OF
 * ...}: Calcite's {@link SqlSnapshot}, so that the validator and SqlToRel treat it as FOR
 * SYSTEM_TIME AS OF and plan a Snapshot rel over the scan, with a {@link TimeTravelOperator} call
 * as its period. It writes the clause back as it was typed, because a view's query is stored
 * unparsed and must parse again to the same thing.
 *
 * <p>Public only for the generated parser.
 */
public final class SqlTimeTravel extends SqlSnapshot {
  private SqlTimeTravel(SqlParserPos pos, SqlNode tableRef, SqlNode period) {
    super(pos, tableRef, period);
  }

  /** {@code tableRef} read at the version the clause of {@code operator} names. */
  public static SqlTimeTravel of(SqlParserPos pos, SqlNode tableRef, TimeTravelOperator operator,
      SqlNode expression) {
    return new SqlTimeTravel(pos, tableRef, operator.createCall(pos, expression));
  }

  /** The time-travel function of a snapshot's period, or null if it is Calcite's own period. */
  static TimeTravelOperator operator(SqlSnapshot snapshot) {
    return snapshot.getPeriod() instanceof SqlCall call
        && call.getOperator() instanceof TimeTravelOperator operator ? operator : null;
  }

  /**
   * The table's own name where the validator pinned it to the version's columns ({@link
   * VersionPinning}): the text must read the same when a view's query is parsed again.
   */
  private static SqlNode unpinned(SqlNode table) {
    if (table instanceof SqlIdentifier identifier) {
      String base = VersionPins.baseName(Util.last(identifier.names));
      if (base != null) {
        List<String> names = new ArrayList<>(identifier.names);
        names.set(names.size() - 1, base);
        return new SqlIdentifier(names, identifier.getParserPosition());
      }
    }
    return table;
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    TimeTravelOperator operator = operator(this);
    if (operator == null) {
      super.unparse(writer, leftPrec, rightPrec);
      return;
    }
    // The validator names every table, so the table reference may be "t AS t"; the alias goes
    // after the clause, where the grammar reads it.
    SqlNode table = getTableRef();
    SqlNode alias = null;
    if (table.getKind() == SqlKind.AS) {
      alias = ((SqlCall) table).operand(1);
      table = ((SqlCall) table).operand(0);
    }
    unpinned(table).unparse(writer, 0, 0);
    writer.keyword(operator.clause());
    ((SqlCall) getPeriod()).operand(0).unparse(writer, 0, 0);
    if (alias != null) {
      writer.keyword("AS");
      alias.unparse(writer, 0, 0);
    }
  }
}
