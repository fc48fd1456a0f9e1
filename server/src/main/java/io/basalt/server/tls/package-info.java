/** TLS on the JDBC endpoint: the server's key from a keystore or PEM files, and Jetty's TLS connectors. */
package io.basalt.server.tls;
