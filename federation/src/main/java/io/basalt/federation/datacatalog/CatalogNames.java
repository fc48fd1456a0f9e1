package io.basalt.federation.datacatalog;

import static java.util.Objects.requireNonNull;

import java.util.Locale;

/** How the catalog folds and quotes names: lower-case, as Redshift folds unquoted identifiers. */
final class CatalogNames {
  private CatalogNames() {}

  /** The name in lower case; {@code what} names the argument in the null check's message. */
  static String fold(String name, String what) {
    requireNonNull(name, what + " is null");
    return name.toLowerCase(Locale.ROOT);
  }

  static String quoted(String name) {
    return "'" + name + "'";
  }

  static String quoted(String database, String table) {
    return "'" + database + "." + table + "'";
  }
}
