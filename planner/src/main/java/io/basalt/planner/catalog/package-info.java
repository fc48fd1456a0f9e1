/** How the store's schemas, tables, views, system tables and Redshift functions appear to Calcite. */
package io.basalt.planner.catalog;
