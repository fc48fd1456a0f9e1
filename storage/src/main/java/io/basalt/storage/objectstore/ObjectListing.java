package io.basalt.storage.objectstore;

import java.util.List;

/**
 * What a list call found: the objects directly matched and, when a delimiter was given, the
 * common prefixes ("folders", each ending in the delimiter) that group the rest. Both sorted by
 * key.
 */
public record ObjectListing(List<ObjectInfo> objects, List<ObjectUri> commonPrefixes) {
  public ObjectListing {
    objects = List.copyOf(objects);
    commonPrefixes = List.copyOf(commonPrefixes);
  }
}
