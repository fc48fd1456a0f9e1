package io.basalt.federation.iceberg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.basalt.federation.lake.ScanLog;
import io.basalt.planner.exec.Batch;
import io.basalt.planner.exec.Column;
import io.basalt.planner.source.ScanContext;
import io.basalt.planner.source.ScanSpec;
import io.basalt.planner.source.SourceScan;
import io.basalt.planner.source.SourceTable;
import io.basalt.planner.source.Split;
import io.basalt.planner.source.SplitReader;
import io.basalt.planner.source.TableSource;
import io.basalt.storage.ColumnDefinition;
import io.basalt.storage.StorageException;
import io.basalt.storage.TypeName;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The metadata tables' rows against what Iceberg's API reports, read through their table
 * sources as the engine reads them, including what SQL scripts cannot produce: rollbacks,
 * branches and tags, delete files, and commits between planning and running.
 */
class TestIcebergMetadataTables {
  @TempDir
  Path directory;

  private IcebergFixture fixture;
  private IcebergTables tables;
  private Table table;

  @BeforeEach
  void create() {
    fixture = new IcebergFixture(directory);
    tables = new IcebergTables(fixture.catalog(), new ScanLog());
    table = fixture.create("db", "orders");
  }

  @AfterEach
  void close() {
    fixture.close();
  }

  @Test
  void snapshotsAreTheTablesSnapshots() {
    IcebergFixture.append(table, "eu", 1, 3);
    IcebergFixture.append(table, "us", 4, 4);
    table.refresh();

    List<Object[]> expected = new ArrayList<>();
    for (Snapshot snapshot : table.snapshots()) {
      expected.add(new Object[] {snapshot.timestampMillis(), snapshot.snapshotId(),
          snapshot.parentId(), "append", snapshot.manifestListLocation()});
    }
    List<Object[]> rows = rows("orders$snapshots");
    assertThat(rows).hasSize(2);
    assertThat(rows).extracting(row -> Arrays.copyOf(row, 5))
        .containsExactlyElementsOf(expected);
    assertThat((String) rows.get(0)[5]).contains("\"added-records\":\"3\"")
        .contains("\"total-records\":\"3\"");
    assertThat((String) rows.get(1)[5]).contains("\"total-records\":\"4\"");
  }

  @Test
  void historyKeepsWhatARollbackUndid() {
    IcebergFixture.append(table, "eu", 1, 3);
    table.refresh();
    long first = table.currentSnapshot().snapshotId();
    IcebergFixture.append(table, "us", 4, 4);
    table.refresh();
    long second = table.currentSnapshot().snapshotId();
    table.manageSnapshots().rollbackTo(first).commit();

    List<Object[]> rows = rows("orders$history");
    assertThat(rows).extracting(row -> Arrays.copyOfRange(row, 1, 4)).containsExactly(
        new Object[] {first, null, true},
        new Object[] {second, first, false},
        new Object[] {first, null, true});
    table.refresh();
    assertThat(rows).extracting(row -> row[0]).containsExactlyElementsOf(
        table.history().stream().map(entry -> (Object) entry.timestampMillis()).toList());
  }

  @Test
  void refsListBranchesAndTagsByName() {
    IcebergFixture.append(table, "eu", 1, 3);
    table.refresh();
    long first = table.currentSnapshot().snapshotId();
    IcebergFixture.append(table, "us", 4, 4);
    table.refresh();
    long second = table.currentSnapshot().snapshotId();
    table.manageSnapshots()
        .createTag("v1", first).setMaxRefAgeMs("v1", 86_400_000L)
        .createBranch("dev", first).setMinSnapshotsToKeep("dev", 3)
        .setMaxSnapshotAgeMs("dev", 3_600_000L)
        .commit();

    assertThat(rows("orders$refs")).containsExactly(
        new Object[] {"dev", "BRANCH", first, null, 3, 3_600_000L},
        new Object[] {"main", "BRANCH", second, null, null, null},
        new Object[] {"v1", "TAG", first, 86_400_000L, null, null});
  }

  @Test
  void deleteFilesAreFilesAndManifestsButNoPartitionData() {
    IcebergFixture.append(table, "eu", 1, 3);
    IcebergFixture.deletePositions(table, "eu", 1);

    List<Object[]> files = rows("orders$files");
    assertThat(files).extracting(row -> row[0], row -> row[4], row -> row[5])
        .containsExactlyInAnyOrder(
            tuple(0, "{\"region\":\"eu\"}", 3L),
            tuple(1, "{\"region\":\"eu\"}", 1L));
    Object[] data = files.stream().filter(row -> row[0].equals(0)).findFirst().orElseThrow();
    assertThat(Arrays.copyOfRange(data, 7, 13)).containsExactly("{\"1\":24}", "{\"1\":3}",
        "{\"1\":0}", null, "{\"1\":1}", "{\"1\":3}");

    // Data manifests count data files and delete manifests delete files, as in Iceberg.
    assertThat(rows("orders$manifests")).extracting(row -> row[4], row -> row[5],
        row -> row[10], row -> row[13]).containsExactlyInAnyOrder(
            tuple(1, 3L, 0, "[{\"contains_null\":false,\"contains_nan\":false,"
                + "\"lower_bound\":\"eu\",\"upper_bound\":\"eu\"}]"),
            tuple(0, 1L, 1, "[{\"contains_null\":false,\"contains_nan\":false,"
                + "\"lower_bound\":\"eu\",\"upper_bound\":\"eu\"}]"));

    assertThat(rows("orders$partitions")).extracting(row -> Arrays.copyOf(row, 4))
        .containsExactly(new Object[] {"{\"region\":\"eu\"}", 3L, 1L, 300L});
  }

  @Test
  void partitionDataMergesTheFilesBounds() {
    IcebergFixture.append(table, "eu", 5, 9);
    IcebergFixture.append(table, "eu", 1, 3);
    IcebergFixture.append(table, "us", 4, 4);

    assertThat(rows("orders$partitions")).containsExactly(
        new Object[] {"{\"region\":\"eu\"}", 8L, 2L, 800L,
            "{\"id\":{\"min\":1,\"max\":9,\"null_count\":0,\"nan_count\":null},"
                + "\"region\":{\"min\":null,\"max\":null,\"null_count\":null,"
                + "\"nan_count\":null}}"},
        new Object[] {"{\"region\":\"us\"}", 1L, 1L, 100L,
            "{\"id\":{\"min\":4,\"max\":4,\"null_count\":0,\"nan_count\":null},"
                + "\"region\":{\"min\":null,\"max\":null,\"null_count\":null,"
                + "\"nan_count\":null}}"});
  }

  @Test
  void rowsAreReadWhenTheScanRunsNotWhenPlanned() {
    IcebergFixture.append(table, "eu", 1, 3);
    TableSource planned = source("orders$files");
    IcebergFixture.append(table, "us", 4, 4);

    // Only record_count (column 5) is asked for.
    List<Object[]> rows = read(planned, new ScanSpec(new int[] {5}, List.of(),
        OptionalLong.empty()));
    assertThat(rows).extracting(row -> row[0]).containsExactlyInAnyOrder(3L, 1L);
  }

  @Test
  void emptyTableHasNoRows() {
    for (MetadataTable metadata : MetadataTable.values()) {
      assertThat(rows("orders$" + metadata.suffix())).as(metadata.suffix()).isEmpty();
    }
  }

  @Test
  void namesTheMetadataTableAfterTheLastDollar() {
    TableSource source = source("orders$SNAPSHOTS");
    assertThat(source.name()).isEqualTo("ice.orders$snapshots");
    assertThat(source.kind()).isEqualTo("iceberg-metadata");
    assertThat(source.columns()).extracting(ColumnDefinition::name).containsExactly(
        "committed_at", "snapshot_id", "parent_id", "operation", "manifest_list", "summary");
    assertThat(tables.table("ice", "db", "nosuch$snapshots")).isEmpty();
    assertThat(tables.table("ice", "db", "nosuch$bogus")).isEmpty();
    assertThatThrownBy(() -> tables.table("ice", "db", "orders$bogus"))
        .isInstanceOfSatisfying(StorageException.class,
            e -> assertThat(e.sqlState()).isEqualTo("42P01"))
        .hasMessage("Cannot read \"orders$bogus\": Iceberg tables have no metadata table "
            + "\"bogus\" (expected snapshots, history, files, manifests, partitions or refs)");
  }

  @Test
  void scanOfADroppedTableFails() {
    TableSource planned = source("orders$snapshots");
    fixture.catalog().catalog().dropTable(IcebergCatalog.identifier("db", "orders"), false);

    assertThatThrownBy(() -> planned.scan(ScanSpec.allColumns(6), ScanContext.none()))
        .isInstanceOfSatisfying(StorageException.class,
            e -> assertThat(e.sqlState()).isEqualTo("42P01"))
        .hasMessage("Cannot read Iceberg metadata table 'ice.orders$snapshots': table "
            + "'ice.orders' no longer exists");
  }

  private TableSource source(String name) {
    return ((SourceTable) tables.table("ice", "db", name).orElseThrow()).source();
  }

  private List<Object[]> rows(String name) {
    TableSource source = source(name);
    return read(source, ScanSpec.allColumns(source.columns().size()));
  }

  /** Every row of a scan, its values in the storage representation. */
  private static List<Object[]> read(TableSource source, ScanSpec spec) {
    int[] columns = spec.columns();
    SourceScan scan = source.scan(spec, ScanContext.none());
    List<Object[]> rows = new ArrayList<>();
    for (Split split : scan.splits(2)) {
      try (SplitReader reader = scan.open(split, () -> false)) {
        for (Batch batch = reader.next(); batch != null; batch = reader.next()) {
          for (int r = 0; r < batch.size(); r++) {
            Object[] row = new Object[columns.length];
            for (int c = 0; c < columns.length; c++) {
              row[c] = value(batch.column(c), r,
                  source.columns().get(columns[c]).type().name());
            }
            rows.add(row);
          }
        }
      }
    }
    return rows;
  }

  private static Object value(Column column, int row, TypeName type) {
    if (column.isNull(row)) {
      return null;
    }
    return switch (type) {
      case INTEGER -> (int) column.longs[row];
      case BOOLEAN -> column.longs[row] != 0;
      case VARCHAR -> column.objects[row];
      default -> column.longs[row];
    };
  }
}
