package io.basalt.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.federation.datacatalog.ExternalSchemaDefinition;
import io.basalt.federation.iceberg.IcebergFixture;
import io.basalt.planner.source.SourceTable;
import io.basalt.storage.StorageException;
import io.basalt.storage.objectstore.FolderObjectStore;
import java.nio.file.Path;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.lookup.LikePattern;
import org.apache.calcite.schema.lookup.Lookup;
import org.apache.calcite.schema.lookup.Named;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An external schema finds the metadata tables of its Iceberg tables by name, exactly and
 * ignoring case (Calcite's case-insensitive lookup goes through the listed names, which leave
 * them out), and does not list them.
 */
class TestIcebergMetadataLookup {
  @TempDir
  Path directory;

  private IcebergFixture fixture;
  private FederatedCatalogs catalogs;
  private Lookup<Table> tables;

  @BeforeEach
  void create() {
    fixture = new IcebergFixture(directory);
    fixture.create("icedb", "orders");
    catalogs = FederatedCatalogs.open(directory.resolve("catalog"),
        new FolderObjectStore(directory.resolve("s3")));
    catalogs.dataCatalog().createDatabase("icedb", false, null, null);
    catalogs.dataCatalog().createExternalSchema(
        ExternalSchemaDefinition.dataCatalog("ice", "icedb"), false);
    tables = catalogs.schema("ice").tables();
  }

  @AfterEach
  void close() {
    catalogs.icebergCatalog().close();
    fixture.close();
  }

  @Test
  void findsMetadataTablesByName() {
    assertThat(name(tables.get("orders$snapshots"))).isEqualTo("ice.orders$snapshots");
    assertThat(name(tables.get("orders$Files"))).isEqualTo("ice.orders$files");
    assertThat(tables.get("Orders$files")).isNull();
    assertThat(tables.get("nosuch$files")).isNull();
  }

  @Test
  void findsMetadataTablesIgnoringCase() {
    Named<Table> found = tables.getIgnoreCase("ORDERS$Snapshots");
    assertThat(found).isNotNull();
    assertThat(found.name()).isEqualTo("orders$snapshots");
    assertThat(name(found.entity())).isEqualTo("ice.orders$snapshots");
    assertThat(tables.getIgnoreCase("ORDERS").name()).isEqualTo("orders");
    assertThat(tables.getIgnoreCase("NOSUCH$snapshots")).isNull();
    assertThatThrownBy(() -> tables.getIgnoreCase("Orders$Bogus"))
        .isInstanceOf(StorageException.class)
        .hasMessageStartingWith("Cannot read \"orders$bogus\": Iceberg tables have no "
            + "metadata table \"bogus\"");
  }

  @Test
  void doesNotListMetadataTables() {
    assertThat(tables.getNames(LikePattern.any())).containsExactly("orders");
  }

  private static String name(Table table) {
    return ((SourceTable) table).source().name();
  }
}
