package io.basalt.planner.catalog;

import io.basalt.storage.ColumnDefinition;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.Table;
import org.apache.calcite.sql.SqlNode;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The catalog SPI through which tables that do not live in the native store join the database:
 * external schemas (the lake's Data Catalog, and later Iceberg and federated sources), the
 * statements that manage them, and their system tables. The federation module implements it;
 * the server passes the implementation in. Every table it returns implements {@link
 * io.basalt.planner.source.SourceTable}, so it plans and runs through the table-source seam.
 */
public interface ExternalCatalog {
  /** A catalog with no external schemas. */
  ExternalCatalog NONE = new ExternalCatalog() {
    @Override
    public Set<String> schemaNames() {
      return Set.of();
    }

    @Override
    public @Nullable Schema schema(String name) {
      return null;
    }

    @Override
    public Optional<ExternalStatement> statement(SqlNode statement, StatementEnvironment env) {
      return Optional.empty();
    }
  };

  /** The external schemas' names (lower case). */
  Set<String> schemaNames();

  /** The Calcite schema of an external schema, or null when there is none of that name. */
  @Nullable Schema schema(String name);

  /**
   * The statement, prepared, when this catalog owns it (its own statements, or DDL and DML aimed
   * at one of its tables or schemas); empty when the planner should execute it.
   */
  Optional<ExternalStatement> statement(SqlNode statement, StatementEnvironment env);

  /** A statement an external catalog executes. */
  interface ExternalStatement {
    /** The result set's columns, or null when the statement reports an update count. */
    default @Nullable List<ColumnDefinition> resultColumns() {
      return null;
    }

    /**
     * Whether the statement runs when executed and reports an update count (UNLOAD, INSERT,
     * MSCK REPAIR), rather than running as DDL when prepared.
     */
    default boolean reportsRowCount() {
      return false;
    }

    /** Runs the statement (once per execution). */
    StatementOutcome run(StatementEnvironment env);
  }

  /** System tables this catalog adds, by lower-case name. */
  default Map<String, Table> systemTables() {
    return Map.of();
  }

  /** Increases whenever a schema or table definition changes (plans prepared before go stale). */
  default long version() {
    return 0;
  }
}
