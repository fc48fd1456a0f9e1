package io.basalt.storage;

/** How a table's rows are spread over slices (Redshift's DISTSTYLE). */
public enum DistStyle { AUTO, EVEN, KEY, ALL }
