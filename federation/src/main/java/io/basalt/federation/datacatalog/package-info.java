/**
 * The Data Catalog of Basalt's lake, after AWS Glue's model: databases, their external tables with
 * versions and partitions, and the external schemas ({@code CREATE EXTERNAL SCHEMA}) that bind a
 * local schema name to a catalog database or a federated source. {@link
 * io.basalt.federation.datacatalog.DataCatalog} is the entry type.
 */
package io.basalt.federation.datacatalog;
