/**
 * TPC-H data in dbgen's {@code .tbl} format and the matching Redshift DDL and COPY statements,
 * shared by the server's demo data set and the TPC-H conformance harness.
 */
package io.basalt.ingest.tpch;
