package io.basalt.server.lake;

import io.basalt.federation.iceberg.IcebergCatalog;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import org.apache.iceberg.Table;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The set-up the Iceberg tests share: one lake server per test class with schema {@code ice}
 * ({@link IcebergLake}), over the folder-backed store unless a subclass starts another.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class IcebergLakeTest {
  IcebergLake ice;
  LakeServer lake;
  IcebergCatalog catalog;

  /** The server under test: over the folder-backed store here. */
  LakeServer startLake(Path directory) throws IOException {
    return LakeServer.folders(directory);
  }

  @BeforeAll
  void start(@TempDir Path dataDirectory) throws IOException, SQLException {
    ice = IcebergLake.open(startLake(dataDirectory), dataDirectory);
    lake = ice.lake;
    catalog = ice.catalog;
  }

  @AfterAll
  void stop() {
    if (ice != null) {
      ice.close();
    }
  }

  /** Iceberg table {@code ice.name} as last committed. */
  Table table(String name) {
    return ice.table(name);
  }
}
