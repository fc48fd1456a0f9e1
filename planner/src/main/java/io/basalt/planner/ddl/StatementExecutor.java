package io.basalt.planner.ddl;

import static java.util.Objects.requireNonNull;

import io.basalt.planner.CopyTarget;
import io.basalt.planner.catalog.CatalogServices;
import io.basalt.planner.catalog.ExternalCatalog;
import io.basalt.planner.catalog.StatementEnvironment;
import java.util.Optional;
import io.basalt.planner.prepare.BasaltPrepare;
import io.basalt.planner.sql.SqlAlterBasaltTable;
import io.basalt.planner.sql.SqlAnalyze;
import io.basalt.planner.sql.SqlCopy;
import io.basalt.planner.sql.SqlCreateBasaltSchema;
import io.basalt.planner.sql.SqlCreateBasaltTable;
import io.basalt.planner.sql.SqlCreateBasaltView;
import io.basalt.planner.sql.SqlDropBasaltSchema;
import io.basalt.planner.sql.SqlDropBasaltTable;
import org.apache.calcite.sql.ddl.SqlTruncateTable;
import io.basalt.planner.sql.SqlVacuum;
import io.basalt.storage.StorageEngine;
import io.basalt.storage.StorageException;
import io.basalt.storage.TableDefinition;
import io.basalt.storage.TableWriter;
import io.basalt.storage.WriteMode;
import org.apache.calcite.DataContext;
import org.apache.calcite.jdbc.CalcitePrepare;
import org.apache.calcite.sql.SqlDelete;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSetOption;
import org.apache.calcite.sql.SqlUpdate;
import org.apache.calcite.sql.ddl.SqlDropView;

/**
 * Executes every statement that is not a query: DDL, COPY and DML. Queries are Calcite's; this
 * class decides what the others do to the catalog and the store and returns the row count.
 */
public final class StatementExecutor {
  private final CatalogServices services;
  private final Names names;
  private final QueryRunner queries;
  private final CalcitePrepare.Context context;

  public StatementExecutor(CatalogServices services, BasaltPrepare prepare,
      CalcitePrepare.Context context) {
    this.services = requireNonNull(services, "services is null");
    this.context = context;
    this.names = new Names(context.getDefaultSchemaPath(), BasaltPrepare.tempSchema(context),
        services.storage());
    this.queries = new QueryRunner(prepare, context);
  }

  /** The statement prepared by the external catalog, when it owns it. */
  public Optional<ExternalCatalog.ExternalStatement> external(SqlNode node) {
    return services.external().statement(node, environment(null));
  }

  /** The session as an external statement sees it, for an execution with {@code dataContext}. */
  public StatementEnvironment environment(DataContext dataContext) {
    String user = context.getDataContext().getQueryProvider()
        instanceof org.apache.calcite.jdbc.CalciteConnection connection
        ? connection.getProperties().getProperty("user", "admin") : "admin";
    return new SessionEnvironment(names, queries, services.copyRunner(), dataContext,
        dataContext == null ? 0 : services.queryIds().incrementAndGet(), user);
  }

  /** Runs EXPLAIN ANALYZE's query and returns its report, one line per row. */
  public java.util.List<Object[]> explainAnalyze(io.basalt.planner.sql.SqlExplainAnalyze node,
      DataContext dataContext) {
    return ExplainAnalyze.run(queries, Sql.unparse(node.query), dataContext);
  }

  /** The columns of EXPLAIN ANALYZE's report. */
  public static java.util.List<io.basalt.storage.ColumnDefinition> explainAnalyzeColumns() {
    return ExplainAnalyze.COLUMNS;
  }

  /** Whether the statement reports a row count (COPY) rather than behaving as DDL. */
  public static boolean reportsRowCount(SqlNode node) {
    return node instanceof SqlCopy;
  }

  /**
   * Prepares a statement that reports a row count: DML is planned now, so that its parameters
   * are known to the client before it executes.
   */
  public StatementWork prepare(SqlNode node) {
    RowChanges rows = new RowChanges(services, names, queries);
    if (node instanceof SqlInsert insert) {
      return rows.insert(insert);
    } else if (node instanceof SqlUpdate update) {
      return rows.update(update);
    } else if (node instanceof SqlDelete delete) {
      return rows.delete(delete);
    }
    return new StatementWork(java.util.List.of(), dataContext -> execute(node, dataContext));
  }

  /** Executes a statement that has no parameters and returns the rows it loaded or changed. */
  public long execute(SqlNode node, DataContext dataContext) {
    TableStatements tables = new TableStatements(services, names, queries);
    if (node instanceof SqlCreateBasaltTable create) {
      return tables.create(create, dataContext);
    } else if (node instanceof SqlDropBasaltTable drop) {
      return tables.drop(drop);
    } else if (node instanceof SqlTruncateTable truncate) {
      return tables.truncate(truncate);
    } else if (node instanceof SqlCreateBasaltView view) {
      return tables.createView(view);
    } else if (node instanceof SqlDropView drop) {
      return tables.dropView(drop);
    } else if (node instanceof SqlCreateBasaltSchema schema) {
      services.storage().createSchema(schema.name.getSimple(), schema.ifNotExists);
      return 0;
    } else if (node instanceof SqlDropBasaltSchema schema) {
      services.storage().dropSchema(schema.name.getSimple(), schema.ifExists, schema.cascade);
      return 0;
    } else if (node instanceof SqlAlterBasaltTable alter) {
      return new AlterTable(services, names, queries).execute(alter);
    } else if (node instanceof SqlCopy copy) {
      return copy(copy, dataContext);
    } else if (node instanceof SqlSetOption set) {
      return SessionSettings.apply(set, context, services.storage(),
          services.external().schemaNames());
    } else if (node instanceof SqlInsert || node instanceof SqlUpdate
        || node instanceof SqlDelete) {
      return prepare(node).run().applyAsLong(dataContext);
    } else if (node instanceof SqlVacuum vacuum) {
      return tables.vacuum(vacuum);
    } else if (node instanceof SqlAnalyze) {
      // Row counts and zone maps are exact after every commit: there is nothing to gather.
      return 0;
    }
    throw new StorageException("0A000", "Cannot execute " + node.getKind()
        + ": this statement is not supported yet");
  }

  /** COPY into a native table (the external catalog claims COPY into its own tables). */
  private long copy(SqlCopy copy, DataContext dataContext) {
    Names.Qualified name = names.qualify(copy.table);
    StorageEngine storage = services.storage();
    TableDefinition table = storage.table(name.schema(), name.name())
        .orElseThrow(() -> new StorageException("42P01", "Cannot COPY into \"" + name.schema()
            + "." + name.name() + "\": table does not exist"));
    CopyTarget target = new CopyTarget() {
      @Override
      public TableDefinition table() {
        return table;
      }

      @Override
      public TableWriter newWriter() {
        return storage.newWriter(table.schema(), table.name(), WriteMode.APPEND);
      }
    };
    return environment(dataContext).copy(copy, target);
  }
}
