/**
 * The Iceberg REST catalog: the server's Iceberg catalog served over the REST catalog protocol
 * (a thin router over Iceberg's own request, response and handler classes), so that other
 * engines read and write Basalt's Iceberg tables.
 */
package io.basalt.server.iceberg;
