package io.basalt.federation.iceberg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.basalt.storage.StorageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where the Iceberg catalog keeps its rows: SQLite by default, else the settings file's
 * database, with the password from the environment or a file, and never printed.
 */
class TestIcebergCatalogStore {
  @TempDir
  Path directory;

  private static JsonNode json(String text) throws IOException {
    return new ObjectMapper().readTree(text);
  }

  @Test
  void withoutSettingsTheCatalogIsSqliteInTheCatalogDirectory() {
    IcebergCatalogStore store = IcebergCatalogStore.load(null, Map.of(), directory);
    assertThat(store.jdbcUrl()).isEqualTo("jdbc:sqlite:" + directory.resolve("iceberg.db"));
    assertThat(store.user()).isEmpty();
    assertThat(store.password()).isEmpty();
    assertThat(store.host()).isEmpty();
  }

  @Test
  void theEnvironmentsPasswordWinsOverThePasswordFile() throws IOException {
    Path file = directory.resolve("pw");
    Files.writeString(file, "from-file\n");
    JsonNode settings = json("{\"iceberg_catalog\": {\"url\": "
        + "\"jdbc:postgresql://db.example:5433/lake?ssl=true\", \"user\": \"basalt\", "
        + "\"password_file\": \"" + file + "\"}}");

    IcebergCatalogStore fromFile = IcebergCatalogStore.load(settings, Map.of(), directory);
    assertThat(fromFile.password()).contains("from-file");
    assertThat(fromFile.user()).contains("basalt");
    assertThat(fromFile.host()).contains("db.example:5433");
    assertThat(fromFile.description()).isEqualTo("jdbc:postgresql://db.example:5433/lake?...");
    assertThat(fromFile.toString()).doesNotContain("from-file").contains("password=****");

    IcebergCatalogStore fromEnv = IcebergCatalogStore.load(settings,
        Map.of(IcebergCatalogStore.PASSWORD_VARIABLE, "from-env"), directory);
    assertThat(fromEnv.password()).contains("from-env");
    assertThat(fromEnv.connectionProperties())
        .containsExactlyInAnyOrderEntriesOf(Map.of("user", "basalt", "password", "from-env"));
  }

  @Test
  void malformedSettingsAreF0000WithoutThePassword() throws IOException {
    assertThatThrownBy(() -> IcebergCatalogStore.load(json(
        "{\"iceberg_catalog\": {\"url\": \"jdbc:postgresql://h/db\", \"password\": \"x\"}}"),
        Map.of(), directory))
        .isInstanceOf(StorageException.class)
        .hasMessage("Cannot load Iceberg catalog settings: unknown setting "
            + "iceberg_catalog.password")
        .satisfies(e -> assertThat(((StorageException) e).sqlState()).isEqualTo("F0000"));
    assertThatThrownBy(() -> IcebergCatalogStore.load(json(
        "{\"iceberg_catalog\": {\"url\": \"postgresql://h/db?password=secret\"}}"), Map.of(),
        directory))
        .hasMessage("Cannot load Iceberg catalog settings: the catalog database URL must be a "
            + "JDBC URL (jdbc:postgresql://HOST:PORT/DATABASE), not 'postgresql://h/db?...'");
    assertThatThrownBy(() -> IcebergCatalogStore.load(json("{\"iceberg_catalog\": "
        + "{\"password_file\": \"" + directory.resolve("missing") + "\"}}"), Map.of(), directory))
        .hasMessageStartingWith("Cannot load Iceberg catalog settings: cannot read "
            + "iceberg_catalog.password_file '" + directory.resolve("missing") + "'");
  }

  @Test
  void theHostLeavesOutUserAndParameters() {
    assertThat(IcebergCatalogStore.of("jdbc:postgresql://127.0.0.1/db;password=x").host())
        .isEqualTo(Optional.of("127.0.0.1"));
    assertThat(IcebergCatalogStore.of("jdbc:postgresql://u@db:5432?password=x").host())
        .isEqualTo(Optional.of("db:5432"));
  }
}
