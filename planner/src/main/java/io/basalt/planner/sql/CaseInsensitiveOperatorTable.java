package io.basalt.planner.sql;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.SqlSyntax;
import org.apache.calcite.sql.validate.SqlNameMatcher;
import org.apache.calcite.sql.validate.SqlNameMatchers;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Looks up built-in functions ignoring case, whatever the session's identifier rules.
 *
 * <p>The parser folds unquoted names to lower case, so {@code nvl(a, b)} asks for "nvl"; with
 * case-sensitive identifiers Calcite would then miss its "NVL". Redshift's function names are
 * case-insensitive, so wrap the built-in operator table (not the catalog's user functions) in
 * this.
 */
public final class CaseInsensitiveOperatorTable implements SqlOperatorTable {
  private final SqlOperatorTable delegate;

  private CaseInsensitiveOperatorTable(SqlOperatorTable delegate) {
    this.delegate = requireNonNull(delegate, "delegate is null");
  }

  /** Wraps {@code delegate} so that its operators are found whatever their case. */
  public static SqlOperatorTable of(SqlOperatorTable delegate) {
    return new CaseInsensitiveOperatorTable(delegate);
  }

  @Override public void lookupOperatorOverloads(SqlIdentifier opName,
      @Nullable SqlFunctionCategory category, SqlSyntax syntax, List<SqlOperator> operatorList,
      SqlNameMatcher nameMatcher) {
    int before = operatorList.size();
    delegate.lookupOperatorOverloads(opName, category, syntax, operatorList,
        SqlNameMatchers.withCaseSensitive(false));
    List<SqlOperator> found = operatorList.subList(before, operatorList.size());
    // GREATEST and LEAST exist in Oracle's form (NULL if any argument is NULL) and PostgreSQL's
    // (NULLs ignored); Redshift's is PostgreSQL's.
    if (found.stream()
        .anyMatch(op -> op.kind == SqlKind.GREATEST_PG || op.kind == SqlKind.LEAST_PG)) {
      found.removeIf(op -> op.kind == SqlKind.GREATEST || op.kind == SqlKind.LEAST);
    }
  }

  @Override public List<SqlOperator> getOperatorList() {
    return delegate.getOperatorList();
  }
}
