package io.basalt.server.lake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.federation.testing.DatabaseServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Federated PostgreSQL and MariaDB schemas against real servers: their tables in
 * information_schema, filtered and projected scans, a join of both with a native table, the
 * type mapping, unsupported columns, refused logins, unreachable sources, read-only tables, and
 * the password kept out of SVV_EXTERNAL_SCHEMAS and the catalog files.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TestFederatedSchemas {
  Path dataDirectory;
  DatabaseServer postgres;
  DatabaseServer mariadb;
  LakeServer server;
  Connection connection;
  Statement statement;

  @BeforeAll
  void start(@TempDir Path directory) throws Exception {
    dataDirectory = directory;
    postgres = DatabaseServer.postgres();
    mariadb = DatabaseServer.mariadb();
    try (Connection pg = DriverManager.getConnection(postgres.createDatabase("fed_shop"),
        postgres.user(), postgres.password()); Statement s = pg.createStatement()) {
      s.execute("create table customers (id integer primary key, name varchar(20), region text)");
      s.execute("insert into customers values (1, 'ann', 'EU'), (2, 'bo', 'US'), "
          + "(3, 'cy', 'EU'), (4, 'Ann', null)");
      s.execute("create view eu_customers as select id, name from customers "
          + "where region = 'EU'");
      s.execute("create type mood as enum ('sad', 'happy')");
      s.execute("create table types (i2 smallint, i4 integer, i8 bigint, n numeric(12,3), "
          + "nu numeric, r real, d double precision, t text, vc varchar(10), c char(3), "
          + "dt date, ts timestamp, tstz timestamptz, b boolean, by bytea, j json, jb jsonb, "
          + "m mood, arr integer[])");
      s.execute("insert into types values (-2, 4, 8000000000, 123.456, 1.5, 2.5, 3.25, "
          + "'text', 'vc', 'ab', date '2024-02-29', timestamp '2024-01-02 03:04:05.678', "
          + "timestamptz '2024-01-02 03:04:05+02', true, '\\x0102ff', '{\"a\": 1}', "
          + "'{\"b\": 2}', 'happy', array[1, 2])");
      s.execute("insert into types (i4) values (null)");
    }
    try (Connection my = DriverManager.getConnection(mariadb.createDatabase("fed_crm"),
        mariadb.user(), mariadb.password()); Statement s = my.createStatement()) {
      s.execute("create table orders (id int primary key, customer_id int, "
          + "amount decimal(10,2), placed datetime, note text)");
      s.execute("insert into orders values (10, 1, 12.50, '2024-03-01 10:00:00', 'first'), "
          + "(11, 2, 7.25, '2024-03-02 11:00:00', null), (12, 1, 100.00, "
          + "'2024-03-03 12:00:00', 'big'), (13, 3, 1.00, '2024-03-04 13:00:00', 'small')");
      s.execute("create table mtypes (ti tinyint, si smallint, mi mediumint, i int, "
          + "iu int unsigned, bi bigint, biu bigint unsigned, f float, d double, "
          + "dc decimal(30,4), c char(4), vc varchar(8), tx text, e enum('x','y'), "
          + "dt date, ts timestamp null, dtm datetime, bo boolean, bl blob, j json, tm time)");
      s.execute("insert into mtypes values (-1, 2, 3, 4, 4000000000, 5, 18000000000000000000, "
          + "1.5, 2.25, 12345678901234567890.1234, 'ch', 'var', 'long text', 'y', "
          + "'2024-02-29', '2024-01-02 03:04:05', '2024-01-02 03:04:05', true, x'0aff', "
          + "'{\"k\": 1}', '10:11:12')");
    }
    server = LakeServer.folders(dataDirectory);
    connection = server.connect();
    statement = connection.createStatement();
    statement.execute("create external schema pg from postgres database 'fed_shop' "
        + "schema 'public' uri '" + postgres.host() + "' port " + postgres.port() + " user '"
        + postgres.user() + "' password '" + postgres.password() + "'");
    statement.execute("create external schema my from mysql database 'fed_crm' uri '"
        + mariadb.host() + "' port " + mariadb.port() + " user '" + mariadb.user()
        + "' password '" + mariadb.password() + "'");
    statement.execute("create table regions (region varchar(4), label varchar(20))");
    statement.execute("insert into regions values ('EU', 'Europe'), ('US', 'United States')");
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

  @Test
  void remoteTablesAndColumnsAreInInformationSchema() throws SQLException {
    assertThat(rows("select table_name, table_type from information_schema.tables "
        + "where table_schema = 'pg' order by table_name"))
        .containsExactly("customers,EXTERNAL TABLE", "eu_customers,EXTERNAL TABLE",
            "types,EXTERNAL TABLE");
    assertThat(rows("select column_name, data_type from information_schema.columns "
        + "where table_schema = 'my' and table_name = 'orders' order by ordinal_position"))
        .containsExactly("id,integer", "customer_id,integer", "amount,numeric",
            "placed,timestamp without time zone", "note,character varying");
    List<String> tables = new ArrayList<>();
    try (ResultSet result = connection.getMetaData().getTables(null, "my", "%", null)) {
      while (result.next()) {
        tables.add(result.getString("TABLE_NAME"));
      }
    }
    assertThat(tables).contains("orders", "mtypes");
  }

  @Test
  void filtersAndProjectionsReadRemoteRows() throws SQLException {
    assertThat(rows("select name from pg.customers where region = 'EU' order by id"))
        .containsExactly("ann", "cy");
    assertThat(rows("select id from pg.customers where id between 2 and 3 order by id"))
        .containsExactly("2", "3");
    assertThat(rows("select id from pg.customers where region is null")).containsExactly("4");
    assertThat(rows("select name from pg.eu_customers order by name"))
        .containsExactly("ann", "cy");
    // MySQL's collation ignores case; Basalt's comparison still decides.
    assertThat(rows("select id from my.orders where note = 'BIG'")).isEmpty();
    assertThat(rows("select id, amount from my.orders where amount > 10 order by id"))
        .containsExactly("10,12.50", "12,100.00");
    assertThat(rows("select count(*) from my.orders")).containsExactly("4");
    assertThat(rows("select id from my.orders order by id limit 2"))
        .containsExactly("10", "11");
  }

  @Test
  void explainAnalyzeShowsTheRemoteSqlWithPushedFilters() throws SQLException {
    assertThat(String.join("\n", rows("explain analyze select name from pg.customers "
        + "where region = 'EU' and id >= 2")))
        .contains("remote SQL on pg: SELECT ")
        .contains("FROM \"public\".\"customers\" WHERE ")
        .contains("\"region\" = 'EU'")
        .contains("\"id\" >= 2")
        .contains("rows read=1");
    assertThat(String.join("\n", rows("explain analyze select id from my.orders "
        + "where note = 'BIG'")))
        .contains("remote SQL on my: SELECT ")
        .contains("FROM `fed_crm`.`orders` WHERE (`note` = 'BIG')");
  }

  @Test
  void aLimitWithoutOrderIsSentToTheSource() throws SQLException {
    assertThat(String.join("\n", rows("explain analyze select name from pg.customers "
        + "where id >= 1 limit 2")))
        .contains("remote SQL on pg: SELECT ")
        .contains(" FETCH NEXT 2 ROWS ONLY")
        .contains("rows read=2");
    assertThat(rows("select name from pg.customers where id >= 1 limit 2")).hasSize(2);
    assertThat(rows("select id from my.orders limit 1 offset 1")).hasSize(1);
    // With ORDER BY, every row is needed to pick the first ones: no limit goes out.
    assertThat(String.join("\n", rows("explain analyze select name from pg.customers "
        + "order by name limit 1"))).doesNotContain(" LIMIT ").doesNotContain(" FETCH ");
  }

  @Test
  void joinsPostgresMariadbAndNativeTables() throws SQLException {
    assertThat(rows("select c.name, r.label, sum(o.amount) from pg.customers c "
        + "join my.orders o on o.customer_id = c.id join regions r on r.region = c.region "
        + "group by c.name, r.label order by c.name"))
        .containsExactly("ann,Europe,112.50", "bo,United States,7.25", "cy,Europe,1.00");
  }

  @Test
  void postgresTypesMapToBasaltTypes() throws SQLException {
    assertThat(rows("select column_name, data_type from information_schema.columns "
        + "where table_schema = 'pg' and table_name = 'types' order by ordinal_position"))
        .containsExactly("i2,smallint", "i4,integer", "i8,bigint", "n,numeric", "nu,numeric",
            "r,real", "d,double precision", "t,character varying", "vc,character varying",
            "c,character varying", "dt,date", "ts,timestamp without time zone",
            "tstz,timestamp without time zone", "b,boolean", "by,character varying",
            "j,character varying", "jb,character varying", "m,character varying",
            "arr,character varying");
    assertThat(rows("select i2, i4, i8, n, r, d, t, vc, c, dt, ts, b, \"by\", j, m "
        + "from pg.types where i4 = 4"))
        .containsExactly("-2,4,8000000000,123.456,2.5,3.25,text,vc,ab,2024-02-29,"
            + "2024-01-02 03:04:05.678,true,\\x0102ff,{\"a\": 1},happy");
    // char(3) 'ab' arrives from PostgreSQL blank-padded; Basalt compares CHAR without the
    // blanks, here in its own engine (a CASE is not pushed), as TPC-H Q12 does.
    assertThat(rows("select case when c = 'ab' then 1 else 0 end from pg.types where i4 = 4"))
        .containsExactly("1");
    assertThat(rows("select nu, jb, tstz = timestamp '2024-01-02 01:04:05' "
        + "from pg.types where i4 = 4")).containsExactly("1.5000000000,{\"b\": 2},true");
    assertThat(rows("select count(*) from pg.types where i4 is null")).containsExactly("1");
  }

  @Test
  void mariadbTypesMapToBasaltTypes() throws SQLException {
    assertThat(rows("select ti, si, mi, i, iu, bi, biu, f, d, dc, c, vc, tx, e, dt, dtm, bo, "
        + "bl, j from my.mtypes"))
        .containsExactly("-1,2,3,4,4000000000,5,18000000000000000000,1.5,2.25,"
            + "12345678901234567890.1234,ch,var,long text,y,2024-02-29,2024-01-02 03:04:05.000,"
            + "true,\\x0aff,{\"k\": 1}");
  }

  @Test
  void anUnsupportedColumnIsAnErrorOnlyWhenRead() throws SQLException {
    assertThatThrownBy(() -> rows("select arr from pg.types"))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("Cannot read column 'arr' of 'pg.types': its remote type "
            + "'_int4' is not supported");
    assertThatThrownBy(() -> rows("select tm from my.mtypes"))
        .hasMessageContaining("column 'tm' of 'my.mtypes'");
    assertThat(rows("select i2 from pg.types where i4 = 4")).containsExactly("-2");
  }

  @Test
  void federatedTablesAreReadOnly() {
    assertThatThrownBy(() -> statement.executeUpdate("insert into pg.customers values "
        + "(9, 'x', 'EU')"))
        .hasMessageContaining("Cannot INSERT INTO federated table 'pg.customers'")
        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("0A000"));
    assertThatThrownBy(() -> statement.executeUpdate("delete from my.orders where id = 10"))
        .hasMessageContaining("Cannot DELETE FROM federated table 'my.orders'");
    assertThatThrownBy(() -> statement.executeUpdate("update my.orders set amount = 0"))
        .hasMessageContaining("Cannot UPDATE federated table 'my.orders'");
  }

  @Test
  void aWrongPasswordIsALoginErrorWithoutThePassword() throws SQLException {
    statement.execute("create external schema pg_bad from postgres database 'fed_shop' uri '"
        + postgres.host() + "' port " + postgres.port() + " user '" + postgres.user()
        + "' password 'not-the-password-123'");
    statement.execute("create external schema my_bad from mysql database 'fed_crm' uri '"
        + mariadb.host() + "' port " + mariadb.port() + " user '" + mariadb.user()
        + "' password 'not-the-password-456'");
    try {
      assertThatThrownBy(() -> rows("select * from pg_bad.customers"))
          .satisfies(e -> {
            SQLException sql = (SQLException) e;
            assertThat(sql.getSQLState()).startsWith("28");
            assertThat(sql.getMessage()).contains("pg_bad").doesNotContain("not-the-password");
          });
      assertThatThrownBy(() -> rows("select * from my_bad.orders"))
          .satisfies(e -> {
            SQLException sql = (SQLException) e;
            assertThat(sql.getSQLState()).startsWith("28");
            assertThat(sql.getMessage()).contains("my_bad").doesNotContain("not-the-password");
          });
    } finally {
      statement.execute("drop schema pg_bad");
      statement.execute("drop schema my_bad");
    }
  }

  @Test
  void anUnreachableSourceIs08001NamingSchemaAndHost() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      closedPort = socket.getLocalPort();
    }
    statement.execute("create external schema pg_down from postgres database 'fed_shop' "
        + "uri '127.0.0.1' port " + closedPort + " user 'u' password 'secret-789'");
    try {
      assertThatThrownBy(() -> rows("select * from pg_down.customers"))
          .satisfies(e -> {
            SQLException sql = (SQLException) e;
            assertThat(sql.getSQLState()).isEqualTo("08001");
            assertThat(sql.getMessage())
                .contains("Cannot connect to remote schema 'pg_down' at 127.0.0.1:" + closedPort)
                .doesNotContain("secret-789");
          });
      // The catalog still answers while a source is down.
      assertThat(rows("select count(*) from information_schema.tables "
          + "where table_schema = 'pg_down'")).containsExactly("0");
    } finally {
      statement.execute("drop schema pg_down");
    }
    assertThat(rows("select count(*) from svv_external_schemas where schemaname = 'pg_down'"))
        .containsExactly("0");
  }

  @Test
  void aRemoteTableDroppedAfterListingFailsWithTheRemoteError() throws SQLException {
    String shop = postgres.url().replace("basalt_test", "fed_shop");
    try (Connection pg = DriverManager.getConnection(shop, postgres.user(),
        postgres.password()); Statement s = pg.createStatement()) {
      s.execute("create table dropped_later (id integer)");
    }
    // A new schema reads the remote metadata afresh.
    statement.execute("create external schema pg_drop from postgres database 'fed_shop' uri '"
        + postgres.host() + "' port " + postgres.port() + " user '" + postgres.user()
        + "' password '" + postgres.password() + "'");
    try {
      assertThat(rows("select count(*) from pg_drop.dropped_later")).containsExactly("0");
      try (Connection pg = DriverManager.getConnection(shop, postgres.user(),
          postgres.password()); Statement s = pg.createStatement()) {
        s.execute("drop table dropped_later");
      }
      // The cached metadata still lists the table; the remote query fails with 42P01.
      assertThatThrownBy(() -> rows("select id from pg_drop.dropped_later"))
          .satisfies(e -> {
            SQLException sql = (SQLException) e;
            assertThat(sql.getSQLState()).isEqualTo("42P01");
            assertThat(sql.getMessage()).contains("Remote schema 'pg_drop' failed:")
                .contains("dropped_later");
          });
      // The server keeps serving the source.
      assertThat(rows("select count(*) from pg_drop.customers")).containsExactly("4");
    } finally {
      statement.execute("drop schema pg_drop");
    }
  }

  @Test
  void thePasswordIsNotInSystemTablesOrCatalogFiles() throws Exception {
    assertThat(rows("select schemaname, esoptions from svv_external_schemas "
        + "where schemaname in ('pg', 'my') order by schemaname"))
        .allSatisfy(row -> assertThat(row).doesNotContain(postgres.password())
            .doesNotContain(mariadb.password()).doesNotContain("password"));
    assertThat(String.join("\n", rows("explain select name from pg.customers where id = 1")))
        .doesNotContain(postgres.password());
    List<Path> files;
    try (Stream<Path> all = Files.walk(dataDirectory)) {
      files = all.filter(Files::isRegularFile).toList();
    }
    assertThat(files).isNotEmpty();
    for (Path file : files) {
      String text = read(file);
      assertThat(text).as(file.toString()).doesNotContain(postgres.password())
          .doesNotContain(mariadb.password());
    }
    Path key = files.stream().filter(f -> f.getFileName().toString().equals("federation.key"))
        .findFirst().orElseThrow();
    assertThat(Files.getPosixFilePermissions(key)).containsExactlyInAnyOrder(
        PosixFilePermission.OWNER_READ,
        PosixFilePermission.OWNER_WRITE);
  }

  private static String read(Path file) throws IOException {
    return new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1);
  }
}
