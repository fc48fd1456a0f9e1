package io.basalt.planner.sql;

import io.basalt.planner.catalog.VersionPins;
import io.basalt.planner.source.TableVersion;
import io.basalt.planner.source.VersionedSourceTable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.calcite.schema.Table;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlDateLiteral;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNumericLiteral;
import org.apache.calcite.sql.SqlSnapshot;
import org.apache.calcite.sql.SqlTimestampLiteral;
import org.apache.calcite.sql.SqlUnknownLiteral;
import org.apache.calcite.sql.SqlWith;
import org.apache.calcite.sql.SqlWithItem;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.util.SqlBasicVisitor;
import org.apache.calcite.sql.validate.SqlValidatorCatalogReader;
import org.apache.calcite.sql.validate.SqlValidatorTable;
import org.apache.calcite.util.DateString;
import org.apache.calcite.util.TimestampString;
import org.apache.calcite.util.Util;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Before validation, renames each table read at a literal version whose columns were different
 * then ({@code orders FOR VERSION AS OF 1}, after a column was dropped, say) to its pinned name
 * ({@link VersionPins}), aliased by its own name, so that the validator types the old columns:
 * {@code orders@v1 AS orders FOR VERSION AS OF 1}. Tables whose columns did not change are left
 * as they are. A version given by an expression or a parameter is only known when the query
 * runs, so such a read keeps the current columns.
 */
final class VersionPinning extends SqlBasicVisitor<Void> {
  private final SqlValidatorCatalogReader catalogReader;
  /** Names of WITH queries: a snapshot of one of them is not of a table (and is refused). */
  private final Set<String> withNames = new HashSet<>();

  private VersionPinning(SqlValidatorCatalogReader catalogReader) {
    this.catalogReader = catalogReader;
  }

  /** Pins, in place, every time-travel read in {@code node} that needs it. */
  static void pin(SqlNode node, SqlValidatorCatalogReader catalogReader) {
    node.accept(new VersionPinning(catalogReader));
  }

  @Override
  public Void visit(SqlCall call) {
    if (call instanceof SqlWith with) {
      for (SqlNode item : with.withList) {
        withNames.add(((SqlWithItem) item).name.getSimple().toLowerCase(Locale.ROOT));
      }
    }
    if (call instanceof SqlSnapshot snapshot) {
      pin(snapshot);
    }
    return super.visit(call);
  }

  private void pin(SqlSnapshot snapshot) {
    TimeTravelOperator operator = SqlTimeTravel.operator(snapshot);
    if (operator == null || !(snapshot.getTableRef() instanceof SqlIdentifier identifier)
        || identifier.isStar()
        || identifier.names.size() == 1
            && withNames.contains(identifier.getSimple().toLowerCase(Locale.ROOT))) {
      return;
    }
    TableVersion version = literalVersion(operator, ((SqlCall) snapshot.getPeriod()).operand(0));
    SqlValidatorTable table = version == null ? null : catalogReader.getTable(identifier.names);
    VersionedSourceTable versioned = table == null ? null
        : table.unwrap(VersionedSourceTable.class);
    if (versioned == null) {
      return;
    }
    Table pinned = versioned.atVersion(version);
    if (pinned == versioned) {
      return;
    }
    List<String> names = new ArrayList<>(table.getQualifiedName());
    names.set(names.size() - 1, VersionPins.name(Util.last(names), version));
    SqlIdentifier pinnedName = new SqlIdentifier(names, identifier.getParserPosition());
    SqlIdentifier alias = new SqlIdentifier(Util.last(identifier.names),
        identifier.getParserPosition());
    snapshot.setOperand(0,
        SqlStdOperatorTable.AS.createCall(identifier.getParserPosition(), pinnedName, alias));
  }

  /** The version a literal names; null for anything else, which is evaluated when it runs. */
  private static @Nullable TableVersion literalVersion(TimeTravelOperator operator, SqlNode operand) {
    // The parser leaves typed literals (TIMESTAMP '...') untyped until validation.
    if (operand instanceof SqlUnknownLiteral typed) {
      try {
        operand = typed.resolve(SqlTypeName.lookup(typed.tag));
      } catch (RuntimeException e) {
        return null; // Validation reports the malformed literal.
      }
    }
    if (operator.takesSnapshotId()) {
      if (operand instanceof SqlCharStringLiteral name) {
        return TableVersion.ofRef(name.toValue());
      }
      if (!(operand instanceof SqlNumericLiteral number) || !number.isInteger()) {
        return null; // Validation refuses what is no snapshot id.
      }
      try {
        return TableVersion.ofSnapshot(number.bigDecimalValue().longValueExact());
      } catch (ArithmeticException e) {
        return null;
      }
    }
    if (operand instanceof SqlTimestampLiteral timestamp) {
      return TableVersion.asOf(
          timestamp.getValueAs(TimestampString.class).getMillisSinceEpoch());
    } else if (operand instanceof SqlDateLiteral date) {
      return TableVersion.asOf(date.getValueAs(DateString.class).getMillisSinceEpoch());
    } else if (operand instanceof SqlCharStringLiteral text) {
      try {
        return TableVersion.asOf(TimeTravelOperator.parseInstant(text.toValue()));
      } catch (RuntimeException e) {
        return null; // Validation reports the string that is no timestamp.
      }
    }
    return null;
  }
}
