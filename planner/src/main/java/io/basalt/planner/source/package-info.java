/**
 * The table-source seam: the one way any kind of table (native, external files, Iceberg, a
 * federated database) reaches the planner and the engine. See {@link
 * io.basalt.planner.source.TableSource} and {@code docs/table-sources.md}.
 */
package io.basalt.planner.source;
