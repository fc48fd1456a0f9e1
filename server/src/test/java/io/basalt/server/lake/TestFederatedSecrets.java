package io.basalt.server.lake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.federation.testing.DatabaseServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Named secrets of federated schemas (CREATE / DROP SECRET, SECRET_ARN, SVV_SECRETS), the
 * options of CREATE EXTERNAL SCHEMA checked when it runs, and REFRESH EXTERNAL SCHEMA, against
 * the real PostgreSQL of the tests.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TestFederatedSecrets {
  private static final String ARN = "arn:aws:secretsmanager:us-east-1:123456789012:secret:";

  Path dataDirectory;
  DatabaseServer postgres;
  String shopUrl;
  LakeServer server;
  Connection connection;
  Statement statement;

  @BeforeAll
  void start(@TempDir Path directory) throws Exception {
    dataDirectory = directory;
    postgres = DatabaseServer.postgres();
    shopUrl = postgres.createDatabase("fed_secrets");
    remote("create table items (id integer, name text)",
        "insert into items values (1, 'one'), (2, 'two')");
    server = LakeServer.folders(dataDirectory);
    connection = server.connect();
    statement = connection.createStatement();
    statement.execute("create secret pg_reader user '" + postgres.user() + "' password '"
        + postgres.password() + "'");
    statement.execute("create external schema pgs from postgres database 'fed_secrets' uri '"
        + postgres.host() + "' port " + postgres.port() + " secret_arn '" + ARN + "pg_reader'");
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

  private void remote(String... sql) throws SQLException {
    try (Connection pg = DriverManager.getConnection(shopUrl, postgres.user(),
        postgres.password()); Statement s = pg.createStatement()) {
      for (String each : sql) {
        s.execute(each);
      }
    }
  }

  private List<String> rows(String sql) throws SQLException {
    return LakeServer.rows(statement, sql);
  }

  private static void fails(ThrowingCallable call, String state, String message) {
    assertThatThrownBy(call).isInstanceOf(SQLException.class)
        .hasMessageContaining(message)
        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo(state));
  }

  @Test
  void aSchemaLogsInWithItsSecret() throws SQLException {
    assertThat(rows("select id, name from pgs.items order by id"))
        .containsExactly("1,one", "2,two");
  }

  @Test
  void svvSecretsListsSecretsWithoutTheirPasswords() throws Exception {
    statement.execute("create secret if not exists listed user 'someone' password 'hidden-777'");
    try {
      assertThat(rows("select secret_name, user_name, schemas from svv_secrets "
          + "order by secret_name"))
          .contains("listed,someone,", "pg_reader," + postgres.user() + ",pgs");
      assertThat(rows("select count(*) from svv_secrets where created is not null "
          + "and secret_name = 'listed'")).containsExactly("1");
      assertThat(String.join("\n", rows("select * from svv_secrets")))
          .doesNotContain("hidden-777").doesNotContain(postgres.password());
      assertThat(String.join("\n", rows("explain select name from pgs.items where id = 1")))
          .doesNotContain(postgres.password());
      List<Path> files;
      try (Stream<Path> all = Files.walk(dataDirectory)) {
        files = all.filter(Files::isRegularFile).toList();
      }
      assertThat(files.stream().map(f -> f.getFileName().toString())).contains("secrets.json");
      for (Path file : files) {
        String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        assertThat(text).as(file.toString()).doesNotContain("hidden-777")
            .doesNotContain(postgres.password());
      }
    } finally {
      statement.execute("drop secret listed");
    }
  }

  @Test
  void aMissingSecretIsAnErrorNamingIt() {
    fails(() -> statement.execute("create external schema pg_nosecret from postgres "
            + "database 'fed_secrets' uri '127.0.0.1' secret_arn '" + ARN + "nope'"),
        "42704", "Cannot create external schema 'pg_nosecret': SECRET_ARN names secret "
            + "'nope', which does not exist");
    fails(() -> statement.execute("drop secret nope"), "42704",
        "Cannot drop secret 'nope': it does not exist");
  }

  @Test
  void dropIfExistsAndCreateIfNotExistsAreQuiet() throws SQLException {
    statement.execute("drop secret if exists never_made");
    statement.execute("create secret if not exists pg_reader user 'x' password 'y'");
    fails(() -> statement.execute("create secret pg_reader user 'x' password 'y'"), "42710",
        "Cannot create secret 'pg_reader': it already exists");
    // IF NOT EXISTS left the secret as it was.
    assertThat(rows("select count(*) from pgs.items")).containsExactly("2");
  }

  @Test
  void aSecretInUseCannotBeDropped() throws SQLException {
    statement.execute("create secret shared user '" + postgres.user() + "' password '"
        + postgres.password() + "'");
    statement.execute("create external schema pg_a from postgres database 'fed_secrets' uri '"
        + postgres.host() + "' port " + postgres.port() + " secret_arn 'shared'");
    statement.execute("create external schema pg_b from postgres database 'fed_secrets' uri '"
        + postgres.host() + "' port " + postgres.port() + " secret_arn '" + ARN + "shared'");
    try {
      fails(() -> statement.execute("drop secret shared"), "2BP01",
          "Cannot drop secret 'shared': it is used by remote schemas 'pg_a', 'pg_b'");
      assertThat(rows("select count(*) from pg_b.items")).containsExactly("2");
    } finally {
      statement.execute("drop schema pg_a");
      statement.execute("drop schema pg_b");
    }
    statement.execute("drop secret shared");
    assertThat(rows("select count(*) from svv_secrets where secret_name = 'shared'"))
        .containsExactly("0");
  }

  @Test
  void replacingASecretLogsInAnewWithoutShowingThePassword() throws SQLException {
    statement.execute("create secret rotated user '" + postgres.user() + "' password '"
        + postgres.password() + "'");
    statement.execute("create external schema pg_rot from postgres database 'fed_secrets' "
        + "uri '" + postgres.host() + "' port " + postgres.port() + " secret_arn 'rotated'");
    try {
      assertThat(rows("select count(*) from pg_rot.items")).containsExactly("2");
      statement.execute("create or replace secret rotated user '" + postgres.user()
          + "' password 'wrong-password-555'");
      assertThatThrownBy(() -> rows("select count(*) from pg_rot.items"))
          .satisfies(e -> {
            SQLException sql = (SQLException) e;
            assertThat(sql.getSQLState()).startsWith("28");
            assertThat(sql.getMessage()).contains("pg_rot")
                .doesNotContain("wrong-password-555");
          });
      statement.execute("create or replace secret rotated user '" + postgres.user()
          + "' password '" + postgres.password() + "'");
      assertThat(rows("select count(*) from pg_rot.items")).containsExactly("2");
    } finally {
      statement.execute("drop schema pg_rot");
      statement.execute("drop secret rotated");
    }
  }

  @Test
  void createExternalSchemaChecksItsOptions() {
    String start = "create external schema pg_opt from postgres database 'fed_secrets' ";
    fails(() -> statement.execute(start + "uri '127.0.0.1' port 70000 user 'u'"), "22023",
        "Cannot create external schema 'pg_opt': PORT 70000 is not a port number (1 to 65535)");
    fails(() -> statement.execute(start + "uri '127.0.0.1' port 0 user 'u'"), "22023",
        "PORT 0 is not a port number");
    fails(() -> statement.execute(start + "uri '127.0.0.1' password 'p'"), "22023",
        "Cannot create external schema 'pg_opt': USER is required");
    fails(() -> statement.execute(start + "uri '127.0.0.1' user 'u' secret_arn 'pg_reader'"),
        "22023", "SECRET_ARN and USER cannot both be given");
    fails(() -> statement.execute(start + "uri '' user 'u'"), "22023", "URI is empty");
    fails(() -> statement.execute(start + "uri 'db.example.com:5432' port 5432 user 'u'"),
        "22023", "URI 'db.example.com:5432' is not a host name");
    assertThatThrownBy(() -> statement.execute("create external schema pg_opt from postgres "
        + "uri '127.0.0.1' user 'u'")).hasMessageContaining("DATABASE is required");
    assertThatThrownBy(() -> statement.execute(start + "uri '127.0.0.1' user 'u' "
        + "region 'us-east-1'")).hasMessageContaining("REGION is not an option of FROM POSTGRES");
    assertThatThrownBy(() -> statement.execute(start + "uri '127.0.0.1' user 'u' "
        + "sslmode 'require'")).hasMessageContaining("SSLMODE is not an option of FROM POSTGRES");
  }

  @Test
  void refreshShowsAColumnAddedRemotely() throws SQLException {
    remote("create table evolving (id integer)", "insert into evolving values (1)");
    // The metadata other tests read may be cached from before the table existed.
    statement.execute("refresh external schema pgs");
    assertThat(rows("select * from pgs.evolving")).containsExactly("1");
    remote("alter table evolving add column label text", "update evolving set label = 'new'");
    statement.execute("refresh external schema pgs");
    // The same text again: a plan cached before the refresh must not be reused.
    assertThat(rows("select * from pgs.evolving")).containsExactly("1,new");
    assertThat(rows("select column_name from information_schema.columns "
        + "where table_schema = 'pgs' and table_name = 'evolving' order by ordinal_position"))
        .containsExactly("id", "label");
    fails(() -> statement.execute("refresh external schema no_such_schema"), "3F000",
        "Cannot refresh external schema 'no_such_schema': it does not exist");
  }
}
