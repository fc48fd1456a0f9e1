package io.basalt.planner.prepare;

import static java.util.Objects.requireNonNull;

import io.basalt.planner.catalog.CatalogServices;
import io.basalt.planner.catalog.TempSchemas;
import io.basalt.planner.catalog.ExternalCatalog;
import io.basalt.planner.ddl.StatementExecutor;
import io.basalt.planner.exec.QueryContext;
import io.basalt.storage.ColumnDefinition;
import java.util.Optional;
import io.basalt.planner.ddl.StatementWork;
import io.basalt.planner.rel.ScanMetadata;
import io.basalt.planner.rel.SourceRules;
import io.basalt.planner.rel.pushdown.RemoteConventions;
import io.basalt.planner.rel.vector.BasaltRules;
import io.basalt.planner.rel.vector.EngineSettings;
import io.basalt.planner.sql.SqlExplainAnalyze;
import io.basalt.planner.sql.SqlSettings;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToLongFunction;
import java.util.function.UnaryOperator;
import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRules;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.avatica.AvaticaParameter;
import org.apache.calcite.avatica.ColumnMetaData;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.MetaImpl;
import org.apache.calcite.jdbc.CalciteConnection;
import org.apache.calcite.jdbc.CalcitePrepare;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.plan.Contexts;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCostFactory;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.prepare.CalcitePrepareImpl;
import org.apache.calcite.prepare.Prepare.CatalogReader;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.runtime.Bindable;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.tools.Program;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Calcite's statement preparation with Basalt's rules and statements: queries go through
 * Calcite's planner (plus the native-scan rules); DDL, COPY and DML are executed by Basalt's
 * {@link StatementExecutor} and report an update count as JDBC expects.
 */
public final class BasaltPrepare extends CalcitePrepareImpl {
  private final CatalogServices services;
  private final PlanCache plans;

  BasaltPrepare(CatalogServices services, PlanCache plans) {
    this.services = requireNonNull(services, "services is null");
    this.plans = requireNonNull(plans, "plans is null");
  }

  @Override
  protected RelOptPlanner createPlanner(CalcitePrepare.Context prepareContext,
      org.apache.calcite.plan.@Nullable Context externalContext,
      @Nullable RelOptCostFactory costFactory) {
    boolean engine = !EngineSettings.isDisabled(sessionProperties(prepareContext));
    org.apache.calcite.plan.Context context = externalContext != null ? externalContext
        : Contexts.of(prepareContext.config());
    if (engine) {
      // Remote results reach the engine only: without it, nothing goes into a source's SQL.
      context = Contexts.chain(context, Contexts.of(new RemoteConventions()));
    }
    RelOptPlanner planner = super.createPlanner(prepareContext, context, costFactory);
    SourceRules.ALL.forEach(planner::addRule);
    if (engine) {
      BasaltRules.all(services.engine()).forEach(planner::addRule);
    }
    // Row-at-a-time sort-merge joins sort whole fact tables; hash joins build on the smaller
    // input, which the heuristic join order puts on the right.
    planner.removeRule(EnumerableRules.ENUMERABLE_MERGE_JOIN_RULE);
    return planner;
  }

  @Override
  protected CalcitePreparingStmt getPreparingStmt(Context context, Type elementType,
      CalciteCatalogReader sharedReader, RelOptPlanner planner) {
    String tempSchema = tempSchema(context);
    CalciteCatalogReader catalogReader =
        SessionCatalogReader.withTempSchema(sharedReader, tempSchema);
    JavaTypeFactory typeFactory = context.getTypeFactory();
    EnumerableRel.Prefer prefer = elementType == Object[].class
        ? EnumerableRel.Prefer.ARRAY : EnumerableRel.Prefer.CUSTOM;
    RelOptCluster cluster = createCluster(planner, new RexBuilder(typeFactory));
    cluster.setMetadataProvider(ScanMetadata.PROVIDER);
    return new CalcitePreparingStmt(this, context, catalogReader, typeFactory,
        context.getRootSchema(), prefer, cluster, EnumerableConvention.INSTANCE,
        new RedshiftConvertlets(sessionUser(context))) {
      @Override
      protected Program getProgram() {
        return BasaltPrograms.standard();
      }

      @Override
      protected SqlValidator createSqlValidator(CatalogReader reader,
          UnaryOperator<SqlValidator.Config> configTransform) {
        return SqlSettings.newValidator(SessionCatalogReader.withTempSchema(
            (CalciteCatalogReader) reader, tempSchema), typeFactory, configTransform);
      }
    };
  }

  @Override
  public <T> CalciteSignature<T> prepareSql(Context context, Query<T> query, Type elementType,
      long maxRowCount) {
    if (query.sql == null) {
      return super.prepareSql(context, query, elementType, maxRowCount);
    }
    String sql = SqlSettings.withoutTrailingSemicolons(query.sql);
    if (!sql.equals(query.sql)) {
      return prepareSql(context, CalcitePrepare.Query.of(sql), elementType, maxRowCount);
    }
    // A query run again is found by its text before parsing: parsing the text (and, for the
    // statements below, deciding what it is) cost more than the rest of a cached execution.
    // Only queries are cached, so a hit needs none of the checks below.
    PlanCache.Key key = PlanCache.key(context, sql, elementType, maxRowCount,
        sessionProperties(context));
    CalciteSignature<T> cached = plans.get(key);
    if (cached != null) {
      return cached;
    }
    SqlNode node = parse(query.sql);
    StatementExecutor executor = new StatementExecutor(services, this, context);
    if (node instanceof SqlExplainAnalyze analyze) {
      return ResultRows.signature(query.sql, context, StatementExecutor.explainAnalyzeColumns(),
          dataContext -> executor.explainAnalyze(analyze, dataContext));
    }
    Optional<ExternalCatalog.ExternalStatement> external = executor.external(node);
    if (external.isPresent()) {
      return externalSignature(query.sql, context, node, executor, external.get());
    }
    if (node.getKind().belongsTo(SqlKind.DDL) && !StatementExecutor.reportsRowCount(node)) {
      // Calcite's JDBC layer never executes a DDL signature: run it now, as Calcite does.
      executor.execute(node, context.getDataContext());
      return updateSignature(query.sql, context, Meta.StatementType.OTHER_DDL, List.of(),
          dataContext -> 0);
    }
    if (node.getKind().belongsTo(SqlKind.DML) || StatementExecutor.reportsRowCount(node)) {
      StatementWork work = executor.prepare(node);
      return updateSignature(query.sql, context, Meta.StatementType.IS_DML, work.parameters(),
          work.run());
    }
    long version = plans.version();
    CalciteSignature<T> prepared = relabeled(node,
        super.prepareSql(context, query, elementType, maxRowCount));
    plans.put(key, version, prepared);
    return prepared;
  }

  /**
   * A statement of the external catalog: DDL runs now (Calcite's JDBC layer never executes a DDL
   * signature); the others run when executed, reporting a count or a result set.
   */
  private static <T> CalciteSignature<T> externalSignature(String sql, Context context,
      SqlNode node, StatementExecutor executor, ExternalCatalog.ExternalStatement statement) {
    List<ColumnDefinition> resultColumns = statement.resultColumns();
    if (resultColumns != null) {
      return ResultRows.signature(sql, context, resultColumns,
          dataContext -> statement.run(executor.environment(dataContext)).rows());
    }
    if (!statement.reportsRowCount()) {
      statement.run(executor.environment(context.getDataContext()));
      return updateSignature(sql, context, Meta.StatementType.OTHER_DDL, List.of(),
          dataContext -> 0);
    }
    return updateSignature(sql, context, Meta.StatementType.IS_DML, List.of(),
        dataContext -> statement.run(executor.environment(dataContext)).rowCount());
  }

  /**
   * The query's signature with Basalt's column labels, giving each execution its query id (see
   * {@link QueryContext#withQueryId}) before the plan runs.
   */
  private <T> CalciteSignature<T> relabeled(SqlNode node, CalciteSignature<T> signature) {
    List<ColumnMetaData> columns = ResultLabels.relabel(node, signature.columns);
    AtomicLong queryIds = services.queryIds();
    // The original signature still runs the plan (and applies the row limit).
    Bindable<T> plan = dataContext -> signature.enumerable(
        QueryContext.withQueryId(dataContext, queryIds.incrementAndGet()));
    return new CalciteSignature<>(signature.sql, signature.parameters,
        signature.internalParameters, signature.rowType, columns, signature.cursorFactory,
        signature.rootSchema, signature.getCollationList(), -1, plan, signature.statementType);
  }

  /** The user the session was opened for. */
  private static String sessionUser(Context context) {
    String user = sessionProperties(context).getProperty("user");
    return user == null ? "admin" : user;
  }

  /** The session's temp schema name (it exists once the session creates a TEMP table). */
  public static String tempSchema(Context context) {
    return TempSchemas.of(sessionProperties(context));
  }

  private static Properties sessionProperties(Context context) {
    Object connection = context.getDataContext().getQueryProvider();
    return connection instanceof CalciteConnection calcite
        ? calcite.getProperties() : new Properties();
  }

  /**
   * The parser of view expansion, whose stored query may use Basalt's syntax (a table read FOR
   * VERSION AS OF); Calcite's default would be its own grammar. Statements are parsed with the
   * connection's parser factory, which is Basalt's too.
   */
  @Override
  protected SqlParser createParser(String sql) {
    return SqlParser.create(sql, SqlSettings.parserConfig());
  }

  /** Parses one statement with Basalt's parser, turning a syntax error into SQLSTATE 42601. */
  public static SqlNode parse(String sql) {
    try {
      return SqlParser.create(sql, SqlSettings.parserConfig()).parseStmt();
    } catch (SqlParseException e) {
      throw SqlErrors.syntaxError(e, sql);
    }
  }

  /**
   * A signature whose single row is the statement's update count. The work happens when the
   * result is read, which JDBC's execute does at once, so DDL and DML run inside execution
   * (cancellable, and once per execution of a prepared statement).
   */
  private static <T> CalciteSignature<T> updateSignature(String sql, Context context,
      Meta.StatementType type, List<AvaticaParameter> parameters,
      ToLongFunction<DataContext> action) {
    List<ColumnMetaData> columns = List.of(MetaImpl.columnMetaData("ROWCOUNT", 0, Long.class,
        false));
    Bindable<T> bindable = dataContext -> new AbstractEnumerable<>() {
      @Override
      @SuppressWarnings("unchecked")
      public Enumerator<T> enumerator() {
        Long count = action.applyAsLong(dataContext);
        return (Enumerator<T>) Linq4j.singletonEnumerator(count);
      }
    };
    return new CalciteSignature<>(sql, parameters, Map.of(), null, columns,
        Meta.CursorFactory.OBJECT, context.getRootSchema(), List.of(), -1, bindable, type);
  }
}
