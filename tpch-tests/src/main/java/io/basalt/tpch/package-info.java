/**
 * The TPC-H conformance harness: loads generated TPC-H data over JDBC, runs the 22 queries and
 * checks their results against the reference answers of the shared TPC-H kit.
 */
package io.basalt.tpch;
