/** Start-up work: the TPC-H demo data set. */
package io.basalt.server.bootstrap;
