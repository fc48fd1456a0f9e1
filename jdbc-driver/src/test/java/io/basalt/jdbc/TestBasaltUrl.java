package io.basalt.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TestBasaltUrl {

  @Test
  void parsesHostPortAndDatabase() throws SQLException {
    BasaltUrl url = BasaltUrl.parse("jdbc:basalt://db.example.com:6000/sales");

    assertThat(url.host()).isEqualTo("db.example.com");
    assertThat(url.port()).isEqualTo(6000);
    assertThat(url.database()).isEqualTo("sales");
    assertThat(url.properties()).isEmpty();
    assertThat(url.httpAddress()).isEqualTo("http://db.example.com:6000");
  }

  @Test
  void defaultsPortAndDatabase() throws SQLException {
    assertThat(BasaltUrl.parse("jdbc:basalt://localhost"))
        .isEqualTo(new BasaltUrl("localhost", 5439, "dev", Map.of()));
    assertThat(BasaltUrl.parse("jdbc:basalt://localhost/"))
        .isEqualTo(new BasaltUrl("localhost", 5439, "dev", Map.of()));
    assertThat(BasaltUrl.parse("jdbc:basalt://127.0.0.1:/dev2"))
        .isEqualTo(new BasaltUrl("127.0.0.1", 5439, "dev2", Map.of()));
  }

  @Test
  void parsesDecodedQueryProperties() throws SQLException {
    BasaltUrl url =
        BasaltUrl.parse("jdbc:basalt://h:5439/dev?user=admin&password=p%26ss%3Dw+rd&&ssl=false");

    assertThat(url.properties())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("user", "admin", "password", "p&ss=w rd", "ssl", "false"));
  }

  @Test
  void parsesBracketedIpv6Hosts() throws SQLException {
    BasaltUrl url = BasaltUrl.parse("jdbc:basalt://[::1]:7000/dev");

    assertThat(url.host()).isEqualTo("::1");
    assertThat(url.port()).isEqualTo(7000);
    assertThat(url.httpAddress()).isEqualTo("http://[::1]:7000");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "jdbc:basalt:",
      "jdbc:basalt:localhost:5439/dev",
      "jdbc:basalt://",
      "jdbc:basalt://:5439/dev",
      "jdbc:basalt://host:port/dev",
      "jdbc:basalt://host:0/dev",
      "jdbc:basalt://host:70000/dev",
      "jdbc:basalt://host:5439/a/b",
      "jdbc:basalt://host:5439/dev?user",
      "jdbc:basalt://host:5439/dev?password=%zz",
      "jdbc:basalt://bad host/dev",
      "jdbc:basalt://[::1/dev",
      "jdbc:basalt://[::1]x/dev",
      "jdbc:postgresql://host:5439/dev",
  })
  void rejectsMalformedUrlsWithSqlState08001(String url) {
    assertThatThrownBy(() -> BasaltUrl.parse(url))
        .isInstanceOf(SQLException.class)
        .hasMessageStartingWith("Cannot connect: invalid JDBC URL '")
        .hasMessageEndingWith("(expected jdbc:basalt://HOST:PORT/DATABASE)")
        .extracting(e -> ((SQLException) e).getSQLState())
        .isEqualTo("08001");
  }

  @Test
  void namesTheProblemInTheMessage() {
    assertThatThrownBy(() -> BasaltUrl.parse("jdbc:basalt://host:port/dev"))
        .hasMessage("Cannot connect: invalid JDBC URL 'jdbc:basalt://host:port/dev': "
            + "port 'port' is not a number (expected jdbc:basalt://HOST:PORT/DATABASE)");
  }

  @Test
  void keepsQueryStringsOutOfMessages() {
    assertThatThrownBy(() -> BasaltUrl.parse("jdbc:basalt://h:x/dev?password=secret"))
        .hasMessageContaining("'jdbc:basalt://h:x/dev?...'")
        .message()
        .doesNotContain("secret");
  }
}
