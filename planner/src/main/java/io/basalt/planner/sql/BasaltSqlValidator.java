package io.basalt.planner.sql;

import io.basalt.planner.source.SourceTable;
import io.basalt.planner.source.VersionedSourceTable;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.SqlSnapshot;
import org.apache.calcite.sql.validate.SqlValidatorCatalogReader;
import org.apache.calcite.sql.validate.SqlValidatorImpl;
import org.apache.calcite.sql.validate.SqlValidatorNamespace;
import org.apache.calcite.sql.validate.SqlValidatorScope;
import org.apache.calcite.sql.validate.SqlValidatorTable;

/**
 * Calcite's validator, with time travel checked against the table first: only a table whose
 * source {@link io.basalt.planner.source.TableSource#supportsVersions} may be read FOR VERSION
 * or FOR TIMESTAMP AS OF. Calcite's own check would reject the others too, but its message
 * names neither the schema nor the clause and speaks of SQL:2011 temporal tables; and it lets a
 * WITH query through, to be rejected later without a position. Its configuration offers no hook
 * for this, hence the subclass; it also pins tables read at an old version to that version's
 * columns before validating.
 */
final class BasaltSqlValidator extends SqlValidatorImpl {
  BasaltSqlValidator(SqlOperatorTable operators, SqlValidatorCatalogReader catalogReader,
      RelDataTypeFactory typeFactory, Config config) {
    super(operators, catalogReader, typeFactory, config);
  }

  /**
   * Validates {@code topNode} after renaming the tables it reads at an old version whose
   * columns were different then ({@link VersionPinning}).
   */
  @Override
  public SqlNode validate(SqlNode topNode) {
    VersionPinning.pin(topNode, getCatalogReader());
    return super.validate(topNode);
  }

  @Override
  public void validateQuery(SqlNode node, SqlValidatorScope scope, RelDataType targetRowType) {
    if (node instanceof SqlSnapshot snapshot && SqlTimeTravel.operator(snapshot) != null) {
      SqlValidatorNamespace namespace = getNamespace(node);
      if (namespace != null) {
        // Resolves the table; validating it again in super.validateQuery does nothing.
        validateNamespace(namespace, targetRowType);
        requireVersions(snapshot, namespace.getTable());
      }
    }
    super.validateQuery(node, scope, targetRowType);
  }

  private static void requireVersions(SqlSnapshot snapshot, SqlValidatorTable table) {
    SourceTable sourceTable = table == null ? null : table.unwrap(SourceTable.class);
    if (sourceTable != null && sourceTable.source().supportsVersions()) {
      if (!(sourceTable instanceof VersionedSourceTable)) {
        throw new IllegalStateException("The table of " + sourceTable.source().name()
            + " has versions but does not implement VersionedSourceTable");
      }
      return;
    }
    String name;
    if (sourceTable != null) {
      name = "table \"" + sourceTable.source().name() + "\"";
    } else if (table != null) {
      name = "table \"" + String.join(".", table.getQualifiedName()) + "\"";
    } else {
      // A WITH query, named as written (the validator has made "c" into "c AS c").
      SqlNode ref = snapshot.getTableRef();
      name = "\"" + (ref.getKind() == SqlKind.AS ? ((SqlCall) ref).operand(0) : ref) + "\"";
    }
    throw TimeTravelOperator.at(snapshot.getPeriod().getParserPosition(), "0A000",
        "Cannot use " + SqlTimeTravel.operator(snapshot).clause() + " on " + name
            + ": only Iceberg tables have versions");
  }
}
