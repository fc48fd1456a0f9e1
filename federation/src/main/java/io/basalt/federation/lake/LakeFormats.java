package io.basalt.federation.lake;

import io.basalt.federation.datacatalog.CatalogColumn;
import io.basalt.federation.datacatalog.CatalogTable;
import io.basalt.planner.sql.SqlCreateExternalTable;
import io.basalt.storage.StorageException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a CREATE EXTERNAL TABLE's STORED AS, INPUTFORMAT and ROW FORMAT clauses into the
 * catalog's format, SerDe and SerDe properties, as Glue records them.
 */
final class LakeFormats {
  private LakeFormats() {}

  static CatalogTable table(SqlCreateExternalTable create, List<CatalogColumn> columns,
      List<CatalogColumn> keys) {
    String serde = null;
    Map<String, String> serdeParameters = Map.of();
    if (create.rowFormat instanceof SqlCreateExternalTable.Delimited delimited) {
      serde = LakeTables.LAZY_SIMPLE_SERDE;
      serdeParameters = delimited.properties();
    } else if (create.rowFormat instanceof SqlCreateExternalTable.Serde custom) {
      serde = custom.serdeClass();
      serdeParameters = custom.properties();
    }
    String format = format(create, serde);
    if (format.equals(CatalogTable.TEXTFILE) && serde == null) {
      serde = LakeTables.LAZY_SIMPLE_SERDE;
    }
    return CatalogTable.of("pending", LakeStatements.simple(create.name), columns, keys,
            create.location, format)
        .withSerde(serde, serdeParameters)
        .withParameters(create.tableProperties);
  }

  private static String format(SqlCreateExternalTable create, String serde) {
    if (serde != null && serde.toLowerCase(Locale.ROOT).contains("json")) {
      return CatalogTable.JSON;
    }
    String storedAs = create.storedAs;
    if (storedAs == null && create.inputFormat != null) {
      String input = create.inputFormat.toLowerCase(Locale.ROOT);
      storedAs = input.contains("parquet") ? "PARQUET"
          : input.contains("textinputformat") ? "TEXTFILE" : create.inputFormat;
    }
    if (storedAs == null) {
      return CatalogTable.TEXTFILE;
    }
    return switch (storedAs.toUpperCase(Locale.ROOT)) {
      case "PARQUET" -> CatalogTable.PARQUET;
      case "TEXTFILE" -> CatalogTable.TEXTFILE;
      case "JSON" -> CatalogTable.JSON;
      default -> throw new StorageException("0A000", "Cannot create external table '"
          + create.name + "': STORED AS " + storedAs
          + " is not supported (use PARQUET, TEXTFILE or JSON)");
    };
  }
}
