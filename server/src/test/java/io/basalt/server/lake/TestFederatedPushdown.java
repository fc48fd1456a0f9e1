package io.basalt.server.lake;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.federation.testing.DatabaseServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Work pushed into federated PostgreSQL and MariaDB tables, against real servers: EXPLAIN shows
 * the exact statement each source runs for filters, projections, aggregates, ORDER BY with
 * LIMIT and joins of one source's tables; Redshift-only functions and joins with native tables
 * stay in Basalt; every query returns what the same query returns over the same rows loaded
 * into native tables.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TestFederatedPushdown {
  private static final String CUSTOMERS = "create table customers (id integer, name varchar(20), "
      + "region varchar(4), score integer)";
  private static final String CUSTOMER_ROWS = "insert into customers values (1, 'ann', 'EU', 10), "
      + "(2, 'bo', 'US', 30), (3, 'cy', 'EU', null), (4, 'Ann', null, 25), (5, 'dee', 'US', 5)";
  private static final String ORDERS = "create table orders (id integer, customer_id integer, "
      + "amount decimal(10,2), weight double precision, placed date)";
  private static final String ORDER_ROWS = "insert into orders values "
      + "(10, 1, 12.50, 1.5, date '2024-03-01'), (11, 2, 7.25, 2.0, date '2024-03-02'), "
      + "(12, 1, 100.00, null, date '2024-03-03'), (13, 3, 1.00, 0.5, date '2024-03-04'), "
      + "(14, 4, null, 4.0, date '2024-03-05'), (15, 2, 3.00, 1.0, null), "
      + "(16, 9, 8.00, 2.5, date '2024-03-07')";

  private static final String PRIO = "create table $t (k integer, p char(15))";
  private static final String PRIO_ROWS = "insert into $t values (1, '1-URGENT'), "
      + "(2, '2-HIGH'), (3, '3-MEDIUM')";

  DatabaseServer postgres;
  DatabaseServer mariadb;
  LakeServer server;
  Connection connection;
  Statement statement;

  @BeforeAll
  void start(@TempDir Path directory) throws Exception {
    postgres = DatabaseServer.postgres();
    mariadb = DatabaseServer.mariadb();
    try (Connection pg = DriverManager.getConnection(postgres.createDatabase("push_shop"),
        postgres.user(), postgres.password()); Statement s = pg.createStatement()) {
      load(pg, false);
      s.execute(PRIO.replace("$t", "prio"));
      s.execute(PRIO_ROWS.replace("$t", "prio"));
    }
    try (Connection my = DriverManager.getConnection(mariadb.createDatabase("push_crm"),
        mariadb.user(), mariadb.password())) {
      load(my, false);
    }
    server = LakeServer.folders(directory);
    connection = server.connect();
    statement = connection.createStatement();
    statement.execute("create external schema pg from postgres database 'push_shop' "
        + "schema 'public' uri '" + postgres.host() + "' port " + postgres.port() + " user '"
        + postgres.user() + "' password '" + postgres.password() + "'");
    statement.execute("create external schema my from mysql database 'push_crm' uri '"
        + mariadb.host() + "' port " + mariadb.port() + " user '" + mariadb.user()
        + "' password '" + mariadb.password() + "'");
    load(connection, true);
    statement.execute("create table regions (region varchar(4), label varchar(20))");
    statement.execute("insert into regions values ('EU', 'Europe'), ('US', 'United States')");
  }

  private static void load(Connection target, boolean local) throws SQLException {
    try (Statement s = target.createStatement()) {
      for (String sql : List.of(CUSTOMERS, CUSTOMER_ROWS, ORDERS, ORDER_ROWS)) {
        s.execute(local ? sql.replace("customers", "local_customers")
            .replace("orders", "local_orders") : sql);
      }
    }
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

  private List<String> rows(String sql) throws SQLException {
    return LakeServer.rows(statement, sql);
  }

  private String plan(String sql) throws SQLException {
    return String.join("\n", rows("explain " + sql));
  }

  /** The query over schema {@code schema}, with the same query over the native copies. */
  private List<String> sameAsNative(String query, String schema) throws SQLException {
    List<String> remote = rows(query.replace("$s", schema));
    assertThat(remote).as(query).isEqualTo(rows(query.replace("$s.", "local_")));
    return remote;
  }

  /** The remote statements in a plan, one per RemoteQuery, in plan order. */
  private List<String> remoteSql(String sql) throws SQLException {
    List<String> statements = new java.util.ArrayList<>();
    java.util.regex.Matcher matcher = java.util.regex.Pattern
        .compile("RemoteQuery\\(source=\\[(\\w+)\\], sql=\\[(.*)\\]\\)$",
            java.util.regex.Pattern.MULTILINE)
        .matcher(plan(sql));
    while (matcher.find()) {
      statements.add(matcher.group(1) + ": " + matcher.group(2));
    }
    return statements;
  }

  @Test
  void filtersAndProjectionsRunInTheSource() throws SQLException {
    String query = "select id, name from $s.customers where id >= 2 and score > 10";
    assertThat(remoteSql(query.replace("$s", "pg"))).containsExactly("pg: SELECT \"id\", "
        + "\"name\" FROM \"public\".\"customers\" WHERE \"id\" >= 2 AND \"score\" > 10");
    assertThat(remoteSql(query.replace("$s", "my"))).containsExactly("my: SELECT `id`, `name` "
        + "FROM `push_crm`.`customers` WHERE `id` >= 2 AND `score` > 10");
    assertThat(sameAsNative(query + " order by id", "pg")).containsExactly("2,bo", "4,Ann");
    assertThat(sameAsNative(query + " order by id", "my")).containsExactly("2,bo", "4,Ann");
  }

  @Test
  void expressionsPostgresComputesAsBasaltRunInPostgres() throws SQLException {
    String query = "select id, score * 2 - 1 from $s.customers where name = 'ann' or id = 5";
    assertThat(remoteSql(query.replace("$s", "pg"))).containsExactly("pg: SELECT \"id\", "
        + "\"score\" * 2 - 1 FROM \"public\".\"customers\" WHERE \"name\" = 'ann' OR "
        + "\"id\" = 5");
    // MySQL's string equality ignores case: the string comparison and (with it) the
    // arithmetic stay in Basalt; the source only reads the columns.
    assertThat(remoteSql(query.replace("$s", "my"))).containsExactly("my: SELECT "
        + "`id`, `name`, `region`, `score` FROM `push_crm`.`customers`");
    assertThat(sameAsNative(query + " order by id", "pg")).containsExactly("1,19", "5,9");
    assertThat(sameAsNative(query + " order by id", "my")).containsExactly("1,19", "5,9");
  }

  @Test
  void aggregatesRunInTheSource() throws SQLException {
    String query = "select customer_id, count(*), sum(amount), min(placed), max(amount) "
        + "from $s.orders group by customer_id";
    assertThat(remoteSql(query.replace("$s", "pg"))).containsExactly("pg: SELECT "
        + "\"customer_id\", COUNT(*), SUM(\"amount\"), MIN(\"placed\"), MAX(\"amount\") "
        + "FROM \"public\".\"orders\" GROUP BY \"customer_id\"");
    assertThat(remoteSql(query.replace("$s", "my"))).containsExactly("my: SELECT "
        + "`customer_id`, COUNT(*), SUM(`amount`), MIN(`placed`), MAX(`amount`) "
        + "FROM `push_crm`.`orders` GROUP BY `customer_id`");
    for (String schema : List.of("pg", "my")) {
      assertThat(sameAsNative(query + " order by customer_id", schema)).containsExactly(
          "1,2,112.50,2024-03-01,100.00", "2,2,10.25,2024-03-02,7.25",
          "3,1,1.00,2024-03-04,1.00", "4,1,null,2024-03-05,null", "9,1,8.00,2024-03-07,8.00");
    }
    // AVG sent as SUM and COUNT: TestFederatedStatistics, over a table whose catalog row count
    // makes that cheaper than moving the rows (five rows here cost about the same either way).
    assertThat(sameAsNative("select avg(c.score), count(distinct o.customer_id) from $s.orders o "
        + "join $s.customers c on c.id = o.customer_id", "pg")).containsExactly("21,4");
    assertThat(remoteSql("select count(distinct customer_id) from my.orders"))
        .containsExactly("my: SELECT COUNT(DISTINCT `customer_id`) FROM `push_crm`.`orders`");
  }

  @Test
  void orderByWithLimitRunsInTheSourceWithRedshiftsNullOrder() throws SQLException {
    String query = "select id, amount from $s.orders order by amount desc, id limit 3";
    // Redshift sorts NULL above every value, as PostgreSQL does; MySQL is told explicitly.
    assertThat(remoteSql(query.replace("$s", "pg"))).containsExactly("pg: SELECT \"id\", "
        + "\"amount\" FROM \"public\".\"orders\" ORDER BY \"amount\" DESC, \"id\" "
        + "FETCH NEXT 3 ROWS ONLY");
    assertThat(remoteSql(query.replace("$s", "my"))).containsExactly("my: SELECT `id`, "
        + "`amount` FROM `push_crm`.`orders` ORDER BY `amount` IS NULL DESC, `amount` DESC, "
        + "`id` IS NULL, `id` LIMIT 3");
    for (String schema : List.of("pg", "my")) {
      assertThat(sameAsNative(query, schema)).containsExactly("14,null", "12,100.00",
          "10,12.50");
      assertThat(sameAsNative("select id, amount from $s.orders order by amount, id "
          + "limit 2 offset 1", schema)).containsExactly("15,3.00", "11,7.25");
      assertThat(sameAsNative("select id from $s.orders order by placed nulls first, id "
          + "limit 2", schema)).containsExactly("15", "10");
    }
    assertThat(remoteSql("select id from pg.orders order by amount, id limit 2 offset 1"))
        .singleElement().asString().endsWith("OFFSET 1 ROWS FETCH NEXT 2 ROWS ONLY");
    // String order depends on the database's collation: it stays in Basalt.
    assertThat(remoteSql("select name from pg.customers order by name limit 2"))
        .singleElement().asString().doesNotContain("ORDER BY").doesNotContain("FETCH");
  }

  @Test
  void joinsOfOneSourcesTablesRunInTheSource() throws SQLException {
    String query = "select c.name, o.amount from $s.customers c join $s.orders o "
        + "on o.customer_id = c.id where o.amount > 5";
    assertThat(remoteSql(query.replace("$s", "pg"))).containsExactly("pg: SELECT \"t\".\"name\", "
        + "\"t1\".\"amount\" FROM (SELECT \"id\", \"name\" FROM \"public\".\"customers\") AS \"t\" "
        + "INNER JOIN (SELECT \"customer_id\", \"amount\" FROM \"public\".\"orders\" WHERE "
        + "CAST(\"amount\" AS DECIMAL(12, 2)) > 5.00) AS \"t1\" ON \"t\".\"id\" = \"t1\".\"customer_id\"");
    assertThat(remoteSql(query.replace("$s", "my"))).containsExactly("my: SELECT `t`.`name`, "
        + "`t1`.`amount` FROM (SELECT `id`, `name` FROM `push_crm`.`customers`) AS `t` "
        + "INNER JOIN (SELECT `customer_id`, `amount` FROM `push_crm`.`orders` WHERE "
        + "CAST(`amount` AS DECIMAL(12, 2)) > 5.00) AS `t1` ON `t`.`id` = `t1`.`customer_id`");
    for (String schema : List.of("pg", "my")) {
      assertThat(sameAsNative(query + " order by o.id", schema))
          .containsExactly("ann,12.50", "bo,7.25", "ann,100.00");
      assertThat(sameAsNative("select c.name, sum(o.amount) from $s.customers c left join "
          + "$s.orders o on o.customer_id = c.id group by c.id, c.name order by c.id", schema))
          .containsExactly("ann,112.50", "bo,10.25", "cy,1.00", "Ann,null", "dee,null");
    }
  }

  @Test
  void otherShapesReturnWhatBasaltReturns() throws SQLException {
    for (String schema : List.of("pg", "my")) {
      for (String query : List.of(
          "select id from $s.orders order by id offset 5",
          "select a.id, b.id from $s.customers a join $s.customers b on b.score > a.score "
              + "order by a.id, b.id",
          "select c.id, o.id from $s.customers c full join $s.orders o on o.customer_id = c.id "
              + "order by c.id, o.id",
          "select c.id from $s.customers c where exists (select 1 from $s.orders o "
              + "where o.customer_id = c.id and o.amount > 5) order by c.id",
          "select region, count(*), count(distinct score) from $s.customers group by region "
              + "order by region",
          "select id, case when score > 10 then score else -1 end from $s.customers "
              + "where score is not null and id in (1, 2, 4) order by id",
          "select placed, count(*) from $s.orders where placed between date '2024-03-02' "
              + "and date '2024-03-05' group by placed order by placed desc")) {
        assertThat(sameAsNative(query, schema)).as(query).isNotEmpty();
      }
    }
    assertThat(remoteSql("select c.id, o.id from pg.customers c full join pg.orders o "
        + "on o.customer_id = c.id")).singleElement().asString().contains("FULL JOIN");
  }

  @Test
  void blankPaddedCharValuesOfPushedStatementsArriveWithoutTrailingBlanks() throws SQLException {
    statement.execute(PRIO.replace("$t", "local_prio"));
    statement.execute(PRIO_ROWS.replace("$t", "local_prio"));
    statement.execute("create table lines (k integer, mode varchar(10))");
    statement.execute("insert into lines values (1, 'MAIL'), (2, 'MAIL'), (3, 'SHIP')");
    // TPC-H Q12's shape: the remote side is a pushed statement whose CHAR column Basalt
    // compares with literals.
    String query = "select l.mode, sum(case when r.p = '1-URGENT' or r.p = '2-HIGH' then 1 "
        + "else 0 end) from $s.prio r join lines l on l.k = r.k group by l.mode order by l.mode";
    assertThat(plan(query.replace("$s", "pg"))).contains("RemoteQuery(source=[pg]");
    assertThat(sameAsNative(query, "pg")).containsExactly("MAIL,2", "SHIP,0");
    assertThat(sameAsNative("select p, length(p) from $s.prio order by k", "pg"))
        .containsExactly("1-URGENT,8", "2-HIGH,6", "3-MEDIUM,8");
  }

  @Test
  void redshiftOnlyFunctionsStayInBasalt() throws SQLException {
    for (String schema : List.of("pg", "my")) {
      String query = "select o.id, len(name), dateadd(day, 1, placed) from $s.orders o "
          + "join $s.customers c on c.id = o.customer_id where datediff(day, placed, "
          + "date '2024-03-04') >= 2";
      for (String statement : remoteSql(query.replace("$s", schema))) {
        assertThat(statement).doesNotContainIgnoringCase("len(")
            .doesNotContainIgnoringCase("dateadd").doesNotContainIgnoringCase("datediff");
      }
      assertThat(sameAsNative("select o.id, len(c.name), dateadd(day, 1, o.placed) "
          + "from $s.orders o join $s.customers c on c.id = o.customer_id "
          + "where datediff(day, o.placed, date '2024-03-04') >= 2 order by o.id", schema))
          .containsExactly("10,3,2024-03-02 00:00:00.000", "11,2,2024-03-03 00:00:00.000");
    }
    assertThat(remoteSql("select nvl2(score, 1, 0) from pg.customers")).singleElement()
        .asString().doesNotContainIgnoringCase("nvl2");
    assertThat(sameAsNative("select nvl2(score, 1, 0) from $s.customers order by id", "pg"))
        .containsExactly("1", "1", "0", "1", "1");
  }

  @Test
  void joinsWithNativeTablesAndOtherSourcesRunInBasalt() throws SQLException {
    String query = "select c.name, r.label from pg.customers c join regions r "
        + "on r.region = c.region";
    assertThat(remoteSql(query)).containsExactly(
        "pg: SELECT \"name\", \"region\" FROM \"public\".\"customers\"");
    assertThat(plan(query)).contains("BasaltHashJoin").contains("table=[[public, regions]]");
    assertThat(rows(query + " order by c.id")).containsExactly("ann,Europe",
        "bo,United States", "cy,Europe", "dee,United States");
    // Two sources: each reads its own table; the join is Basalt's.
    String across = "select c.name, o.amount from pg.customers c join my.orders o "
        + "on o.customer_id = c.id";
    assertThat(remoteSql(across)).hasSize(2).noneMatch(s -> s.contains("JOIN"));
    assertThat(rows(across + " order by o.id")).isEqualTo(
        rows("select c.name, o.amount from local_customers c join local_orders o "
            + "on o.customer_id = c.id order by o.id"));
  }

  @Test
  void statementParametersAreNotSentToTheSource() throws SQLException {
    try (java.sql.PreparedStatement prepared = connection.prepareStatement(
        "select name from pg.customers where id = ? order by name")) {
      prepared.setInt(1, 2);
      try (java.sql.ResultSet result = prepared.executeQuery()) {
        assertThat(result.next()).isTrue();
        assertThat(result.getString(1)).isEqualTo("bo");
        assertThat(result.next()).isFalse();
      }
    }
  }

  @Test
  void likeAndNotLikeRunInPostgresNotInMysql() throws SQLException {
    String query = "select id from $s.customers where name not like '%n%' and name like '_%'";
    assertThat(remoteSql(query.replace("$s", "pg"))).containsExactly("pg: SELECT \"id\" FROM "
        + "\"public\".\"customers\" WHERE \"name\" LIKE '_%' ESCAPE '\\' AND \"name\" NOT "
        + "LIKE '%n%' ESCAPE '\\'");
    assertThat(plan(query.replace("$s", "my"))).contains("LIKE($1, '%n%', '\\')");
    assertThat(sameAsNative(query + " order by id", "pg")).containsExactly("2", "3", "5");
    assertThat(sameAsNative(query + " order by id", "my")).containsExactly("2", "3", "5");
    // A pattern with the escape character itself stays in Basalt.
    assertThat(plan("select id from pg.customers where name like 'a\\_%'"))
        .contains("LIKE($1, 'a\\_%', '\\')");
  }

  @Test
  void joinsOfEveryTableKindReturnWhatNativeTablesReturn() throws SQLException {
    // The regions as a Parquet (lake) table and as an Iceberg table, next to the native one.
    statement.execute("create external schema lk from data catalog database 'push_lake' "
        + "create external database if not exists");
    statement.execute("create external table lk.regions stored as parquet location "
        + "'s3://" + LakeServer.BUCKET + "/push/regions/' as select * from regions");
    statement.execute("create external schema ice from data catalog database 'push_ice' "
        + "create external database if not exists");
    statement.execute("create table ice.regions (region varchar(4), label varchar(20)) "
        + "location 's3://" + LakeServer.BUCKET + "/push/ice_regions/' "
        + "tblproperties ('table_type'='ICEBERG')");
    statement.execute("insert into ice.regions select * from regions");
    String query = "select c.name, r.label, i.label, sum(o.amount), count(m.id) "
        + "from $c c join $o o on o.customer_id = c.id "
        + "join $m m on m.id = c.id "
        + "join $lake r on r.region = c.region join $ice i on i.region = c.region "
        + "group by c.name, r.label, i.label order by c.name";
    List<String> federated = rows(query.replace("$c", "pg.customers").replace("$o", "my.orders")
        .replace("$m", "my.customers").replace("$lake", "lk.regions")
        .replace("$ice", "ice.regions"));
    assertThat(federated).isEqualTo(rows(query.replace("$c", "local_customers")
        .replace("$o", "local_orders").replace("$m", "local_customers")
        .replace("$lake", "regions").replace("$ice", "regions")));
    assertThat(federated).containsExactly("ann,Europe,Europe,112.50,2",
        "bo,United States,United States,10.25,2", "cy,Europe,Europe,1.00,1");
  }
}
