package io.basalt.planner.ddl;

import io.basalt.planner.CopyRequest;
import io.basalt.planner.CopyRunner;
import io.basalt.planner.CopyTarget;
import io.basalt.planner.catalog.StatementEnvironment;
import io.basalt.planner.catalog.TypeMapping;
import io.basalt.planner.sql.SqlCopy;
import io.basalt.storage.ColumnDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.apache.calcite.DataContext;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.sql.SqlIdentifier;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The session as an external catalog sees it while executing one statement: its search path,
 * its query planner, the COPY runner, and (once the statement runs) the execution's cancel
 * flag.
 */
final class SessionEnvironment implements StatementEnvironment {
  private final Names names;
  private final QueryRunner queries;
  private final CopyRunner copies;
  private final @Nullable DataContext dataContext;
  private final long queryId;
  private final String user;

  SessionEnvironment(Names names, QueryRunner queries, CopyRunner copies,
      @Nullable DataContext dataContext, long queryId, String user) {
    this.names = names;
    this.queries = queries;
    this.copies = copies;
    this.dataContext = dataContext;
    this.queryId = queryId;
    this.user = user;
  }

  @Override
  public QualifiedName qualify(SqlIdentifier identifier) {
    Names.Qualified qualified = names.qualify(identifier);
    return new QualifiedName(qualified.schema(), qualified.name());
  }

  @Override
  public String sql(org.apache.calcite.sql.SqlNode node) {
    return Sql.unparse(node);
  }

  @Override
  public io.basalt.storage.ColumnType columnType(org.apache.calcite.sql.SqlDataTypeSpec type,
      String column) {
    return TypeMapping.toColumnType(queries.deriveType(type), column);
  }

  @Override
  public PlannedQuery plan(String sql) {
    QueryRunner.Planned planned = queries.plan(sql);
    List<ColumnDefinition> columns = new ArrayList<>();
    for (RelDataTypeField field : planned.rowType().getFieldList()) {
      columns.add(new ColumnDefinition(field.getName(),
          TypeMapping.toColumnType(field.getType(), field.getName()),
          field.getType().isNullable(), null));
    }
    return new PlannedQuery() {
      @Override
      public List<ColumnDefinition> columns() {
        return List.copyOf(columns);
      }

      @Override
      public long forEachRow(Consumer<Object[]> sink) {
        if (dataContext == null) {
          throw new IllegalStateException("a query runs only while the statement executes");
        }
        return planned.forEachRow(dataContext, sink);
      }
    };
  }

  @Override
  public long copy(SqlCopy copy, CopyTarget target) {
    Names.Qualified name = names.qualify(copy.table);
    CopyRequest request = new CopyRequest(name.schema(), name.name(), copy.columns,
        copy.source, copy.options);
    return copies.copy(request, target, queryId, canceled());
  }

  @Override
  public long queryId() {
    return queryId;
  }

  @Override
  public BooleanSupplier canceled() {
    AtomicBoolean flag = dataContext == null ? null
        : DataContext.Variable.CANCEL_FLAG.get(dataContext);
    return flag == null ? () -> false : flag::get;
  }

  @Override
  public String user() {
    return user;
  }
}
