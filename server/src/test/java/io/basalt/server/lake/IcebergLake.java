package io.basalt.server.lake;

import io.basalt.federation.iceberg.IcebergCatalog;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.apache.iceberg.Table;

/**
 * A lake server with external schema {@code ice} over Data Catalog database {@code icedb}, and
 * the server's Iceberg catalog opened beside it, so that a test can look at what a statement
 * committed (snapshots, files) through the Iceberg library.
 */
final class IcebergLake implements AutoCloseable {
  final LakeServer lake;
  final IcebergCatalog catalog;

  private IcebergLake(LakeServer lake, IcebergCatalog catalog) {
    this.lake = lake;
    this.catalog = catalog;
  }

  /** Opens the catalog of {@code lake}, whose data directory is {@code dataDirectory}. */
  static IcebergLake open(LakeServer lake, Path dataDirectory) throws IOException, SQLException {
    IcebergCatalog catalog = IcebergCatalog.open(dataDirectory.resolve("catalog"), lake.store());
    try (Connection connection = lake.connect();
        Statement statement = connection.createStatement()) {
      statement.execute("create external schema ice from data catalog database 'icedb' "
          + "create external database if not exists");
    } catch (SQLException | RuntimeException e) {
      catalog.close();
      lake.close();
      throw e;
    }
    return new IcebergLake(lake, catalog);
  }

  /** Iceberg table {@code ice.name} as last committed. */
  Table table(String name) {
    return catalog.table("icedb", name).orElseThrow();
  }

  @Override
  public void close() {
    catalog.close();
    lake.close();
  }
}
