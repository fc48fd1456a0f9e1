package io.basalt.federation.remote;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.federation.datacatalog.DataCatalog;
import io.basalt.federation.datacatalog.ExternalSchemaDefinition;
import io.basalt.federation.testing.DatabaseServer;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cached remote metadata against the real PostgreSQL: it holds for its lifetime, and once it
 * expires (by the sources' clock) or is dropped, the version plans are cached at changes and
 * the next lookup reads the remote columns afresh.
 */
class TestMetadataExpiry {
  @Test
  void expiredMetadataChangesTheVersionAndIsReadAgain(@TempDir Path directory) throws Exception {
    DatabaseServer postgres = DatabaseServer.postgres();
    String url = postgres.createDatabase("fed_expiry");
    run(postgres, url, "create table t (a integer)");
    DataCatalog catalog = DataCatalog.open(directory);
    AtomicLong now = new AtomicLong();
    try (RemoteSources sources = new RemoteSources(catalog, directory, now::get)) {
      URI address = URI.create(postgres.url().substring("jdbc:".length()));
      catalog.createExternalSchema(new ExternalSchemaDefinition("pg", "POSTGRES", "fed_expiry",
          Map.of("uri", address.getHost(), "port", Integer.toString(address.getPort()),
              "user", postgres.user(), "password", sources.seal(postgres.password()))), false);
      RemoteSource source = sources.source("pg");
      assertThat(source.tables().get("t").columns()).hasSize(1);
      long version = sources.version();

      run(postgres, url, "alter table t add column b text");
      now.addAndGet(TimeUnit.SECONDS.toNanos(59));
      assertThat(sources.version()).isEqualTo(version);
      assertThat(source.tables().get("t").columns()).hasSize(1);

      now.addAndGet(TimeUnit.SECONDS.toNanos(2));
      long expired = sources.version();
      assertThat(expired).isGreaterThan(version);
      assertThat(sources.version()).isEqualTo(expired);
      assertThat(source.tables().get("t").columns()).extracting(RemoteColumn::name)
          .containsExactly("a", "b");

      source.invalidate();
      assertThat(sources.version()).isGreaterThan(expired);
    }
  }

  private static void run(DatabaseServer postgres, String url, String sql) throws SQLException {
    try (Connection connection = DriverManager.getConnection(url, postgres.user(),
        postgres.password()); Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
