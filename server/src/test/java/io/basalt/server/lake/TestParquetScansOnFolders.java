package io.basalt.server.lake;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The Parquet scan tests over the folder-backed object store. */
class TestParquetScansOnFolders extends ParquetScansContract {
  @TempDir
  static Path dataDirectory;
  static LakeServer lake;

  @BeforeAll
  static void start() throws IOException {
    lake = LakeServer.folders(dataDirectory);
  }

  @AfterAll
  static void stop() {
    lake.close();
  }

  @Override
  LakeServer lake() {
    return lake;
  }
}
