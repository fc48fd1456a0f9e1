package io.basalt.federation.datacatalog;

import static java.util.Objects.requireNonNull;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An external table of the Data Catalog: its columns and partition keys, where its files are and
 * how they are encoded ({@code format} PARQUET, TEXTFILE or JSON, with an optional SerDe class and
 * its parameters), and its table properties. The catalog sets the times and the version: version
 * 1 is the creation and each {@link DataCatalog#replaceTable} adds one.
 */
public record CatalogTable(
    String database,
    String name,
    List<CatalogColumn> columns,
    List<CatalogColumn> partitionKeys,
    String location,
    String format,
    String serde,
    Map<String, String> serdeParameters,
    Map<String, String> parameters,
    long createTimeMillis,
    long updateTimeMillis,
    int version) {
  public static final String PARQUET = "PARQUET";
  public static final String TEXTFILE = "TEXTFILE";
  public static final String JSON = "JSON";

  public CatalogTable {
    database = CatalogNames.fold(database, "database");
    name = CatalogNames.fold(name, "name");
    columns = List.copyOf(columns);
    partitionKeys = List.copyOf(partitionKeys);
    requireNonNull(location, "location is null");
    requireNonNull(format, "format is null");
    format = format.toUpperCase(Locale.ROOT);
    serdeParameters = Map.copyOf(serdeParameters);
    parameters = Map.copyOf(parameters);
  }

  /** A table not yet created: no SerDe, no parameters; the catalog sets times and version. */
  public static CatalogTable of(String database, String name, List<CatalogColumn> columns,
      List<CatalogColumn> partitionKeys, String location, String format) {
    return new CatalogTable(database, name, columns, partitionKeys, location, format, null,
        Map.of(), Map.of(), 0, 0, 0);
  }

  public CatalogTable withColumns(List<CatalogColumn> newColumns) {
    return new CatalogTable(database, name, newColumns, partitionKeys, location, format, serde,
        serdeParameters, parameters, createTimeMillis, updateTimeMillis, version);
  }

  public CatalogTable withPartitionKeys(List<CatalogColumn> newPartitionKeys) {
    return new CatalogTable(database, name, columns, newPartitionKeys, location, format, serde,
        serdeParameters, parameters, createTimeMillis, updateTimeMillis, version);
  }

  public CatalogTable withLocation(String newLocation) {
    return new CatalogTable(database, name, columns, partitionKeys, newLocation, format, serde,
        serdeParameters, parameters, createTimeMillis, updateTimeMillis, version);
  }

  /** The table with another SerDe class (null for the format's default) and its parameters. */
  public CatalogTable withSerde(String newSerde, Map<String, String> newSerdeParameters) {
    return new CatalogTable(database, name, columns, partitionKeys, location, format, newSerde,
        newSerdeParameters, parameters, createTimeMillis, updateTimeMillis, version);
  }

  public CatalogTable withParameters(Map<String, String> newParameters) {
    return new CatalogTable(database, name, columns, partitionKeys, location, format, serde,
        serdeParameters, newParameters, createTimeMillis, updateTimeMillis, version);
  }

  /** The table with the property {@code key} set to {@code value}. */
  public CatalogTable withParameter(String key, String value) {
    requireNonNull(key, "key is null");
    requireNonNull(value, "value is null");
    Map<String, String> newParameters = new HashMap<>(parameters);
    newParameters.put(key, value);
    return withParameters(newParameters);
  }

  /** The table without the property {@code key}. */
  public CatalogTable withoutParameter(String key) {
    requireNonNull(key, "key is null");
    Map<String, String> newParameters = new HashMap<>(parameters);
    newParameters.remove(key);
    return withParameters(newParameters);
  }

  /** The table as the catalog stores it after a change: these times and this version. */
  CatalogTable withStamp(long newCreateTimeMillis, long newUpdateTimeMillis, int newVersion) {
    return new CatalogTable(database, name, columns, partitionKeys, location, format, serde,
        serdeParameters, parameters, newCreateTimeMillis, newUpdateTimeMillis, newVersion);
  }
}
