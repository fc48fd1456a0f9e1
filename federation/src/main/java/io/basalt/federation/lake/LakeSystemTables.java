package io.basalt.federation.lake;

import io.basalt.federation.datacatalog.CatalogColumn;
import io.basalt.federation.datacatalog.CatalogPartition;
import io.basalt.federation.datacatalog.CatalogTable;
import io.basalt.federation.datacatalog.DataCatalog;
import io.basalt.federation.datacatalog.ExternalSchemaDefinition;
import io.basalt.planner.catalog.ComputedTable;
import io.basalt.planner.source.ScanMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.calcite.schema.Table;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * The lake's system tables, in the shape of Redshift Spectrum's: SVV_EXTERNAL_SCHEMAS,
 * SVV_EXTERNAL_TABLES, SVV_EXTERNAL_COLUMNS, SVV_EXTERNAL_PARTITIONS and SVL_S3QUERY_SUMMARY.
 */
final class LakeSystemTables {
  private final DataCatalog catalog;
  private final ScanLog log;
  private volatile ListedTables others = ListedTables.NONE;

  LakeSystemTables(DataCatalog catalog, ScanLog log) {
    this.catalog = catalog;
    this.log = log;
  }

  /** Lists the tables another catalog keeps in the Data Catalog's databases too. */
  void listAlso(ListedTables tables) {
    this.others = tables;
  }

  /** The tables by lower-case name. */
  public Map<String, Table> tables() {
    return Map.of(
        "svv_external_schemas", new ComputedTable(f -> f.builder()
            .add("esoid", SqlTypeName.INTEGER)
            .add("eskind", SqlTypeName.VARCHAR, 32)
            .add("schemaname", SqlTypeName.VARCHAR, 128)
            .add("esowner", SqlTypeName.INTEGER)
            .add("databasename", SqlTypeName.VARCHAR, 128)
            .add("esoptions", SqlTypeName.VARCHAR, 4096).nullable(true)
            .build(), factory -> schemas()),
        "svv_external_tables", new ComputedTable(f -> f.builder()
            .add("redshift_database_name", SqlTypeName.VARCHAR, 128)
            .add("schemaname", SqlTypeName.VARCHAR, 128)
            .add("tablename", SqlTypeName.VARCHAR, 128)
            .add("tabletype", SqlTypeName.VARCHAR, 32)
            .add("location", SqlTypeName.VARCHAR, 1024).nullable(true)
            .add("input_format", SqlTypeName.VARCHAR, 128).nullable(true)
            .add("output_format", SqlTypeName.VARCHAR, 128).nullable(true)
            .add("serialization_lib", SqlTypeName.VARCHAR, 128).nullable(true)
            .add("serde_parameters", SqlTypeName.VARCHAR, 4096).nullable(true)
            .add("compressed", SqlTypeName.INTEGER)
            .add("parameters", SqlTypeName.VARCHAR, 4096).nullable(true)
            .add("version", SqlTypeName.INTEGER)
            .build(), factory -> tablesRows()),
        "svv_external_columns", new ComputedTable(f -> f.builder()
            .add("redshift_database_name", SqlTypeName.VARCHAR, 128)
            .add("schemaname", SqlTypeName.VARCHAR, 128)
            .add("tablename", SqlTypeName.VARCHAR, 128)
            .add("columnname", SqlTypeName.VARCHAR, 128)
            .add("external_type", SqlTypeName.VARCHAR, 128)
            .add("columnnum", SqlTypeName.INTEGER)
            .add("part_key", SqlTypeName.INTEGER)
            .add("is_nullable", SqlTypeName.VARCHAR, 8)
            .build(), factory -> columnRows()),
        "svv_external_partitions", new ComputedTable(f -> f.builder()
            .add("schemaname", SqlTypeName.VARCHAR, 128)
            .add("tablename", SqlTypeName.VARCHAR, 128)
            .add("values", SqlTypeName.VARCHAR, 1024)
            .add("location", SqlTypeName.VARCHAR, 1024)
            .add("input_format", SqlTypeName.VARCHAR, 128).nullable(true)
            .add("output_format", SqlTypeName.VARCHAR, 128).nullable(true)
            .add("serialization_lib", SqlTypeName.VARCHAR, 128).nullable(true)
            .add("serde_parameters", SqlTypeName.VARCHAR, 4096).nullable(true)
            .add("compressed", SqlTypeName.INTEGER)
            .add("parameters", SqlTypeName.VARCHAR, 4096).nullable(true)
            .build(), factory -> partitionRows()),
        "svl_s3query_summary", new ComputedTable(f -> f.builder()
            .add("query", SqlTypeName.BIGINT)
            .add("username", SqlTypeName.VARCHAR, 128)
            .add("starttime", SqlTypeName.TIMESTAMP, 3)
            .add("external_table_name", SqlTypeName.VARCHAR, 256)
            .add("file_format", SqlTypeName.VARCHAR, 32)
            .add("is_partitioned", SqlTypeName.CHAR, 1)
            .add("s3_scanned_rows", SqlTypeName.BIGINT)
            .add("s3_scanned_bytes", SqlTypeName.BIGINT)
            .add("s3query_returned_rows", SqlTypeName.BIGINT)
            .add("files", SqlTypeName.BIGINT)
            .add("splits", SqlTypeName.BIGINT)
            .add("total_partitions", SqlTypeName.BIGINT)
            .add("qualified_partitions", SqlTypeName.BIGINT)
            .add("row_groups_read", SqlTypeName.BIGINT)
            .add("row_groups_skipped", SqlTypeName.BIGINT)
            .build(), factory -> summaryRows()));
  }

  private List<Object[]> schemas() {
    List<Object[]> rows = new ArrayList<>();
    int oid = 100_000;
    for (ExternalSchemaDefinition schema : catalog.externalSchemas()) {
      rows.add(new Object[] {oid++, schema.sourceKind(), schema.name(), 100,
          schema.database(), options(schema)});
    }
    return rows;
  }

  /** The schema's options as JSON, without secrets. */
  private static String options(ExternalSchemaDefinition schema) {
    Map<String, String> shown = new TreeMap<>(schema.options());
    shown.keySet().removeIf(k -> k.contains("password") || k.contains("secret"));
    StringBuilder json = new StringBuilder("{");
    shown.forEach((k, v) -> json.append(json.length() > 1 ? "," : "").append('"').append(k)
        .append("\":\"").append(v.replace("\"", "\\\"")).append('"'));
    return json.append('}').toString();
  }

  /** Every (external schema, catalog table) pair, in schema then table order. */
  private List<Object[]> forEachTable(Function<Object[], List<Object[]>> perTable) {
    List<Object[]> rows = new ArrayList<>();
    for (ExternalSchemaDefinition schema : catalog.externalSchemas()) {
      if (!schema.sourceKind().equals("DATA_CATALOG")) {
        continue;
      }
      for (CatalogTable table : catalog.tables(schema.database())) {
        rows.addAll(perTable.apply(new Object[] {schema, table}));
      }
    }
    return rows;
  }

  private List<Object[]> tablesRows() {
    List<Object[]> rows = new ArrayList<>(forEachTable(pair -> {
      ExternalSchemaDefinition schema = (ExternalSchemaDefinition) pair[0];
      CatalogTable table = (CatalogTable) pair[1];
      Formats formats = Formats.of(table);
      return List.<Object[]>of(new Object[] {"dev", schema.name(), table.name(), "EXTERNAL TABLE",
          table.location(), formats.input(), formats.output(), formats.serde(),
          json(table.serdeParameters()), compressed(table), json(table.parameters()),
          table.version()});
    }));
    forEachListed((schema, table) -> rows.add(new Object[] {"dev", schema.name(), table.name(),
        table.type(), table.location(), null, null, null, null, 0, json(table.parameters()),
        0}));
    return rows;
  }

  private void forEachListed(
      java.util.function.BiConsumer<ExternalSchemaDefinition, ListedTables.Listed> action) {
    for (ExternalSchemaDefinition schema : catalog.externalSchemas()) {
      if (schema.sourceKind().equals("DATA_CATALOG")) {
        for (ListedTables.Listed table : others.tables(schema.database())) {
          action.accept(schema, table);
        }
      }
    }
  }

  private List<Object[]> columnRows() {
    List<Object[]> all = new ArrayList<>(forEachTable(pair -> {
      ExternalSchemaDefinition schema = (ExternalSchemaDefinition) pair[0];
      CatalogTable table = (CatalogTable) pair[1];
      List<Object[]> rows = new ArrayList<>();
      int number = 1;
      for (CatalogColumn column : table.columns()) {
        rows.add(new Object[] {"dev", schema.name(), table.name(), column.name(), column.type(),
            number++, 0, "true"});
      }
      int key = 1;
      for (CatalogColumn column : table.partitionKeys()) {
        rows.add(new Object[] {"dev", schema.name(), table.name(), column.name(), column.type(),
            number++, key++, "true"});
      }
      return rows;
    }));
    forEachListed((schema, table) -> {
      int number = 1;
      for (ListedTables.Column column : table.columns()) {
        all.add(new Object[] {"dev", schema.name(), table.name(), column.name(), column.type(),
            number++, 0, Boolean.toString(column.nullable())});
      }
    });
    return all;
  }

  private List<Object[]> partitionRows() {
    return forEachTable(pair -> {
      ExternalSchemaDefinition schema = (ExternalSchemaDefinition) pair[0];
      CatalogTable table = (CatalogTable) pair[1];
      Formats formats = Formats.of(table);
      List<Object[]> rows = new ArrayList<>();
      for (CatalogPartition partition : catalog.partitions(table.database(), table.name())) {
        StringBuilder values = new StringBuilder("[");
        for (String value : partition.values()) {
          values.append(values.length() > 1 ? "," : "").append('"').append(value).append('"');
        }
        rows.add(new Object[] {schema.name(), table.name(), values.append(']').toString(),
            partition.location(), formats.input(), formats.output(), formats.serde(),
            json(table.serdeParameters()), compressed(table), "{}"});
      }
      return rows;
    });
  }

  private List<Object[]> summaryRows() {
    List<Object[]> rows = new ArrayList<>();
    for (ScanLog.Entry entry : log.entries()) {
      ScanMetrics.Counts counts = entry.counts();
      rows.add(new Object[] {entry.queryId(), entry.user(), entry.startMillis(), entry.table(),
          entry.format(), entry.partitioned() ? "t" : "f", counts.rowsRead(), counts.bytesRead(),
          counts.rowsReturned(), counts.filesRead(), counts.splitsRead(),
          counts.partitionsTotal(), counts.partitionsQualified(), counts.blocksRead(),
          counts.blocksSkipped()});
    }
    return rows;
  }

  private static int compressed(CatalogTable table) {
    String compression = table.parameters().get("compression_type");
    return compression != null && !compression.equalsIgnoreCase("none")
        || table.format().equalsIgnoreCase("PARQUET") ? 1 : 0;
  }

  private static String json(Map<String, String> map) {
    StringBuilder json = new StringBuilder("{");
    new TreeMap<>(map).forEach((k, v) -> json.append(json.length() > 1 ? "," : "").append('"')
        .append(k).append("\":\"").append(v.replace("\"", "\\\"")).append('"'));
    return json.append('}').toString();
  }

  /** Hive's input/output format and SerDe class names for a table's format. */
  private record Formats(String input, String output, String serde) {
    static Formats of(CatalogTable table) {
      return switch (table.format().toUpperCase(java.util.Locale.ROOT)) {
        case "PARQUET" -> new Formats(
            "org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat",
            "org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat",
            table.serde() != null ? table.serde()
                : "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe");
        case "JSON" -> new Formats("org.apache.hadoop.mapred.TextInputFormat",
            "org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat",
            table.serde() != null ? table.serde() : LakeTables.OPENX_JSON_SERDE);
        default -> new Formats("org.apache.hadoop.mapred.TextInputFormat",
            "org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat",
            table.serde() != null ? table.serde() : LakeTables.LAZY_SIMPLE_SERDE);
      };
    }
  }
}
