package io.basalt.storage;

import static java.util.Objects.requireNonNull;

/**
 * One column of a native table. {@code encoding} is the ENCODE the user declared (recorded and
 * shown; the store still picks its own encoding per block), or null when none was declared.
 */
public record ColumnDefinition(String name, ColumnType type, boolean nullable, String encoding) {
  public ColumnDefinition {
    requireNonNull(name, "name is null");
    requireNonNull(type, "type is null");
  }
}
