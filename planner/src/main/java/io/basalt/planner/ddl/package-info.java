/** Execution of every statement that is not a query: DDL, ALTER, COPY, INSERT, UPDATE, DELETE and SET. */
package io.basalt.planner.ddl;
