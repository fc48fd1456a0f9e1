/** The catalog and the manifest: which schemas, tables, views and segment files are committed. */
package io.basalt.storage.catalog;
