package io.basalt.federation.lake;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.federation.datacatalog.CatalogColumn;
import io.basalt.federation.lake.CrawlListing.DataFile;
import io.basalt.federation.lake.CrawlListing.TableFolder;
import io.basalt.federation.lake.PartitionLayout.FolderPartition;
import io.basalt.storage.objectstore.ObjectInfo;
import io.basalt.storage.objectstore.ObjectUri;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TestPartitionLayout {
  private static final ObjectUri TABLE = ObjectUri.parse("s3://lake/events/");

  private static TableFolder folder(String... relativeKeys) {
    List<DataFile> files = new ArrayList<>();
    for (String key : relativeKeys) {
      List<String> folders = new ArrayList<>(List.of(key.split("/")));
      folders.remove(folders.size() - 1);
      files.add(new DataFile(new ObjectInfo(TABLE.resolve(key), 10, 0), folders));
    }
    return new TableFolder("events", TABLE, files);
  }

  @Test
  void keysAreTheLevelsEveryFileShares() {
    PartitionLayout layout = PartitionLayout.detect(folder(
        "year=2024/month=01/a.parquet", "year=2024/month=01/b.parquet",
        "year=2024/month=02/c.parquet", "Year=2025/month=12/d.parquet"));
    assertThat(layout.keys()).containsExactly(CatalogColumn.of("year", "int"),
        CatalogColumn.of("month", "int"));
    assertThat(layout.partitions()).extracting(FolderPartition::values).containsExactly(
        List.of("2024", "01"), List.of("2024", "02"), List.of("2025", "12"));
    assertThat(layout.partitions().get(0).location().toString())
        .isEqualTo("s3://lake/events/year=2024/month=01/");
    assertThat(layout.partitions().get(0).files()).hasSize(2);
  }

  @Test
  void levelsStopWhereFilesDisagree() {
    // A file directly in year=2025/ means month is no key; other names at one depth end the keys.
    assertThat(PartitionLayout.detect(folder("year=2024/month=1/a.csv", "year=2025/b.csv"))
        .keys()).extracting(CatalogColumn::name).containsExactly("year");
    assertThat(PartitionLayout.detect(folder("year=2024/a.csv", "day=2025/b.csv")).keys())
        .isEmpty();
    assertThat(PartitionLayout.detect(folder("a.csv", "year=2025/b.csv")).keys()).isEmpty();
    assertThat(PartitionLayout.detect(folder("2024/01/a.csv")).keys()).isEmpty();
    PartitionLayout nested = PartitionLayout.detect(folder("dt=2024-01-01/x/a.csv",
        "dt=2024-01-02/y/b.csv"));
    assertThat(nested.keys()).containsExactly(CatalogColumn.of("dt", "date"));
    assertThat(nested.partitions()).hasSize(2);
  }

  @Test
  void keyTypesComeFromTheValues() {
    assertThat(PartitionLayout.keyType(List.of("1", "02", "-3"))).isEqualTo("int");
    assertThat(PartitionLayout.keyType(List.of("1", "20240101123456"))).isEqualTo("bigint");
    assertThat(PartitionLayout.keyType(List.of("99999999999999999999"))).isEqualTo("string");
    assertThat(PartitionLayout.keyType(List.of("2024-01-31", "2024-02-29"))).isEqualTo("date");
    assertThat(PartitionLayout.keyType(List.of("2023-02-29"))).isEqualTo("string");
    assertThat(PartitionLayout.keyType(List.of("1", "2", "unknown"))).isEqualTo("string");
    assertThat(PartitionLayout.keyType(List.of("1", PartitionValues.HIVE_NULL))).isEqualTo("int");
    assertThat(PartitionLayout.keyType(List.of(PartitionValues.HIVE_NULL))).isEqualTo("string");
    assertThat(PartitionLayout.keyType(List.of("2024-01-01", "7"))).isEqualTo("string");
  }

  @Test
  void folderValuesAreDecoded() {
    PartitionLayout layout = PartitionLayout.detect(folder("region=North%20East/a.json",
        "region=" + PartitionValues.HIVE_NULL + "/b.json"));
    assertThat(layout.keys()).containsExactly(CatalogColumn.of("region", "string"));
    assertThat(layout.partitions()).extracting(FolderPartition::values).containsExactly(
        List.of("North East"), List.of(PartitionValues.HIVE_NULL));
  }

  @Test
  void recordedKeysWidenOnlyWhenNewValuesDoNotParse() {
    CatalogColumn year = CatalogColumn.of("year", "int");
    assertThat(PartitionLayout.reconcile(year, List.of("2024", "2025"))).isEqualTo("int");
    assertThat(PartitionLayout.reconcile(year, List.of("2024", "20240101123456")))
        .isEqualTo("bigint");
    assertThat(PartitionLayout.reconcile(year, List.of("2024", "unknown"))).isEqualTo("string");
    assertThat(PartitionLayout.reconcile(CatalogColumn.of("d", "date"), List.of("2024-13-01")))
        .isEqualTo("string");
    assertThat(PartitionLayout.reconcile(CatalogColumn.of("s", "string"), List.of("1")))
        .isEqualTo("string");
  }
}
