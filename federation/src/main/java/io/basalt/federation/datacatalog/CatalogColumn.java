package io.basalt.federation.datacatalog;

import static java.util.Objects.requireNonNull;

import java.util.Locale;

/**
 * A column or partition key of a catalog table. {@code type} is a Hive/Redshift type string such
 * as {@code bigint}, {@code varchar(20)} or {@code array<int>}, stored lower-case and not checked
 * here: {@link CatalogTypes#toColumnType} rejects the types Basalt cannot read when the table is
 * used, as Glue keeps any type. {@code comment} is null when not given.
 */
public record CatalogColumn(String name, String type, String comment) {
  public CatalogColumn {
    name = CatalogNames.fold(name, "name");
    requireNonNull(type, "type is null");
    type = type.strip().toLowerCase(Locale.ROOT);
  }

  /** A column without a comment. */
  public static CatalogColumn of(String name, String type) {
    return new CatalogColumn(name, type, null);
  }
}
