package io.basalt.federation.lake;

import static java.util.Objects.requireNonNull;

import io.basalt.federation.datacatalog.CatalogColumn;
import io.basalt.federation.datacatalog.CatalogTable;
import io.basalt.storage.objectstore.ObjectUri;
import java.util.List;
import java.util.Map;

/**
 * A table as the crawler inferred it from its files: name, location, format with its SerDe and
 * table properties as Glue sets them, data columns, and partitions.
 */
record InferredTable(
    String name,
    ObjectUri location,
    String format,
    String serde,
    Map<String, String> serdeParameters,
    Map<String, String> parameters,
    List<CatalogColumn> columns,
    PartitionLayout layout) {
  /** The table property naming the format as Glue's classifiers do: parquet, csv or json. */
  static final String CLASSIFICATION = "classification";

  InferredTable {
    requireNonNull(name, "name is null");
    requireNonNull(location, "location is null");
    requireNonNull(format, "format is null");
    requireNonNull(serde, "serde is null");
    serdeParameters = Map.copyOf(serdeParameters);
    parameters = Map.copyOf(parameters);
    columns = List.copyOf(columns);
    requireNonNull(layout, "layout is null");
  }

  String classification() {
    return parameters.get(CLASSIFICATION);
  }

  /** The catalog table to create in {@code database}. */
  CatalogTable definition(String database) {
    return CatalogTable.of(database, name, columns, layout.keys(), location.toString(), format)
        .withSerde(serde, serdeParameters)
        .withParameters(parameters);
  }
}
