package io.basalt.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.apache.calcite.avatica.AvaticaSqlException;
import org.junit.jupiter.api.Test;

class TestServerErrors {

  @Test
  void statementErrorsCarryTheServersMessageAndSqlState() throws Exception {
    try (FakeAvaticaServer server = new FakeAvaticaServer("secret");
        Connection connection = DriverManager.getConnection(
            "jdbc:basalt://127.0.0.1:" + server.port() + "/dev", "admin", "secret");
        Statement statement = connection.createStatement()) {
      assertThatThrownBy(() -> statement.executeQuery("select * from nosuch"))
          .isInstanceOf(SQLException.class)
          .hasMessage("relation \"nosuch\" does not exist")
          .hasCauseInstanceOf(AvaticaSqlException.class)
          .extracting(e -> ((SQLException) e).getSQLState())
          .isEqualTo("42P01");
    }
  }

  @Test
  void prepareErrorsCarryTheServersMessageAndSqlState() throws Exception {
    try (FakeAvaticaServer server = new FakeAvaticaServer("secret");
        Connection connection = DriverManager.getConnection(
            "jdbc:basalt://127.0.0.1:" + server.port() + "/dev", "admin", "secret")) {
      assertThatThrownBy(() -> connection.prepareStatement("select * from nosuch"))
          .isInstanceOf(SQLException.class)
          .hasMessage("relation \"nosuch\" does not exist")
          .extracting(e -> ((SQLException) e).getSQLState())
          .isEqualTo("42P01");
    }
  }

  @Test
  void reportsALostServerAsConnectionFailure() throws Exception {
    FakeAvaticaServer server = new FakeAvaticaServer("secret");
    Connection connection = DriverManager.getConnection(
        "jdbc:basalt://127.0.0.1:" + server.port() + "/dev", "admin", "secret");
    Statement statement = connection.createStatement();
    server.close();

    assertThatThrownBy(() -> statement.executeQuery("select 1"))
        .isInstanceOf(SQLException.class)
        .hasMessageStartingWith("Lost the connection to the Basalt server: ")
        .extracting(e -> ((SQLException) e).getSQLState())
        .isEqualTo("08006");
    // Not closed: closing would try to reach the stopped server, which is not under test.
  }

  @Test
  void leavesOtherExceptionsAlone() {
    SQLException local = new SQLException("Cannot run: statement is closed", "HY010");

    assertThat((Object) ServerErrors.clean(local)).isSameAs(local);
  }

  @Test
  void stripsAvaticasWrapping() {
    AvaticaSqlException wrapped = new AvaticaSqlException(
        "Error while executing SQL \"select 1\": Remote driver error: division by zero",
        "22012", 0, List.of(), "server");

    SQLException clean = ServerErrors.clean(wrapped);

    assertThat(clean.getMessage()).isEqualTo("division by zero");
    assertThat(clean.getSQLState()).isEqualTo("22012");
    assertThat((Object) clean.getCause()).isSameAs(wrapped);
  }
}
