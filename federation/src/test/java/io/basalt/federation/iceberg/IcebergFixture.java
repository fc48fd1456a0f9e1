package io.basalt.federation.iceberg;

import io.basalt.storage.objectstore.FolderObjectStore;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.DataFiles;
import org.apache.iceberg.DeleteFile;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.FileMetadata;
import org.apache.iceberg.Metrics;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.types.Conversions;
import org.apache.iceberg.types.Types;

/**
 * An Iceberg catalog over a folder object store (bucket {@code lake}) and tables
 * {@code (id bigint not null, region varchar)} partitioned by region, committed to through
 * Iceberg's API: the data and delete files committed are never written, since metadata tables
 * read manifests and no data file. Public for the tests of other packages.
 */
public final class IcebergFixture implements AutoCloseable {
  static final Schema SCHEMA = new Schema(
      Types.NestedField.required(1, "id", Types.LongType.get()),
      Types.NestedField.optional(2, "region", Types.StringType.get()));
  static final PartitionSpec SPEC = PartitionSpec.builderFor(SCHEMA).identity("region").build();

  private final IcebergCatalog catalog;

  public IcebergFixture(Path directory) {
    FolderObjectStore store = new FolderObjectStore(directory.resolve("s3"));
    store.createBucket("lake");
    this.catalog = IcebergCatalog.open(directory.resolve("catalog"), store);
  }

  public IcebergCatalog catalog() {
    return catalog;
  }

  /** Creates table {@code name} in {@code database} (Iceberg format version 2). */
  public Table create(String database, String name) {
    catalog.ensureNamespace(database);
    return catalog.catalog().buildTable(IcebergCatalog.identifier(database, name), SCHEMA)
        .withPartitionSpec(SPEC)
        .withLocation("s3://lake/" + database + "/" + name)
        .withProperty(TableProperties.FORMAT_VERSION, "2")
        .create();
  }

  /** Commits a data file of ids {@code minId..maxId} in {@code region} as a new snapshot. */
  static DataFile append(Table table, String region, long minId, long maxId) {
    long records = maxId - minId + 1;
    DataFile file = DataFiles.builder(table.spec())
        .withPath(table.location() + "/data/region=" + region + "/" + UUID.randomUUID()
            + ".parquet")
        .withFormat(FileFormat.PARQUET)
        .withFileSizeInBytes(100 * records)
        .withPartitionPath("region=" + region)
        .withMetrics(new Metrics(records, Map.of(1, 8 * records), Map.of(1, records),
            Map.of(1, 0L), null, Map.of(1, id(minId)), Map.of(1, id(maxId))))
        .build();
    table.newAppend().appendFile(file).commit();
    return file;
  }

  /** Commits a position delete file of {@code records} deletes in {@code region}. */
  static DeleteFile deletePositions(Table table, String region, long records) {
    DeleteFile file = FileMetadata.deleteFileBuilder(table.spec())
        .ofPositionDeletes()
        .withPath(table.location() + "/data/region=" + region + "/" + UUID.randomUUID()
            + "-deletes.parquet")
        .withFormat(FileFormat.PARQUET)
        .withFileSizeInBytes(50)
        .withRecordCount(records)
        .withPartitionPath("region=" + region)
        .build();
    table.newRowDelta().addDeletes(file).commit();
    return file;
  }

  private static ByteBuffer id(long id) {
    return Conversions.toByteBuffer(Types.LongType.get(), id);
  }

  @Override
  public void close() {
    catalog.close();
  }
}
