package io.basalt.federation.datacatalog;

import static io.basalt.federation.datacatalog.TestDataCatalog.assertFails;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestExternalSchemas {
  @TempDir
  Path directory;

  private DataCatalog catalog;

  @BeforeEach
  void open() {
    catalog = DataCatalog.open(directory);
    catalog.createDatabase("sales", false, null, null);
  }

  @Test
  void bindsASchemaToACatalogDatabase() {
    catalog.createExternalSchema(new ExternalSchemaDefinition("Lake", "data_catalog", "SALES",
        Map.of("IAM_ROLE", "arn:aws:iam::123:role/Spectrum")), false);
    catalog.createExternalSchema(ExternalSchemaDefinition.dataCatalog("archive", "sales"), false);

    assertThat(catalog.externalSchema("LAKE")).contains(new ExternalSchemaDefinition("lake",
        "DATA_CATALOG", "sales", Map.of("IAM_ROLE", "arn:aws:iam::123:role/Spectrum")));
    assertThat(catalog.externalSchemas()).extracting(ExternalSchemaDefinition::name)
        .containsExactly("archive", "lake");
    assertThat(catalog.externalSchema("missing")).isEmpty();
  }

  @Test
  void bindsASchemaToAFederatedSource() {
    Map<String, String> options = Map.of("URI", "db.example.com", "PORT", "5432",
        "SECRET_ARN", "arn:aws:secretsmanager:us-east-1:123:secret:pg");
    catalog.createExternalSchema(
        new ExternalSchemaDefinition("apps", "postgres", "AppDb", options), false);

    ExternalSchemaDefinition schema = catalog.externalSchema("apps").orElseThrow();
    assertThat(schema.sourceKind()).isEqualTo(ExternalSchemaDefinition.POSTGRES);
    assertThat(schema.database()).isEqualTo("AppDb");
    assertThat(schema.options()).isEqualTo(options);
    catalog.createExternalSchema(
        new ExternalSchemaDefinition("shop", "MySQL", "shop", Map.of()), false);
    assertThat(catalog.externalSchema("shop").orElseThrow().sourceKind()).isEqualTo("MYSQL");
  }

  @Test
  void rejectsInvalidSchemas() {
    catalog.createExternalSchema(ExternalSchemaDefinition.dataCatalog("lake", "sales"), false);
    long version = catalog.version();

    assertFails(() -> catalog.createExternalSchema(
        ExternalSchemaDefinition.dataCatalog("LAKE", "sales"), false), "42P06",
        "Cannot create external schema 'lake': it already exists");
    catalog.createExternalSchema(ExternalSchemaDefinition.dataCatalog("lake", "other"), true);
    assertThat(catalog.externalSchema("lake").orElseThrow().database()).isEqualTo("sales");
    assertThat(catalog.version()).isEqualTo(version);
    assertFails(() -> catalog.createExternalSchema(
        ExternalSchemaDefinition.dataCatalog("other", "nowhere"), false), "3F000",
        "Cannot create external schema 'other': database 'nowhere' does not exist");
    assertFails(() -> catalog.createExternalSchema(
        new ExternalSchemaDefinition("other", "oracle", "x", Map.of()), false), "0A000",
        "Cannot create external schema 'other': source kind 'ORACLE' is not supported");
    assertFails(() -> catalog.createExternalSchema(
        ExternalSchemaDefinition.dataCatalog("", "sales"), false), "42602",
        "Cannot create external schema '': the name is empty");
    assertThat(catalog.externalSchemas()).hasSize(1);
  }

  @Test
  void dropsSchemas() {
    catalog.createExternalSchema(ExternalSchemaDefinition.dataCatalog("lake", "sales"), false);

    catalog.dropExternalSchema("Lake", false);
    assertThat(catalog.externalSchemas()).isEmpty();
    assertThat(catalog.database("sales")).isPresent();
    assertFails(() -> catalog.dropExternalSchema("lake", false), "3F000",
        "Cannot drop external schema 'lake': it does not exist");
    long version = catalog.version();
    catalog.dropExternalSchema("lake", true);
    assertThat(catalog.version()).isEqualTo(version);
  }

  @Test
  void survivesReopeningAndTheDatabaseDrop() {
    catalog.createExternalSchema(ExternalSchemaDefinition.dataCatalog("lake", "sales"), false);
    catalog.createExternalSchema(
        new ExternalSchemaDefinition("apps", "POSTGRES", "AppDb", Map.of("PORT", "5432")), false);
    catalog.dropDatabase("sales", false, false);

    DataCatalog reopened = DataCatalog.open(directory);

    assertThat(reopened.externalSchemas()).isEqualTo(catalog.externalSchemas());
    assertThat(reopened.externalSchema("lake").orElseThrow().database()).isEqualTo("sales");
    assertThat(reopened.database("sales")).isEmpty();
  }
}
