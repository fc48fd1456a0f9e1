/**
 * Federated PostgreSQL and MySQL/MariaDB schemas: a pooled source per external schema, the
 * remote tables' metadata mapped to Basalt's types, and scans that send the projection, the
 * pushed predicates and the limit to the remote database as one SELECT.
 */
package io.basalt.federation.remote;
