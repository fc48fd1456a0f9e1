package io.basalt.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class TestBasaltProperties {

  @Test
  void configuresAvaticasProtobufTransport() throws SQLException {
    Properties client =
        BasaltProperties.forClient(BasaltUrl.parse("jdbc:basalt://h:6000/sales"), new Properties());

    assertThat(client.getProperty("url")).isEqualTo("http://h:6000");
    assertThat(client.getProperty("serialization")).isEqualTo("PROTOBUF");
    assertThat(client.getProperty("httpclient_factory"))
        .isEqualTo(BasaltHttpClientFactory.class.getName());
    assertThat(client.getProperty("database")).isEqualTo("sales");
    assertThat(client.getProperty("http_connection_timeout")).isEqualTo("10000");
    assertThat(client.getProperty("http_response_timeout")).isEqualTo("0");
  }

  @Test
  void urlParametersOverrideGivenProperties() throws SQLException {
    Properties info = new Properties();
    info.setProperty("user", "from-info");
    info.setProperty("password", "pw");
    info.setProperty("http_response_timeout", "5000");
    info.setProperty("url", "http://elsewhere:1");

    Properties client = BasaltProperties.forClient(
        BasaltUrl.parse("jdbc:basalt://h/dev?user=from-url"), info);

    assertThat(client.getProperty("user")).isEqualTo("from-url");
    assertThat(client.getProperty("password")).isEqualTo("pw");
    assertThat(client.getProperty("http_response_timeout")).isEqualTo("5000");
    assertThat(client.getProperty("url")).isEqualTo("http://h:5439");
  }

  @Test
  void withholdsTransportSettingsFromTheServer() throws SQLException {
    Properties info = new Properties();
    info.setProperty("user", "admin");
    info.setProperty("password", "pw");

    assertThat(BasaltProperties.forServer(
            BasaltProperties.forClient(BasaltUrl.parse("jdbc:basalt://h/dev"), info)))
        .containsEntry("user", "admin")
        .containsEntry("password", "pw")
        .containsEntry("database", "dev")
        .doesNotContainKeys("url", "serialization", "httpclient_factory");
  }

  @Test
  void sslSpeaksHttpsAndKeepsTlsSettingsFromTheServer() throws SQLException {
    Properties info = new Properties();
    info.setProperty("truststore", "/etc/basalt/trust.p12");
    info.setProperty("truststore_password", "trust-secret");

    Properties client = BasaltProperties.forClient(
        BasaltUrl.parse("jdbc:basalt://h:6000/dev?ssl=true&hostname_verification=STRICT"), info);

    assertThat(client.getProperty("url")).isEqualTo("https://h:6000");
    assertThat(BasaltProperties.forServer(client))
        .doesNotContainKeys("ssl", "truststore", "truststore_password", "hostname_verification");
    assertThat(BasaltProperties.forClient(BasaltUrl.parse("jdbc:basalt://h/dev?ssl=FALSE"),
        new Properties()).getProperty("url")).isEqualTo("http://h:5439");
  }

  @Test
  void sslMustBeTrueOrFalse() {
    assertThatThrownBy(() -> BasaltProperties.forClient(
            BasaltUrl.parse("jdbc:basalt://h/dev?ssl=yes"), new Properties()))
        .isInstanceOfSatisfying(SQLException.class,
            e -> assertThat(e.getSQLState()).isEqualTo("08001"))
        .hasMessage("Cannot connect: property 'ssl' is 'yes' (expected true or false)");
  }
}
