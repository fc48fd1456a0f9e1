package io.basalt.federation.iceberg;

import io.basalt.storage.ColumnDefinition;
import io.basalt.storage.StorageException;
import io.basalt.storage.objectstore.ObjectUri;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.calcite.sql.SqlNode;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.AlreadyExistsException;
import org.apache.iceberg.types.Types;

/**
 * CREATE TABLE, registration and DROP TABLE of Iceberg tables. Athena's TBLPROPERTIES map to
 * Iceberg's: {@code table_type} must be {@code ICEBERG}, {@code format} (only
 * {@code parquet}) and {@code write_compression} ({@code zstd} by default, {@code snappy},
 * {@code gzip}, {@code none}) become {@code write.format.default} and
 * {@code write.parquet.compression-codec}; {@code metadata_location} registers a table another
 * engine wrote; every other property is kept as an Iceberg table property.
 */
final class IcebergDdl {
  static final String TABLE_TYPE = "table_type";
  static final String METADATA_LOCATION = "metadata_location";

  private final IcebergCatalog catalog;

  IcebergDdl(IcebergCatalog catalog) {
    this.catalog = catalog;
  }

  /** Whether TBLPROPERTIES ask for an Iceberg table. */
  static boolean isIceberg(Map<String, String> properties) {
    String type = lowerKeys(properties).get(TABLE_TYPE);
    return type != null && type.equalsIgnoreCase("iceberg");
  }

  /** Creates the table; false when it exists and {@code ifNotExists}. */
  boolean create(String database, String name, String display, List<ColumnDefinition> columns,
      List<SqlNode> partitioning, String location, Map<String, String> properties,
      boolean ifNotExists) {
    String action = "Cannot create Iceberg table '" + display + "': ";
    checkName(name, action);
    if (catalog.exists(database, name)) {
      if (ifNotExists) {
        return false;
      }
      throw new StorageException("42P07", action + "it already exists");
    }
    if (location == null) {
      throw new StorageException("42601", action + "LOCATION 's3://...' is required");
    }
    ObjectUri uri = ObjectUri.parse(location);
    if (uri.isS3() && !catalog.store().bucketExists(uri.bucket())) {
      throw new StorageException("58P01", action + "bucket '" + uri.bucket() + "' of location '"
          + location + "' does not exist");
    }
    Schema schema = schema(columns);
    PartitionSpec spec = PartitionTransforms.spec(schema, partitioning, display);
    catalog.ensureNamespace(database);
    try {
      catalog.catalog().buildTable(IcebergCatalog.identifier(database, name), schema)
          .withPartitionSpec(spec)
          .withLocation(trimSlash(location))
          .withProperties(tableProperties(properties, action))
          .create();
      catalog.changed();
    } catch (AlreadyExistsException e) {
      if (ifNotExists) {
        return false;
      }
      throw new StorageException("42P07", action + "it already exists", e);
    }
    return true;
  }

  /** Registers a table from the metadata file another engine (or Basalt) wrote. */
  void register(String database, String name, String display, String metadataLocation) {
    String action = "Cannot register Iceberg table '" + display + "': ";
    checkName(name, action);
    if (catalog.exists(database, name)) {
      throw new StorageException("42P07", action + "it already exists");
    }
    if (catalog.store().stat(ObjectUri.parse(metadataLocation)).isEmpty()) {
      throw new StorageException("58P01", action + "metadata file '" + metadataLocation
          + "' does not exist");
    }
    catalog.ensureNamespace(database);
    try {
      catalog.catalog().registerTable(IcebergCatalog.identifier(database, name),
          metadataLocation);
      catalog.changed();
    } catch (RuntimeException e) {
      throw new StorageException("22P04", action + "'" + metadataLocation
          + "' is not an Iceberg metadata file: " + e.getMessage(), e);
    }
  }

  /** A {@code $} in a name would hide the table behind a metadata table's name. */
  static void checkName(String name, String action) {
    if (name.indexOf('$') >= 0) {
      throw new StorageException("42602", action + "'$' is kept for the names of metadata "
          + "tables, such as \"" + name.substring(0, name.indexOf('$')) + "$snapshots\"");
    }
  }

  /** Drops the table from the catalog; with {@code purge}, deletes its files too. */
  void drop(String database, String name, boolean purge) {
    TableIdentifier id = IcebergCatalog.identifier(database, name);
    catalog.catalog().dropTable(id, purge);
    catalog.changed();
  }

  static Schema schema(List<ColumnDefinition> columns) {
    List<Types.NestedField> fields = new ArrayList<>();
    int id = 1;
    for (ColumnDefinition column : columns) {
      String name = column.name().toLowerCase(Locale.ROOT);
      fields.add(column.nullable()
          ? Types.NestedField.optional(id++, name, IcebergTypes.toIceberg(column.type()))
          : Types.NestedField.required(id++, name, IcebergTypes.toIceberg(column.type())));
    }
    return new Schema(fields);
  }

  private static Map<String, String> tableProperties(Map<String, String> given, String action) {
    Map<String, String> properties = new HashMap<>();
    properties.put(TableProperties.PARQUET_COMPRESSION, "zstd");
    properties.put(TableProperties.FORMAT_VERSION, "2");
    // 32 MB row groups (Iceberg's default is 128 MB): the unit of skipping by statistics and
    // of a split, so a 150 MB file still feeds every core, as the lake's UNLOAD files do.
    properties.put(TableProperties.PARQUET_ROW_GROUP_SIZE_BYTES, Long.toString(32L << 20));
    // Row-level changes write delete files, as Athena's do: an UPDATE of one row commits in
    // milliseconds instead of rewriting its data file. A property given overrides it.
    properties.put(TableProperties.DELETE_MODE, "merge-on-read");
    properties.put(TableProperties.UPDATE_MODE, "merge-on-read");
    properties.put(TableProperties.MERGE_MODE, "merge-on-read");
    lowerKeys(given).forEach((key, value) -> {
      switch (key) {
        case TABLE_TYPE -> { }
        case "format" -> {
          if (!value.equalsIgnoreCase("parquet")) {
            throw new StorageException("0A000", action + "format '" + value
                + "' is not supported; Basalt writes Iceberg data files as Parquet");
          }
          properties.put(TableProperties.DEFAULT_FILE_FORMAT, "parquet");
        }
        case "write_compression" -> {
          String codec = value.toLowerCase(Locale.ROOT);
          if (!List.of("zstd", "snappy", "gzip", "none", "uncompressed").contains(codec)) {
            throw new StorageException("22023", action + "write_compression '" + value
                + "' is not one of zstd, snappy, gzip, none");
          }
          properties.put(TableProperties.PARQUET_COMPRESSION,
              codec.equals("none") ? "uncompressed" : codec);
        }
        default -> properties.put(key, value);
      }
    });
    return properties;
  }

  static Map<String, String> lowerKeys(Map<String, String> properties) {
    Map<String, String> lower = new HashMap<>();
    properties.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
    return lower;
  }

  private static String trimSlash(String location) {
    return location.endsWith("/") ? location.substring(0, location.length() - 1) : location;
  }

  /** The table as committed, for a statement that just created or changed it. */
  Table load(String database, String name) {
    return catalog.table(database, name).orElseThrow(() -> new StorageException("42P01",
        "Iceberg table '" + database + "." + name + "' does not exist"));
  }
}
