package io.basalt.planner.source;

import io.basalt.storage.ColumnDefinition;
import java.util.List;
import org.apache.calcite.sql.SqlDialect;

/**
 * A database that runs SQL statements the planner writes in its dialect: the tables of one
 * {@link SqlPushdown} source may be filtered, projected, aggregated, sorted and joined in one
 * remote statement. Two tables may be joined remotely only when their sources are the same
 * object (identity, not equality: two schemas on one server are two sources).
 */
public interface SqlSource {
  /** The source's name in EXPLAIN and messages, e.g. the federated schema {@code pg}. */
  String name();

  /** The dialect the planner writes the remote statement in. */
  SqlDialect dialect();

  /**
   * Whether the source compares, groups and joins strings as Basalt does (byte for byte, case
   * sensitive). MySQL's default collations ignore case and trailing spaces: no string
   * comparison, string grouping or string join goes to such a source.
   */
  boolean comparesStringsExactly();

  /**
   * The table whose rows are the result of {@code sql}, a SELECT in {@link #dialect} over this
   * source's tables named {@code tables} there (the last part of each {@link
   * SqlPushdown#remoteName}, for messages and system tables), with {@code columns} as its result
   * columns in order. Its scans send the statement as it is, and read every column.
   */
  TableSource query(String sql, List<String> tables, List<ColumnDefinition> columns);
}
