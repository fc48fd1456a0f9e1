package io.basalt.federation.lake;

import io.basalt.federation.datacatalog.CatalogColumn;
import io.basalt.federation.datacatalog.CatalogTypes;
import io.basalt.storage.objectstore.ObjectStore;
import io.basalt.storage.objectstore.ObjectUri;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds Hive-style partition folders ({@code key=value/} for each partition key in order) below
 * a table's location, as MSCK REPAIR TABLE and the crawler do. Folders that are not
 * {@code key=value} for the expected key are skipped; a value that does not parse as the key's
 * type is an error naming the folder (SQLSTATE 22P02).
 */
public final class PartitionFolders {
  /** One partition folder: its values in key order (decoded text) and its location. */
  public record Found(List<String> values, ObjectUri location) {
    public Found {
      values = List.copyOf(values);
    }
  }

  private PartitionFolders() {}

  public static List<Found> find(ObjectStore store, ObjectUri location,
      List<CatalogColumn> keys) {
    List<Found> found = new ArrayList<>();
    walk(store, location.asPrefix(), keys, 0, new ArrayList<>(), found);
    return found;
  }

  private static void walk(ObjectStore store, ObjectUri prefix, List<CatalogColumn> keys,
      int level, List<String> values, List<Found> found) {
    if (level == keys.size()) {
      found.add(new Found(values, prefix));
      return;
    }
    CatalogColumn key = keys.get(level);
    for (ObjectUri folder : store.list(prefix, "/").commonPrefixes()) {
      String name = folder.fileName();
      int equals = name.indexOf('=');
      if (equals <= 0 || !name.substring(0, equals).equalsIgnoreCase(key.name())) {
        continue;
      }
      String value = PartitionValues.decodeFolderValue(name.substring(equals + 1));
      PartitionValues.parse(value, CatalogTypes.toColumnType(key.type(), key.name()),
          key.name(), "folder '" + folder + "'");
      List<String> next = new ArrayList<>(values);
      next.add(value);
      walk(store, folder, keys, level + 1, next, found);
    }
  }

  /** The folder name of one partition: {@code key=value}, with Hive's escaping of specials. */
  public static String folderName(String key, String value) {
    if (value == null) {
      return key + "=" + PartitionValues.HIVE_NULL;
    }
    StringBuilder escaped = new StringBuilder();
    for (char c : value.toCharArray()) {
      if (c < 32 || "\"#%'*/:=?\\{[]^".indexOf(c) >= 0) {
        escaped.append(String.format("%%%02X", (int) c));
      } else {
        escaped.append(c);
      }
    }
    return key + "=" + escaped;
  }
}
