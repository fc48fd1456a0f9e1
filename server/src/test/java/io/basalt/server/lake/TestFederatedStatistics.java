package io.basalt.server.lake;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.federation.testing.DatabaseServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Row counts of federated tables from the remote catalog, against real PostgreSQL and MariaDB:
 * with them the join order of a TPC-H-shaped query puts the two remote tables side by side, so
 * their join is sent as one statement, and a native table joins the result in Basalt.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TestFederatedStatistics {
  private static final int CUSTOMERS = 1500;
  private static final int ORDERS = 15000;

  DatabaseServer postgres;
  LakeServer server;
  Connection connection;
  Statement statement;

  @BeforeAll
  void start(@TempDir Path directory) throws Exception {
    postgres = DatabaseServer.postgres();
    try (Connection pg = DriverManager.getConnection(postgres.createDatabase("stats_shop"),
        postgres.user(), postgres.password()); Statement s = pg.createStatement()) {
      s.execute("create table customer (c_custkey integer, c_mktsegment varchar(10))");
      s.execute("insert into customer select i, case when i % 5 = 0 then 'BUILDING' "
          + "else 'MACHINERY' end from generate_series(1, " + CUSTOMERS + ") i");
      s.execute("create table orders (o_orderkey integer, o_custkey integer, o_orderdate date)");
      s.execute("insert into orders select i, 1 + i % " + CUSTOMERS + ", date '1995-01-01' "
          + "+ i % 365 from generate_series(1, " + ORDERS + ") i");
      s.execute("analyze customer");
      s.execute("analyze orders");
    }
    server = LakeServer.folders(directory);
    connection = server.connect();
    statement = connection.createStatement();
    statement.execute("create external schema pg from postgres database 'stats_shop' "
        + "schema 'public' uri '" + postgres.host() + "' port " + postgres.port() + " user '"
        + postgres.user() + "' password '" + postgres.password() + "'");
    statement.execute("create table lineitem (l_orderkey integer, l_extendedprice decimal(12,2))");
    for (int copy = 0; copy < 4; copy++) {
      statement.execute("insert into lineitem select o_orderkey, o_orderkey * 1.25 + " + copy
          + " from pg.orders");
    }
    statement.execute("create table local_customer as select * from pg.customer");
    statement.execute("create table local_orders as select * from pg.orders");
  }

  @AfterAll
  void stop() throws SQLException {
    if (connection != null) {
      connection.close();
    }
    if (server != null) {
      server.close();
    }
  }

  private String plan(String sql) throws SQLException {
    return String.join("\n", LakeServer.rows(statement, "explain " + sql));
  }

  /** The remote statements in a plan, one per RemoteQuery, in plan order. */
  private List<String> remoteSql(String sql) throws SQLException {
    List<String> statements = new ArrayList<>();
    Matcher matcher = Pattern.compile("RemoteQuery\\(source=\\[(\\w+)\\], sql=\\[(.*)\\]\\)$",
        Pattern.MULTILINE).matcher(plan(sql));
    while (matcher.find()) {
      statements.add(matcher.group(2));
    }
    return statements;
  }

  @Test
  void tpchQ3ShapeSendsTheRemoteJoinAsOneStatement() throws SQLException {
    String query = "select l_orderkey, sum(l_extendedprice) as revenue, o_orderdate "
        + "from $s.customer, $s.orders, lineitem where c_mktsegment = 'BUILDING' "
        + "and c_custkey = o_custkey and l_orderkey = o_orderkey "
        + "and o_orderdate < date '1995-03-15' group by l_orderkey, o_orderdate "
        + "order by revenue desc, o_orderdate, l_orderkey limit 10";
    assertThat(remoteSql(query.replace("$s.", "pg."))).singleElement().asString()
        .contains("INNER JOIN").contains("\"customer\"").contains("\"orders\"");
    List<String> remote = LakeServer.rows(statement, query.replace("$s.", "pg."));
    assertThat(remote).hasSize(10)
        .isEqualTo(LakeServer.rows(statement, query.replace("$s.", "local_")));
  }

  @Test
  void averageOfALargeTableIsSentAsSumAndCount() throws SQLException {
    // AVG of integers is an integer in Redshift: the source sends SUM and COUNT, Basalt divides.
    assertThat(remoteSql("select avg(o_custkey) from pg.orders")).containsExactly("SELECT "
        + "SUM(\"o_custkey\") AS \"$f0\", COUNT(\"o_custkey\") AS \"$f1\" FROM \"public\".\"orders\"");
    assertThat(LakeServer.rows(statement, "select avg(o_custkey) from pg.orders"))
        .isEqualTo(LakeServer.rows(statement, "select avg(o_custkey) from local_orders"));
  }
}
