package io.basalt.storage;

/** Whether a writer's commit adds to a table's rows or replaces all of them. */
public enum WriteMode { APPEND, REPLACE }
