package io.basalt.federation.datacatalog;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import java.util.Map;

/**
 * An external schema ({@code CREATE EXTERNAL SCHEMA}): a local schema name bound to a database of
 * a source. For {@link #DATA_CATALOG} the database is a catalog database, stored lower-case; for
 * the federated sources ({@link #POSTGRES}, {@link #MYSQL}) it is the remote database's name as
 * given, and {@code options} holds the connection settings (URI, port, secret, ...).
 */
public record ExternalSchemaDefinition(
    String name, String sourceKind, String database, Map<String, String> options) {
  public static final String DATA_CATALOG = "DATA_CATALOG";
  public static final String POSTGRES = "POSTGRES";
  public static final String MYSQL = "MYSQL";

  public ExternalSchemaDefinition {
    name = CatalogNames.fold(name, "name");
    requireNonNull(sourceKind, "sourceKind is null");
    sourceKind = sourceKind.toUpperCase(Locale.ROOT);
    requireNonNull(database, "database is null");
    if (sourceKind.equals(DATA_CATALOG)) {
      database = CatalogNames.fold(database, "database");
    }
    options = Map.copyOf(options);
  }

  /** A schema bound to a catalog database, without options. */
  public static ExternalSchemaDefinition dataCatalog(String name, String database) {
    return new ExternalSchemaDefinition(name, DATA_CATALOG, database, Map.of());
  }
}
