package io.basalt.planner.catalog;

import io.basalt.planner.CopyTarget;
import io.basalt.planner.sql.SqlCopy;
import io.basalt.storage.ColumnDefinition;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.apache.calcite.sql.SqlIdentifier;

/**
 * What the planner lends an {@link ExternalCatalog} executing a statement: name resolution in
 * the session's search path, a way to run a query and stream its rows, COPY's file loading,
 * the statement's query id and cancel flag.
 */
public interface StatementEnvironment {
  /** A table or schema name as the session resolves it: schema and object, lower case. */
  record QualifiedName(String schema, String name) {
    @Override
    public String toString() {
      return schema + "." + name;
    }
  }

  /** Resolves {@code schema.name} or {@code name} against the search path. */
  QualifiedName qualify(SqlIdentifier identifier);

  /** A planned query: the columns it returns and a way to run it once. */
  interface PlannedQuery {
    List<ColumnDefinition> columns();

    /** Runs the query, handing each row (storage representation) to {@code sink}; the count. */
    long forEachRow(Consumer<Object[]> sink);
  }

  /** A parsed node as SQL text that plans the same way (e.g. the query of an INSERT). */
  String sql(org.apache.calcite.sql.SqlNode node);

  /** The storage type a column declaration's type names (SQLSTATE 0A000 when unsupported). */
  io.basalt.storage.ColumnType columnType(org.apache.calcite.sql.SqlDataTypeSpec type,
      String column);

  /** Plans {@code sql} (a query) in this session. */
  PlannedQuery plan(String sql);

  /**
   * Runs {@code copy} into {@code target}, a table the catalog keeps: the source is listed,
   * read and converted as for a native table (every format and option, MAXERROR, rejected rows
   * in STL_LOAD_ERRORS, cancel), and the target's writer is committed once, only when the whole
   * load succeeds. The rows loaded.
   */
  long copy(SqlCopy copy, CopyTarget target);

  /** The id this statement has in system tables. */
  long queryId();

  BooleanSupplier canceled();

  /** The session's user. */
  String user();
}
