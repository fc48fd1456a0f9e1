/**
 * Federated PostgreSQL and MySQL/MariaDB schemas: a pooled source per external schema logging
 * in with its own password or a named secret, the remote tables' metadata mapped to Basalt's
 * types (cached, dropped by REFRESH EXTERNAL SCHEMA), and scans that send the projection, the
 * pushed predicates and the limit to the remote database as one SELECT, or as one per range of
 * a split column.
 */
package io.basalt.federation.remote;
