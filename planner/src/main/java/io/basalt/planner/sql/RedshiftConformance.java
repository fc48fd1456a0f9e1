package io.basalt.planner.sql;

import org.apache.calcite.sql.validate.SqlConformance;
import org.apache.calcite.sql.validate.SqlConformanceEnum;
import org.apache.calcite.sql.validate.SqlDelegatingConformance;

/**
 * Babel's lenient SQL (GROUP BY and ORDER BY on output aliases, LIMIT, lateral aliases) but with
 * Redshift's strict grouping: a selected column must be grouped or aggregated (42803).
 */
final class RedshiftConformance extends SqlDelegatingConformance {
  static final SqlConformance INSTANCE = new RedshiftConformance();

  private RedshiftConformance() {
    super(SqlConformanceEnum.BABEL);
  }

  @Override
  public boolean isNonStrictGroupBy() {
    return false;
  }
}
