package io.basalt.federation.iceberg;

import static io.basalt.federation.iceberg.IcebergDml.cast;
import static io.basalt.federation.iceberg.IcebergDml.quote;

import io.basalt.federation.lake.InsertConversion;
import io.basalt.planner.catalog.StatementEnvironment;
import io.basalt.planner.catalog.StatementEnvironment.PlannedQuery;
import io.basalt.planner.catalog.StatementEnvironment.QualifiedName;
import io.basalt.planner.sql.SqlBasaltMerge;
import io.basalt.planner.sql.SqlMergeClause;
import io.basalt.storage.ColumnDefinition;
import io.basalt.storage.StorageException;
import io.basalt.storage.TypeName;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlUtil;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;

/**
 * MERGE INTO an Iceberg table, planned as one query: the source joined to the target's rows at
 * one snapshot (with their files and positions) on the ON condition, a LEFT JOIN when a clause
 * inserts. For each joined row the query picks the clause that applies with a CASE over the
 * clauses' conditions in the order written (a pair is matched when it has a target row), and
 * computes the row that clause writes with a CASE over the same conditions, so that a clause's
 * values are computed only on the rows it applies to. The rows then stream into the change set
 * and the data-file writer, and {@link IcebergCommits} commits the whole MERGE as one snapshot,
 * in the table's {@code write.merge.mode}.
 */
final class IcebergMerge {
  private static final String NO_CLAUSE = "-1";

  /** A WHEN clause with the SQL that picks it and the values of the row it writes by column. */
  private record Clause(SqlMergeClause node, String guard, Map<String, String> values) {}

  private final Table table;
  private final QualifiedName name;
  private final String alias;
  private final StatementEnvironment env;
  private final List<ColumnDefinition> columns;
  private final String action;
  private final String file;

  IcebergMerge(Table table, QualifiedName name, String alias, StatementEnvironment env) {
    this.table = table;
    this.name = name;
    this.alias = alias;
    this.env = env;
    this.columns = IcebergTypes.columns(table.schema(), name.toString());
    this.action = "Cannot merge into Iceberg table '" + name + "': ";
    this.file = quote(alias) + "." + quote(IcebergTableSource.FILE_COLUMN);
  }

  /** Runs the MERGE; the number of rows it inserted, updated and deleted. */
  long run(SqlBasaltMerge merge) {
    Snapshot base = table.currentSnapshot();
    List<Clause> clauses = new ArrayList<>();
    for (SqlMergeClause clause : merge.whenClauses()) {
      clauses.add(clause(clause));
    }
    boolean inserts = clauses.stream().anyMatch(c -> !c.node().action.matched());
    String from = env.sql(merge.source) + (inserts ? " LEFT JOIN " : " JOIN ")
        + targetRows(base) + " ON " + env.sql(merge.condition);
    checkConditions(merge.whenClauses(), from);
    List<String> select = new ArrayList<>();
    for (ColumnDefinition column : columns) {
      select.add(value(column, clauses));
    }
    select.add(IcebergDml.positionColumns(alias));
    select.add(chosenClause(clauses));
    String query = "SELECT " + String.join(", ", select) + " FROM " + from;
    RowChangeSet changes = new RowChangeSet(name.toString());
    IcebergWrites.RowWriter writer = IcebergDml.writer(table, name, env);
    long changed = collect(query, clauses, changes, writer);
    IcebergCommits.commit(table, base, changes, writer, IcebergCommits.MERGE_MODE, name, env);
    return changed;
  }

  /**
   * Streams the query's rows: each that a clause applies to removes its target row (UPDATE,
   * DELETE) and writes its new row (UPDATE, INSERT); a matched row no clause applies to is kept,
   * and counts as matched. The number of rows changed; a failure deletes what was written.
   */
  private long collect(String query, List<Clause> clauses, RowChangeSet changes,
      IcebergWrites.RowWriter writer) {
    int width = columns.size();
    long[] changed = {0};
    try {
      PlannedQuery rows = env.plan(query);
      UnaryOperator<Object[]> convert = InsertConversion.converter(
          rows.columns().subList(0, width), columns);
      rows.forEachRow(row -> {
        String dataFile = (String) row[width];
        int chosen = ((Number) row[width + 2]).intValue();
        if (chosen < 0) {
          if (dataFile != null) {
            changes.keep(dataFile, ((Number) row[width + 1]).longValue());
          }
          return;
        }
        SqlMergeClause.Action clause = clauses.get(chosen).node().action;
        if (clause.matched()) {
          changes.remove(dataFile, ((Number) row[width + 1]).longValue());
        }
        if (clause != SqlMergeClause.Action.DELETE) {
          writer.write(convert.apply(Arrays.copyOf(row, width)));
        }
        changed[0]++;
      });
    } catch (RuntimeException | Error e) {
      writer.abort();
      throw e;
    }
    return changed[0];
  }

  /** The target's rows, or no rows for a table never written. */
  private String targetRows(Snapshot base) {
    return base == null
        ? "(SELECT * FROM " + quote(name.schema()) + "." + quote(name.name()
            + IcebergTables.ROW_POSITIONS) + " WHERE FALSE) AS " + quote(alias)
        : IcebergDml.positions(name, base, alias);
  }

  private Clause clause(SqlMergeClause clause) {
    String guard = file + (clause.action.matched() ? " IS NOT NULL" : " IS NULL");
    if (clause.condition != null && SqlUtil.isNullLiteral(clause.condition, false)) {
      // AND NULL is never true; Calcite would refuse NULL IS TRUE for an untyped NULL.
      guard = "FALSE";
    } else if (clause.condition != null) {
      guard += " AND (" + env.sql(clause.condition) + ") IS TRUE";
    }
    Map<String, String> values = switch (clause.action) {
      case UPDATE -> assignments(clause);
      case INSERT -> insertValues(clause);
      case DELETE -> Map.of();
    };
    return new Clause(clause, guard, values);
  }

  /** UPDATE SET's values by column; a column may be qualified by the target's alias. */
  private Map<String, String> assignments(SqlMergeClause clause) {
    Map<String, String> values = new HashMap<>();
    SqlNodeList targets = clause.columns;
    for (int i = 0; i < targets.size(); i++) {
      SqlIdentifier target = (SqlIdentifier) targets.get(i);
      boolean qualified = target.names.size() == 2 && target.names.get(0).equals(alias);
      if (target.names.size() != 1 && !qualified) {
        throw new StorageException("42703", action + "UPDATE SET names \"" + target
            + "\", which is not a column of the target" + at(target.getParserPosition()));
      }
      String column = column(target.names.get(target.names.size() - 1));
      if (values.put(column, "(" + env.sql(clause.values.get(i)) + ")") != null) {
        throw new StorageException("42601", action + "UPDATE SET assigns column \"" + column
            + "\" more than once" + at(target.getParserPosition()));
      }
    }
    return values;
  }

  /** INSERT's values by column (every column in order when it lists none). */
  private Map<String, String> insertValues(SqlMergeClause clause) {
    List<String> names = new ArrayList<>();
    if (clause.columns == null) {
      columns.forEach(c -> names.add(c.name()));
    } else {
      clause.columns.forEach(n -> names.add(column(((SqlIdentifier) n).getSimple())));
    }
    if (names.size() != clause.values.size()) {
      throw new StorageException("42601", action + "INSERT names " + names.size()
          + " columns but gives " + clause.values.size() + " values"
          + at(clause.getParserPosition()));
    }
    Map<String, String> values = new HashMap<>();
    for (int i = 0; i < names.size(); i++) {
      if (values.put(names.get(i), "(" + env.sql(clause.values.get(i)) + ")") != null) {
        throw new StorageException("42601", action + "INSERT lists column \"" + names.get(i)
            + "\" more than once" + at(clause.getParserPosition()));
      }
    }
    return values;
  }

  /** A target column by the name a statement gives it (42703 when there is none). */
  private String column(String given) {
    String column = given.toLowerCase(Locale.ROOT);
    if (columns.stream().noneMatch(c -> c.name().equals(column))) {
      throw new StorageException("42703", action + "column \"" + column + "\" does not exist");
    }
    return column;
  }

  /**
   * Checks that every clause's condition is a boolean, by planning (not running) a query of the
   * conditions over the joined rows; an unknown column in one fails here too, as it would later.
   */
  private void checkConditions(List<SqlMergeClause> clauses, String from) {
    List<Integer> checked = new ArrayList<>();
    List<String> select = new ArrayList<>();
    for (int i = 0; i < clauses.size(); i++) {
      SqlNode condition = clauses.get(i).condition;
      if (condition != null && !SqlUtil.isNullLiteral(condition, false)) {
        checked.add(i);
        select.add("(" + env.sql(condition) + ")");
      }
    }
    if (checked.isEmpty()) {
      return;
    }
    PlannedQuery types = env.plan("SELECT " + String.join(", ", select) + " FROM " + from
        + " WHERE FALSE");
    for (int k = 0; k < checked.size(); k++) {
      ColumnDefinition type = types.columns().get(k);
      if (type.type().name() != TypeName.BOOLEAN) {
        SqlMergeClause clause = clauses.get(checked.get(k));
        throw new StorageException("42804", action + "the condition of WHEN clause "
            + (checked.get(k) + 1) + " (" + clause.heading() + ") is of type "
            + type.type().sqlName() + ", not boolean"
            + at(clause.condition.getParserPosition()));
      }
    }
  }

  /**
   * The row a column gets: a CASE over the clauses in order, each giving its value (the target's
   * for a column an UPDATE leaves alone, NULL for one an INSERT does not list); trailing
   * clauses that keep the target's value are left to the ELSE.
   */
  private String value(ColumnDefinition column, List<Clause> clauses) {
    String target = quote(alias) + "." + quote(column.name());
    List<String> branches = new ArrayList<>();
    int last = -1;
    for (Clause clause : clauses) {
      String value = clause.values().get(column.name());
      if (value == null) {
        value = clause.node().action == SqlMergeClause.Action.INSERT ? "NULL" : target;
      }
      if (!value.equals(target)) {
        last = branches.size();
      }
      branches.add(" WHEN " + clause.guard() + " THEN " + cast(value, column));
    }
    String kept = cast(target, column);
    if (last < 0) {
      return kept;
    }
    return "CASE" + String.join("", branches.subList(0, last + 1)) + " ELSE " + kept + " END";
  }

  /** The number of the first clause whose guard holds, or -1 when none does. */
  private static String chosenClause(List<Clause> clauses) {
    StringBuilder chosen = new StringBuilder("CASE");
    for (int i = 0; i < clauses.size(); i++) {
      chosen.append(" WHEN ").append(clauses.get(i).guard()).append(" THEN ").append(i);
    }
    return chosen.append(" ELSE ").append(NO_CLAUSE).append(" END").toString();
  }

  private static String at(SqlParserPos pos) {
    return " (line " + pos.getLineNum() + ", column " + pos.getColumnNum() + ")";
  }
}
