package io.basalt.planner.ddl;

import io.basalt.planner.catalog.CatalogServices;
import io.basalt.planner.catalog.TableLocks;
import io.basalt.planner.catalog.TypeMapping;
import io.basalt.storage.ColumnDefinition;
import io.basalt.storage.StorageEngine;
import io.basalt.storage.StorageException;
import io.basalt.storage.TableDefinition;
import io.basalt.storage.TypeName;
import io.basalt.storage.WriteMode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlDelete;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlUpdate;
import org.apache.calcite.sql.type.SqlTypeUtil;

/**
 * INSERT, UPDATE and DELETE, planned when the statement is prepared. Each is a query that
 * Calcite plans and runs: INSERT's
 * rows are appended; UPDATE and DELETE compute the table's new contents and replace them in one
 * commit, holding the table's write lock, so a failure at any point leaves the table unchanged.
 */
final class RowChanges {
  private final CatalogServices services;
  private final StorageEngine storage;
  private final Names names;
  private final QueryRunner queries;

  RowChanges(CatalogServices services, Names names, QueryRunner queries) {
    this.services = services;
    this.storage = services.storage();
    this.names = names;
    this.queries = queries;
  }

  /** INSERT: the source, cast to the columns' types, appended in one commit. */
  StatementWork insert(SqlInsert insert) {
    TableDefinition table = target(insert.getTargetTable(), "insert into");
    List<Integer> targets = targetColumns(table, insert.getTargetColumnList());
    SqlNode sourceNode = Parameters.typeValuesParameters(insert.getSource(), table, targets);
    String source = Sql.unparse(sourceNode);
    RelDataType sourceType = queries.plan(source).rowType();
    int given = sourceType.getFieldCount();
    if (given != targets.size()) {
      throw new StorageException("42601", "Cannot insert into \"" + table.schema() + "."
          + table.name() + "\": INSERT has " + (given > targets.size() ? "more" : "fewer")
          + " expressions (" + given + ") than target columns (" + targets.size() + ")");
    }
    List<String> aliases = new ArrayList<>();
    for (int i = 0; i < given; i++) {
      aliases.add(Names.quote("c" + i));
    }
    List<String> select = new ArrayList<>();
    for (int c = 0; c < table.columns().size(); c++) {
      ColumnDefinition column = table.columns().get(c);
      int position = targets.indexOf(c);
      if (position < 0) {
        select.add("CAST(NULL AS " + TypeMapping.castTarget(column.type()) + ")");
      } else {
        RelDataType type = sourceType.getFieldList().get(position).getType();
        select.add(cast(aliases.get(position), column, type));
      }
    }
    QueryRunner.Planned rows = queries.plan("SELECT " + String.join(", ", select) + " FROM ("
        + source + ") AS " + Names.quote("$source") + " (" + String.join(", ", aliases) + ")");
    return new StatementWork(rows.parameters(), dataContext -> {
      try (TableLocks.Held held = services.tableLocks().lock(table.schema(), table.name());
          RoutedWriter writer = writer(table, WriteMode.APPEND)) {
        long count = rows.forEachRow(dataContext, writer::append);
        writer.commit();
        return count;
      }
    });
  }

  /**
   * UPDATE: one query yields, per row, the new values of the SET columns, whether the WHERE
   * condition holds, and the old values; the table is rewritten from it in one commit. The SET
   * expressions come before the condition, as in the statement, so that parameters keep their
   * order.
   */
  StatementWork update(SqlUpdate update) {
    TableDefinition table = target(update.getTargetTable(), "update");
    // The rows are read through a derived table named as the statement names the target, with
    // the WHERE condition evaluated once per row as a column; SET expressions are computed only
    // where it holds (an expression that fails on other rows must not fail the statement).
    String aliasName = update.getAlias() != null ? update.getAlias().getSimple() : table.name();
    Names.Qualified qualified = new Names.Qualified(table.schema(), table.name());
    String alias = Names.quote(aliasName);
    String hit = alias + "." + Names.quote("$basalt_hit");
    String condition = update.getCondition() == null ? "TRUE" : "(" + Sql.unparse(
        Names.withTableAlias(update.getCondition(), qualified, aliasName)) + ") IS TRUE";
    String source = "(SELECT " + alias + ".*, " + condition + " AS " + Names.quote("$basalt_hit")
        + " FROM " + Names.quote(table.schema()) + "." + Names.quote(table.name()) + " AS "
        + alias + ") AS " + alias;
    List<Integer> targets = targetColumns(table, update.getTargetColumnList());
    List<String> select = new ArrayList<>();
    for (int i = 0; i < targets.size(); i++) {
      ColumnDefinition column = table.columns().get(targets.get(i));
      SqlNode value = Parameters.typeArithmeticParameters(Parameters.typeParameter(
          Names.withTableAlias(update.getSourceExpressionList().get(i), qualified, aliasName),
          column.type()), column.type());
      String text = "(" + Sql.unparse(value) + ")";
      // Calcite cannot type a parameter that is still untyped inside a CAST's operand; such a
      // value is brought to the column's type by ValueCoercion instead.
      String typed = Parameters.containsNestedParameter(value) ? text : castText(text, column);
      select.add("CASE WHEN " + hit + " THEN " + typed + " END");
    }
    select.add(hit);
    for (ColumnDefinition column : table.columns()) {
      select.add(alias + "." + Names.quote(column.name()));
    }
    QueryRunner.Planned rows = queries.plan("SELECT " + String.join(", ", select) + " FROM "
        + source);
    int width = table.columns().size();
    int hitColumn = targets.size();
    return new StatementWork(rows.parameters(), dataContext -> {
      AtomicLong changed = new AtomicLong();
      try (TableLocks.Held held = services.tableLocks().lock(table.schema(), table.name());
          RoutedWriter writer = writer(table, WriteMode.REPLACE)) {
        rows.forEachRow(dataContext, row -> {
          Object[] values = new Object[width];
          System.arraycopy(row, hitColumn + 1, values, 0, width);
          if (Boolean.TRUE.equals(row[hitColumn])) {
            for (int i = 0; i < targets.size(); i++) {
              values[targets.get(i)] = row[i];
            }
            changed.incrementAndGet();
          }
          writer.append(values);
        });
        writer.commit();
      }
      return changed.get();
    });
  }

  /** DELETE: the rows that do not match are kept, replacing the table in one commit. */
  StatementWork delete(SqlDelete delete) {
    TableDefinition table = target(delete.getTargetTable(), "delete from");
    if (delete.getCondition() == null) {
      return new StatementWork(List.of(), dataContext -> {
        try (TableLocks.Held held = services.tableLocks().lock(table.schema(), table.name())) {
          long before = storage.snapshot(table.schema(), table.name()).stats().rowCount();
          storage.truncate(table.schema(), table.name());
          return before;
        }
      });
    }
    QueryRunner.Planned rows = queries.plan("SELECT * FROM " + from(table, delete.getAlias())
        + " WHERE (" + Sql.unparse(delete.getCondition()) + ") IS NOT TRUE");
    return new StatementWork(rows.parameters(), dataContext -> {
      try (TableLocks.Held held = services.tableLocks().lock(table.schema(), table.name());
          RoutedWriter writer = writer(table, WriteMode.REPLACE)) {
        long before = storage.snapshot(table.schema(), table.name()).stats().rowCount();
        long kept = rows.forEachRow(dataContext, writer::append);
        writer.commit();
        return before - kept;
      }
    });
  }

  private RoutedWriter writer(TableDefinition table, WriteMode mode) {
    return new RoutedWriter(storage.newWriter(table.schema(), table.name(), mode), table,
        services.slices());
  }

  private TableDefinition target(SqlNode node, String action) {
    Names.Qualified name = names.qualify((SqlIdentifier) node);
    return storage.table(name.schema(), name.name()).orElseThrow(() -> {
      if (storage.view(name.schema(), name.name()).isPresent()) {
        return new StorageException("42809", "Cannot " + action + " \"" + name
            + "\": it is a view");
      }
      return new StorageException("42P01", "Cannot " + action + " \"" + name
          + "\": relation \"" + name + "\" does not exist");
    });
  }

  private static String from(TableDefinition table, SqlIdentifier alias) {
    String from = Names.quote(table.schema()) + "." + Names.quote(table.name());
    return alias == null ? from : from + " AS " + Names.quote(alias.getSimple());
  }

  /** Positions of the named target columns in the table (all columns when none are named). */
  private static List<Integer> targetColumns(TableDefinition table, SqlNodeList list) {
    List<Integer> positions = new ArrayList<>();
    if (list == null || list.isEmpty()) {
      for (int i = 0; i < table.columns().size(); i++) {
        positions.add(i);
      }
      return positions;
    }
    for (SqlNode node : list) {
      SqlIdentifier identifier = (SqlIdentifier) node;
      String column = identifier.names.get(identifier.names.size() - 1);
      int index = table.columnIndex(column);
      if (index < 0) {
        throw new StorageException("42703", "Cannot write column \"" + column + "\" of \""
            + table.schema() + "." + table.name() + "\": column does not exist (line "
            + identifier.getParserPosition().getLineNum() + ", column "
            + identifier.getParserPosition().getColumnNum() + ")");
      }
      if (positions.contains(index)) {
        throw new StorageException("42701", "Cannot write column \"" + column
            + "\" twice in one statement");
      }
      positions.add(index);
    }
    return positions;
  }

  /**
   * Strings are not cast: a CAST to VARCHAR(n) would silently truncate, and the store rejects a
   * value that is too long with a clear error instead. Numbers are not cast either.
   */
  private static String cast(String expression, ColumnDefinition column, RelDataType source) {
    boolean stringColumn = column.type().name() == TypeName.VARCHAR
        || column.type().name() == TypeName.CHAR;
    if (stringColumn && SqlTypeUtil.inCharFamily(source)) {
      return expression;
    }
    if (isNumeric(column) && SqlTypeUtil.isNumeric(source)) {
      // Calcite's CAST truncates extra digits; Redshift rounds them, as ValueCoercion does.
      return expression;
    }
    return castText(expression, column);
  }

  private static boolean isNumeric(ColumnDefinition column) {
    return switch (column.type().name()) {
      case SMALLINT, INTEGER, BIGINT, DECIMAL, REAL, DOUBLE -> true;
      default -> false;
    };
  }

  private static String castText(String expression, ColumnDefinition column) {
    return "CAST(" + expression + " AS " + TypeMapping.castTarget(column.type()) + ")";
  }
}
