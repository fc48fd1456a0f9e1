package io.basalt.federation.datacatalog;

/**
 * A database of the Data Catalog: a namespace of tables. {@code description} and {@code
 * locationUri} are null when not given; the name is stored lower-case.
 */
public record CatalogDatabase(
    String name, String description, String locationUri, long createTimeMillis) {
  public CatalogDatabase {
    name = CatalogNames.fold(name, "name");
  }
}
