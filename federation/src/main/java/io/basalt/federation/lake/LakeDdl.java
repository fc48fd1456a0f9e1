package io.basalt.federation.lake;

import static java.util.Objects.requireNonNull;

import io.basalt.federation.datacatalog.CatalogColumn;
import io.basalt.federation.datacatalog.CatalogPartition;
import io.basalt.federation.datacatalog.CatalogTable;
import io.basalt.federation.datacatalog.CatalogTypes;
import io.basalt.federation.datacatalog.DataCatalog;
import io.basalt.federation.datacatalog.ExternalSchemaDefinition;
import io.basalt.planner.catalog.StatementEnvironment.QualifiedName;
import io.basalt.storage.StorageException;
import io.basalt.storage.objectstore.ObjectStore;
import io.basalt.storage.objectstore.ObjectUri;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The lake's DDL against the Data Catalog: external schemas, external tables, partitions, MSCK
 * REPAIR. Dropping a table or schema changes only the catalog: the files stay.
 */
public final class LakeDdl {
  private final DataCatalog catalog;
  private final ObjectStore store;

  public LakeDdl(DataCatalog catalog, ObjectStore store) {
    this.catalog = requireNonNull(catalog, "catalog is null");
    this.store = requireNonNull(store, "store is null");
  }

  /** CREATE EXTERNAL SCHEMA ... FROM DATA CATALOG DATABASE 'db' [CREATE EXTERNAL DATABASE ...]. */
  public void createSchema(String name, boolean ifNotExists, String sourceKind, String database,
      boolean createDatabase, Map<String, String> options) {
    String db = database.toLowerCase(Locale.ROOT);
    if (sourceKind.equals("DATA_CATALOG") && catalog.database(db).isEmpty()) {
      if (!createDatabase) {
        throw new StorageException("3F000", "Cannot create external schema '" + name
            + "': database '" + db + "' does not exist in the Data Catalog (add CREATE EXTERNAL "
            + "DATABASE IF NOT EXISTS to create it)");
      }
      catalog.createDatabase(db, true, null, null);
    }
    catalog.createExternalSchema(new ExternalSchemaDefinition(name, sourceKind, db, options),
        ifNotExists);
  }

  /** DROP SCHEMA of an external schema; with DROP EXTERNAL DATABASE the catalog database too. */
  public void dropSchema(String name, boolean ifExists, boolean dropDatabase, boolean cascade) {
    ExternalSchemaDefinition schema = catalog.externalSchema(name).orElse(null);
    if (schema == null) {
      if (!ifExists) {
        throw new StorageException("3F000", "Cannot drop schema '" + name
            + "': it does not exist");
      }
      return;
    }
    catalog.dropExternalSchema(name, false);
    if (dropDatabase) {
      catalog.dropDatabase(schema.database(), true, cascade);
    }
  }

  /** The catalog database an external schema is bound to; 3F000 when there is no such schema. */
  public String database(String schema) {
    return catalog.externalSchema(schema)
        .orElseThrow(() -> new StorageException("3F000", "Cannot find external schema '"
            + schema + "'"))
        .database();
  }

  public boolean isExternalSchema(String schema) {
    return catalog.externalSchema(schema).isPresent();
  }

  /** The catalog table behind {@code name}; 42P01 when there is none. */
  public CatalogTable table(QualifiedName name) {
    return catalog.table(database(name.schema()), name.name())
        .orElseThrow(() -> new StorageException("42P01", "Cannot find external table '"
            + name + "'"));
  }

  /** CREATE EXTERNAL TABLE: checks the types, the location and duplicate columns first. */
  public void createTable(QualifiedName name, boolean ifNotExists, CatalogTable definition) {
    String database = database(name.schema());
    Set<String> seen = new HashSet<>();
    List<CatalogColumn> all = new ArrayList<>(definition.columns());
    all.addAll(definition.partitionKeys());
    for (CatalogColumn column : all) {
      if (!seen.add(column.name())) {
        throw new StorageException("42701", "Cannot create external table '" + name
            + "': column '" + column.name() + "' is specified more than once");
      }
      CatalogTypes.toColumnType(column.type(), column.name());
    }
    ObjectUri location = ObjectUri.parse(definition.location());
    if (location.isS3() && !store.bucketExists(location.bucket())) {
      throw new StorageException("58P01", "Cannot create external table '" + name
          + "': bucket '" + location.bucket() + "' of location '" + location
          + "' does not exist");
    }
    LakeTables.format(definition);
    long now = System.currentTimeMillis();
    catalog.createTable(new CatalogTable(database, name.name(), definition.columns(),
        definition.partitionKeys(), location.asPrefix().toString(), definition.format(),
        definition.serde(), definition.serdeParameters(), definition.parameters(), now, now, 1),
        ifNotExists);
  }

  /** Replaces a table's definition (location, properties), recording why. */
  public CatalogTable replace(CatalogTable table, String reason) {
    return catalog.replaceTable(table, reason);
  }

  public void dropTable(QualifiedName name, boolean ifExists) {
    catalog.dropTable(database(name.schema()), name.name(), ifExists);
  }

  /** ALTER TABLE ADD PARTITION: a partition without LOCATION lives at {@code key=value/...}. */
  public int addPartitions(QualifiedName name, List<List<String>> values,
      List<String> locations, boolean ifNotExists) {
    CatalogTable table = table(name);
    List<CatalogPartition> partitions = new ArrayList<>();
    long now = System.currentTimeMillis();
    for (int i = 0; i < values.size(); i++) {
      List<String> partition = canonicalValues(table, values.get(i));
      String location = locations.get(i) != null ? ObjectUri.parse(locations.get(i)).asPrefix()
          .toString() : defaultLocation(table, partition);
      partitions.add(new CatalogPartition(partition, location, now));
    }
    return catalog.addPartitions(table.database(), table.name(), partitions, ifNotExists);
  }

  public int dropPartitions(QualifiedName name, List<List<String>> values, boolean ifExists) {
    CatalogTable table = table(name);
    List<List<String>> canonical = new ArrayList<>();
    values.forEach(v -> canonical.add(canonicalValues(table, v)));
    return catalog.dropPartitions(table.database(), table.name(), canonical, ifExists);
  }

  /** MSCK REPAIR TABLE: registers every partition folder not yet in the catalog. */
  public int repair(QualifiedName name) {
    CatalogTable table = table(name);
    if (table.partitionKeys().isEmpty()) {
      return 0;
    }
    List<CatalogPartition> missing = new ArrayList<>();
    Set<List<String>> known = new HashSet<>();
    catalog.partitions(table.database(), table.name()).forEach(p -> known.add(p.values()));
    long now = System.currentTimeMillis();
    for (PartitionFolders.Found folder : PartitionFolders.find(store,
        ObjectUri.parse(table.location()), table.partitionKeys())) {
      List<String> values = canonicalValues(table, folder.values());
      if (known.add(values)) {
        missing.add(new CatalogPartition(values, folder.location().toString(), now));
      }
    }
    return missing.isEmpty() ? 0
        : catalog.addPartitions(table.database(), table.name(), missing, true);
  }

  /** Partition values must be as many as the keys and parse as their types; canonical text. */
  static List<String> canonicalValues(CatalogTable table, List<String> values) {
    if (values.size() != table.partitionKeys().size()) {
      throw new StorageException("22023", "Cannot add partition to '" + table.name()
          + "': it has " + table.partitionKeys().size() + " partition keys, " + values.size()
          + " values were given");
    }
    List<String> canonical = new ArrayList<>();
    for (int k = 0; k < values.size(); k++) {
      CatalogColumn key = table.partitionKeys().get(k);
      canonical.add(PartitionValues.canonical(values.get(k),
          CatalogTypes.toColumnType(key.type(), key.name()), key.name(),
          "of '" + table.name() + "'"));
    }
    return canonical;
  }

  static String defaultLocation(CatalogTable table, List<String> values) {
    ObjectUri location = ObjectUri.parse(table.location()).asPrefix();
    for (int k = 0; k < values.size(); k++) {
      location = location.resolve(PartitionFolders.folderName(
          table.partitionKeys().get(k).name(), values.get(k))).asPrefix();
    }
    return location.toString();
  }
}
