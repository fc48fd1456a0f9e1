package io.basalt.planner.rel.pushdown;

import io.basalt.planner.catalog.TypeMapping;
import io.basalt.planner.exec.PlanNode;
import io.basalt.planner.exec.SourceScanNode;
import io.basalt.planner.rel.vector.BasaltRel;
import io.basalt.planner.rel.vector.PlanCompiler;
import io.basalt.planner.source.ScanSpec;
import io.basalt.planner.source.SqlSource;
import io.basalt.storage.ColumnDefinition;
import io.basalt.storage.StorageException;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.plan.ConventionTraitDef;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.plan.hep.HepRelVertex;
import org.apache.calcite.plan.volcano.RelSubset;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.convert.ConverterImpl;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * The result of a subtree a SQL source runs, read into Basalt's engine: the subtree is written
 * as one statement in the source's dialect by Calcite's JDBC implementor, and its rows arrive as
 * engine batches through the table the source makes for that statement ({@link
 * SqlSource#query}), whose columns are this rel's row type. EXPLAIN shows the statement exactly
 * as it is sent: {@code RemoteQuery(source=[pg], sql=[SELECT ...])}.
 */
public final class RemoteQuery extends ConverterImpl implements BasaltRel {
  private volatile String sql;

  RemoteQuery(RelOptCluster cluster, RelTraitSet traits, RelNode input) {
    super(cluster, ConventionTraitDef.INSTANCE, traits, input);
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new RemoteQuery(getCluster(), traitSet, sole(inputs));
  }

  /** The source that runs the statement. */
  public SqlSource source() {
    return ((RemoteConvention) getInput().getConvention()).source();
  }

  /**
   * The remote statement. Only a chosen plan has one: while a planner holds it, the input is a
   * planner's vertex (a set of alternatives), not yet a tree.
   */
  public String sql() {
    String statement = sql;
    if (statement == null) {
      if (planning(getInput())) {
        throw new IllegalStateException("the remote subtree is not chosen yet");
      }
      SqlSource source = source();
      RemoteImplementor implementor = new RemoteImplementor(source.dialect(),
          (JavaTypeFactory) getCluster().getTypeFactory());
      SqlNode node = implementor.visitRoot(getInput()).asStatement();
      if (node instanceof SqlSelect select && star(select.getSelectList())
          && select.getFrom() instanceof SqlIdentifier) {
        // SELECT * of a table would read whatever columns it has by then: name them. (The
        // result's width is checked when it arrives, for a star over a join.)
        List<SqlNode> items = new ArrayList<>();
        for (RelDataTypeField field : getRowType().getFieldList()) {
          items.add(new SqlIdentifier(field.getName(), SqlParserPos.ZERO));
        }
        select.setSelectList(new SqlNodeList(items, SqlParserPos.ZERO));
      }
      statement = node.toSqlString(config -> config.withDialect(source.dialect())
          .withClauseStartsLine(false).withClauseEndsLine(false).withIndentation(0)
          .withSelectListItemsOnSeparateLines(false).withAlwaysUseParentheses(false))
          .getSql();
      statement = oneLine(statement);
      sql = statement;
    }
    return statement;
  }

  /**
   * The statement on one line: Calcite's writer starts OFFSET and FETCH clauses on lines of
   * their own. Line breaks inside quoted literals and identifiers are kept.
   */
  static String oneLine(String sql) {
    StringBuilder out = new StringBuilder(sql.length());
    char quote = 0;
    for (int i = 0; i < sql.length(); i++) {
      char c = sql.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        }
        out.append(c);
      } else if (c == '\'' || c == '"' || c == '`') {
        quote = c;
        out.append(c);
      } else if (c == '\n' || c == '\r') {
        if (out.length() > 0 && out.charAt(out.length() - 1) != ' ') {
          out.append(' ');
        }
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static boolean star(SqlNodeList items) {
    return items == null || items.size() == 1
        && items.get(0) instanceof SqlIdentifier identifier && identifier.isStar();
  }

  private static boolean planning(RelNode rel) {
    if (rel instanceof RelSubset || rel instanceof HepRelVertex) {
      return true;
    }
    for (RelNode input : rel.getInputs()) {
      if (planning(input)) {
        return true;
      }
    }
    return false;
  }

  /** Whether every column of {@code rel} maps to a Basalt column type. */
  static boolean mapsColumns(RelNode rel) {
    try {
      columns(rel);
      return true;
    } catch (StorageException e) {
      return false;
    }
  }

  private static List<ColumnDefinition> columns(RelNode rel) {
    List<ColumnDefinition> columns = new ArrayList<>();
    for (RelDataTypeField field : rel.getRowType().getFieldList()) {
      columns.add(new ColumnDefinition(field.getName(),
          TypeMapping.toColumnType(field.getType(), field.getName()),
          field.getType().isNullable(), null));
    }
    return columns;
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    boolean chosen = !planning(getInput());
    return super.explainTerms(pw)
        .item("source", source().name())
        .itemIf("sql", chosen ? sql() : "", chosen);
  }

  @Override
  public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
    return RemoteCosts.transferred(planner, mq.getRowCount(getInput()));
  }

  @Override
  public PlanNode compile(PlanCompiler compiler) {
    List<ColumnDefinition> columns = columns(getInput());
    ScanSpec spec = ScanSpec.allColumns(columns.size());
    return new SourceScanNode(source().query(sql(), tables(getInput()), columns),
        context -> spec);
  }

  /** The remote names of the tables the statement reads, each once, in plan order. */
  private static List<String> tables(RelNode rel) {
    java.util.Set<String> names = new java.util.LinkedHashSet<>();
    new org.apache.calcite.rel.RelHomogeneousShuttle() {
      @Override
      public RelNode visit(RelNode other) {
        if (other instanceof RemoteTableScan scan) {
          names.add(scan.remoteName().get(scan.remoteName().size() - 1));
        }
        return super.visit(other);
      }
    }.visit(rel);
    return List.copyOf(names);
  }
}
