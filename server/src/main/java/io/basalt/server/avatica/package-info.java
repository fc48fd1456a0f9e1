/** The JDBC wire: Avatica's protobuf-over-HTTP protocol over planner sessions, with cancel and lost-client detection. */
package io.basalt.server.avatica;
