/**
 * Iceberg tables: Apache Iceberg's {@code JdbcCatalog} (SQLite under the data directory by
 * default) holds their metadata pointers, their data and metadata files go through the object
 * store ({@link io.basalt.federation.iceberg.ObjectStoreFileIO}), and they reach the planner and
 * the engine through the table-source seam like every other table. Iceberg namespaces are the
 * Data Catalog's databases, so an external schema shows its lake tables and its Iceberg tables
 * side by side.
 */
package io.basalt.federation.iceberg;
