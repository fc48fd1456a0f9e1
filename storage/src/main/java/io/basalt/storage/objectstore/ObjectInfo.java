package io.basalt.storage.objectstore;

import static java.util.Objects.requireNonNull;

/** One stored object: its name, size in bytes and last-modified time (epoch milliseconds). */
public record ObjectInfo(ObjectUri uri, long size, long lastModifiedMillis) {
  public ObjectInfo {
    requireNonNull(uri, "uri is null");
  }
}
