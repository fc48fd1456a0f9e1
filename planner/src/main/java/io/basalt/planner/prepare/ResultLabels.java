package io.basalt.planner.prepare;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.calcite.avatica.ColumnMetaData;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;

/**
 * Names result columns as Redshift does where Calcite would say {@code EXPR$n}: an unaliased
 * function call after the function ({@code count}, {@code sum}), a cast after what it casts,
 * anything else {@code ?column?}. Only the labels a client sees change, never the plan.
 */
final class ResultLabels {
  private static final Pattern CALCITE_NAME = Pattern.compile("EXPR\\$\\d+");
  static final String ANONYMOUS = "?column?";

  private ResultLabels() {}

  /** The columns with Redshift's labels, or the same list when nothing needs renaming. */
  static List<ColumnMetaData> relabel(SqlNode statement, List<ColumnMetaData> columns) {
    SqlNodeList items = selectList(statement);
    if (items == null || items.size() != columns.size()
        || items.stream().anyMatch(item -> item instanceof SqlIdentifier id && id.isStar())) {
      return columns;
    }
    List<ColumnMetaData> relabeled = new ArrayList<>(columns.size());
    boolean changed = false;
    for (int i = 0; i < columns.size(); i++) {
      ColumnMetaData column = columns.get(i);
      if (CALCITE_NAME.matcher(column.label).matches()) {
        relabeled.add(withLabel(column, name(items.get(i))));
        changed = true;
      } else {
        relabeled.add(column);
      }
    }
    return changed ? relabeled : columns;
  }

  private static SqlNodeList selectList(SqlNode statement) {
    SqlNode query = statement instanceof SqlOrderBy orderBy ? orderBy.query : statement;
    return query instanceof SqlSelect select ? select.getSelectList() : null;
  }

  static String name(SqlNode node) {
    if (node instanceof SqlIdentifier identifier) {
      return identifier.names.get(identifier.names.size() - 1);
    }
    if (node instanceof SqlCall call) {
      if (call.getKind() == SqlKind.CAST || call.getKind() == SqlKind.OVER) {
        return name(call.operand(0));
      }
      if (call.getOperator() instanceof SqlFunction function) {
        return function.getName().toLowerCase(Locale.ROOT);
      }
    }
    return ANONYMOUS;
  }

  private static ColumnMetaData withLabel(ColumnMetaData c, String label) {
    return new ColumnMetaData(c.ordinal, c.autoIncrement, c.caseSensitive, c.searchable,
        c.currency, c.nullable, c.signed, c.displaySize, label, label, c.schemaName,
        c.precision, c.scale, c.tableName, c.catalogName, c.type, c.readOnly, c.writable,
        c.definitelyWritable, c.columnClassName);
  }
}
