package io.basalt.federation.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The test servers are real: the test user logs in over TCP on 127.0.0.1 with its password and
 * not with another, writes and reads rows, and creates databases of its own.
 */
class TestDatabaseServer {
  @ParameterizedTest
  @EnumSource(DatabaseServer.Engine.class)
  void theTestUserLogsInWithItsPasswordOnly(DatabaseServer.Engine engine) throws SQLException {
    DatabaseServer server = DatabaseServer.of(engine);
    assertThat(server.url()).startsWith("jdbc:" + (engine == DatabaseServer.Engine.POSTGRES
        ? "postgresql" : "mariadb") + "://127.0.0.1:");
    assertThat(DatabaseServer.of(engine)).isSameAs(server);

    String url = server.createDatabase("server_check");
    try (Connection connection = DriverManager.getConnection(url, server.user(),
            server.password());
        Statement statement = connection.createStatement()) {
      statement.execute("create table t (id int, name varchar(10))");
      statement.execute("insert into t values (1, 'one'), (2, 'two')");
      try (ResultSet rows = statement.executeQuery("select name from t order by id")) {
        assertThat(rows.next()).isTrue();
        assertThat(rows.getString(1)).isEqualTo("one");
        assertThat(rows.next()).isTrue();
        assertThat(rows.getString(1)).isEqualTo("two");
      }
    }

    // 28P01 is PostgreSQL's invalid_password, 28000 MariaDB's access denied.
    assertThatThrownBy(() -> DriverManager.getConnection(server.url(), server.user(), "wrong"))
        .isInstanceOf(SQLException.class)
        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).startsWith("28"));
  }
}
