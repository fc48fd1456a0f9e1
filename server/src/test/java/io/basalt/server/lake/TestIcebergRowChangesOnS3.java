package io.basalt.server.lake;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The Iceberg row-change and time-travel tests over a real S3-compatible endpoint (S3Proxy):
 * data, delete, manifest and metadata files all go through the S3 object store.
 */
class TestIcebergRowChangesOnS3 extends TestIcebergRowChanges {
  @Override
  LakeServer startLake(Path directory) throws IOException {
    return LakeServer.s3(directory);
  }
}
