package io.basalt.federation.remote;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.federation.datacatalog.DataCatalog;
import io.basalt.federation.datacatalog.ExternalSchemaDefinition;
import io.basalt.federation.testing.DatabaseServer;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Remote tables' row counts from their catalog, against the real PostgreSQL and MariaDB: an
 * analyzed table's, a never-analyzed PostgreSQL table's from its live tuples, none for a view.
 */
class TestRemoteRowCounts {
  @Test
  void postgresRowCountsFromReltuplesOrLiveTuples(@TempDir Path directory) throws Exception {
    DatabaseServer postgres = DatabaseServer.postgres();
    String url = postgres.createDatabase("fed_rows");
    try (Connection connection = DriverManager.getConnection(url, postgres.user(),
        postgres.password()); Statement statement = connection.createStatement()) {
      statement.execute("create table analyzed (a integer)");
      statement.execute("insert into analyzed select i from generate_series(1, 1234) i");
      statement.execute("analyze analyzed");
      // No autovacuum: the table stays never analyzed, with reltuples -1.
      statement.execute("create table fresh (a integer) with (autovacuum_enabled = false)");
      statement.execute("insert into fresh select i from generate_series(1, 567) i");
      statement.execute("create view seen as select * from analyzed");
      // Sends this session's counts to the statistics collector before the next command.
      statement.execute("select pg_stat_force_next_flush()");
      try (ResultSet rows = statement.executeQuery(
          "select reltuples from pg_class where relname = 'fresh'")) {
        rows.next();
        assertThat(rows.getDouble(1)).isEqualTo(-1);
      }
    }
    try (RemoteSources sources = sources(directory, postgres, "POSTGRES", "fed_rows")) {
      Map<String, RemoteTableMetadata> tables = sources.source("pg").tables();
      assertThat(tables.get("analyzed").rows()).isEqualTo(OptionalDouble.of(1234));
      assertThat(tables.get("fresh").rows()).isEqualTo(OptionalDouble.of(567));
      assertThat(tables.get("seen").rows()).isEmpty();
      assertThat(new RemoteTableSource(sources.source("pg"), tables.get("analyzed"))
          .statistics().rowCount()).isEqualTo(OptionalDouble.of(1234));
    }
  }

  @Test
  void mariadbRowCountsFromTableRows(@TempDir Path directory) throws Exception {
    DatabaseServer mariadb = DatabaseServer.mariadb();
    String url = mariadb.createDatabase("fed_rows");
    try (Connection connection = DriverManager.getConnection(url, mariadb.user(),
        mariadb.password()); Statement statement = connection.createStatement()) {
      statement.execute("create table analyzed (a integer)");
      StringBuilder values = new StringBuilder("insert into analyzed values (0)");
      for (int i = 1; i < 300; i++) {
        values.append(", (").append(i).append(')');
      }
      statement.execute(values.toString());
      statement.execute("analyze table analyzed");
      statement.execute("create view seen as select * from analyzed");
    }
    try (RemoteSources sources = sources(directory, mariadb, "MYSQL", "fed_rows")) {
      Map<String, RemoteTableMetadata> tables = sources.source("pg").tables();
      // InnoDB's figure is an estimate from sampled pages; a table this small is counted.
      assertThat(tables.get("analyzed").rows()).isEqualTo(OptionalDouble.of(300));
      assertThat(tables.get("seen").rows()).isEmpty();
    }
  }

  private static RemoteSources sources(Path directory, DatabaseServer server, String kind,
      String database) throws SQLException {
    DataCatalog catalog = DataCatalog.open(directory);
    RemoteSources sources = new RemoteSources(catalog, directory, System::nanoTime);
    URI address = URI.create(server.url().substring("jdbc:".length()));
    catalog.createExternalSchema(new ExternalSchemaDefinition("pg", kind, database,
        Map.of("uri", address.getHost(), "port", Integer.toString(address.getPort()),
            "user", server.user(), "password", sources.seal(server.password()))), false);
    return sources;
  }
}
