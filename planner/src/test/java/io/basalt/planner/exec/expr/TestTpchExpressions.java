package io.basalt.planner.exec.expr;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.planner.BasaltPlanner;
import io.basalt.storage.StorageConfig;
import io.basalt.storage.StorageEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.core.Calc;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.runtime.Hook;
import org.apache.calcite.util.Util;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plans the 22 TPC-H queries and compiles every filter, projection and join condition of the
 * final plans: all of them must compile, or the engine would leave the operator to Enumerable.
 */
class TestTpchExpressions {
  /** The directory of q01.sql ... q22.sql (the project's shared TPC-H kit). */
  private static final Path QUERIES = locateQueries();
  /** basalt.tpch.queries if set, else the first shared/tpch/queries above the working folder. */
  private static Path locateQueries() {
    String property = System.getProperty("basalt.tpch.queries");
    if (property != null) {
      return Path.of(property);
    }
    for (Path folder = Path.of("").toAbsolutePath(); folder != null;
        folder = folder.getParent()) {
      Path candidate = folder.resolve("shared").resolve("tpch").resolve("queries");
      if (java.nio.file.Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    return Path.of("shared", "tpch", "queries");
  }

  private static final List<String> TABLES = List.of(
      "region (r_regionkey BIGINT NOT NULL, r_name CHAR(25) NOT NULL,"
          + " r_comment VARCHAR(152) NOT NULL)",
      "nation (n_nationkey BIGINT NOT NULL, n_name CHAR(25) NOT NULL,"
          + " n_regionkey BIGINT NOT NULL, n_comment VARCHAR(152) NOT NULL)",
      "supplier (s_suppkey BIGINT NOT NULL, s_name CHAR(25) NOT NULL,"
          + " s_address VARCHAR(40) NOT NULL, s_nationkey BIGINT NOT NULL,"
          + " s_phone CHAR(15) NOT NULL, s_acctbal DECIMAL(15,2) NOT NULL,"
          + " s_comment VARCHAR(101) NOT NULL)",
      "customer (c_custkey BIGINT NOT NULL, c_name VARCHAR(25) NOT NULL,"
          + " c_address VARCHAR(40) NOT NULL, c_nationkey BIGINT NOT NULL,"
          + " c_phone CHAR(15) NOT NULL, c_acctbal DECIMAL(15,2) NOT NULL,"
          + " c_mktsegment CHAR(10) NOT NULL, c_comment VARCHAR(117) NOT NULL)",
      "part (p_partkey BIGINT NOT NULL, p_name VARCHAR(55) NOT NULL, p_mfgr CHAR(25) NOT NULL,"
          + " p_brand CHAR(10) NOT NULL, p_type VARCHAR(25) NOT NULL, p_size INTEGER NOT NULL,"
          + " p_container CHAR(10) NOT NULL, p_retailprice DECIMAL(15,2) NOT NULL,"
          + " p_comment VARCHAR(23) NOT NULL)",
      "partsupp (ps_partkey BIGINT NOT NULL, ps_suppkey BIGINT NOT NULL,"
          + " ps_availqty INTEGER NOT NULL, ps_supplycost DECIMAL(15,2) NOT NULL,"
          + " ps_comment VARCHAR(199) NOT NULL)",
      "orders (o_orderkey BIGINT NOT NULL, o_custkey BIGINT NOT NULL,"
          + " o_orderstatus CHAR(1) NOT NULL, o_totalprice DECIMAL(15,2) NOT NULL,"
          + " o_orderdate DATE NOT NULL, o_orderpriority CHAR(15) NOT NULL,"
          + " o_clerk CHAR(15) NOT NULL, o_shippriority INTEGER NOT NULL,"
          + " o_comment VARCHAR(79) NOT NULL)",
      "lineitem (l_orderkey BIGINT NOT NULL, l_partkey BIGINT NOT NULL,"
          + " l_suppkey BIGINT NOT NULL, l_linenumber INTEGER NOT NULL,"
          + " l_quantity DECIMAL(15,2) NOT NULL, l_extendedprice DECIMAL(15,2) NOT NULL,"
          + " l_discount DECIMAL(15,2) NOT NULL, l_tax DECIMAL(15,2) NOT NULL,"
          + " l_returnflag CHAR(1) NOT NULL, l_linestatus CHAR(1) NOT NULL,"
          + " l_shipdate DATE NOT NULL, l_commitdate DATE NOT NULL,"
          + " l_receiptdate DATE NOT NULL, l_shipinstruct CHAR(25) NOT NULL,"
          + " l_shipmode CHAR(10) NOT NULL, l_comment VARCHAR(44) NOT NULL)");

  @TempDir
  Path directory;

  @Test
  void everyTpchExpressionCompiles() throws Exception {
    Assumptions.assumeTrue(Files.isDirectory(QUERIES), "no TPC-H queries at " + QUERIES);
    List<Path> files;
    try (var listing = Files.list(QUERIES)) {
      files = listing.filter(f -> f.getFileName().toString().matches("(?i)q\\d\\d\\.sql"))
          .sorted((a, b) -> a.getFileName().toString().compareToIgnoreCase(
              b.getFileName().toString()))
          .toList();
    }
    assertThat(files).hasSize(22);
    Map<String, List<String>> unsupported = new TreeMap<>();
    try (StorageEngine storage = StorageEngine.open(directory, StorageConfig.defaults())) {
      BasaltPlanner planner = new BasaltPlanner(storage, (request, target, id, canceled) -> 0, 2);
      try (Connection connection = planner.openSession("public");
          Statement statement = connection.createStatement()) {
        for (String table : TABLES) {
          statement.execute("CREATE TABLE " + table);
        }
        for (Path file : files) {
          String name = file.getFileName().toString();
          String sql = Files.readString(file).trim();
          sql = sql.endsWith(";") ? sql.substring(0, sql.length() - 1) : sql;
          List<RelNode> plans = new ArrayList<>();
          try (Hook.Closeable hook = Hook.PLAN_BEFORE_IMPLEMENTATION.addThread(
              (RelRoot root) -> {
                plans.add(root.rel);
              })) {
            try (ResultSet rows = statement.executeQuery(sql)) {
              while (rows.next()) {
                Util.discard(rows.getObject(1));
              }
            }
          }
          assertThat(plans).as(name).isNotEmpty();
          for (RelNode plan : plans) {
            collect(plan, name, unsupported);
          }
        }
      }
    }
    assertThat(unsupported).isEmpty();
  }

  private static void collect(RelNode node, String query, Map<String, List<String>> out) {
    for (RelNode input : node.getInputs()) {
      collect(input, query, out);
    }
    if (node instanceof Calc calc) {
      RexProgram program = calc.getProgram();
      RelDataType inputType = program.getInputRowType();
      for (RexNode project : program.expandList(program.getProjectList())) {
        check(project, inputType, false, query, out);
      }
      if (program.getCondition() != null) {
        check(program.expandLocalRef(program.getCondition()), inputType, true, query, out);
      }
    } else if (node instanceof Filter filter) {
      check(filter.getCondition(), filter.getInput().getRowType(), true, query, out);
    } else if (node instanceof Project project) {
      for (RexNode expression : project.getProjects()) {
        check(expression, project.getInput().getRowType(), false, query, out);
      }
    } else if (node instanceof Join join) {
      RelDataType both = join.getCluster().getTypeFactory().createJoinType(
          join.getLeft().getRowType(), join.getRight().getRowType());
      check(join.getCondition(), both, true, query, out);
    }
  }

  private static void check(RexNode expression, RelDataType inputType, boolean filter,
      String query, Map<String, List<String>> out) {
    boolean compiled = filter ? ExpressionCompiler.compileFilter(expression, inputType) != null
        : ExpressionCompiler.compile(expression, inputType) != null;
    if (!compiled) {
      out.computeIfAbsent(query, q -> new ArrayList<>()).add(expression + " : "
          + expression.getType().getFullTypeString());
    }
  }
}
