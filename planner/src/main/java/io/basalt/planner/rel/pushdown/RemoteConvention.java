package io.basalt.planner.rel.pushdown;

import static java.util.Objects.requireNonNull;

import io.basalt.planner.source.SqlSource;
import java.util.List;
import org.apache.calcite.adapter.jdbc.JdbcConvention;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptRule;

/**
 * The calling convention of one {@link SqlSource}'s tables: operators in it run in that
 * database. Calcite's JDBC adapter keys a convention by an expression that finds a data source in
 * generated code; Basalt's reach the database through the source's table-source seam instead,
 * so the expression is unused. The planner creates one per source for each planning ({@link
 * RemoteConventions}): two tables may be joined remotely exactly when their scans share it.
 */
public final class RemoteConvention extends JdbcConvention {
  private final SqlSource source;
  private List<RelOptRule> rules;

  RemoteConvention(SqlSource source, int ordinal) {
    // The name goes into rule descriptions, which allow only letters, digits and a little more.
    super(source.dialect(), Expressions.constant(null),
        source.name().replaceAll("[^A-Za-z0-9_]", "_") + "_" + ordinal);
    this.source = requireNonNull(source, "source is null");
  }

  public SqlSource source() {
    return source;
  }

  /** Adds the rules into this convention (Volcano calls it when it first meets the convention). */
  @Override
  public void register(RelOptPlanner planner) {
    if (rules == null) {
      rules = RemoteRules.rules(this);
    }
    rules.forEach(planner::addRule);
  }
}
