package io.basalt.federation.lake;

import static java.util.Objects.requireNonNull;

import io.basalt.federation.datacatalog.CatalogColumn;
import io.basalt.federation.datacatalog.CatalogTypes;
import io.basalt.federation.lake.CrawlListing.DataFile;
import io.basalt.federation.lake.CrawlListing.TableFolder;
import io.basalt.storage.ColumnType;
import io.basalt.storage.StorageException;
import io.basalt.storage.TypeName;
import io.basalt.storage.objectstore.ObjectUri;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The Hive-style partitioning of a table folder as a crawler sees it: the partition keys are the
 * {@code key=value} folder levels that every file lies in, with the same key name at the same
 * depth; each distinct path of values is one partition. Key types come from the values: all
 * integers are {@code int} (or {@code bigint} when one does not fit), all {@code yyyy-MM-dd}
 * dates are {@code date}, anything else is {@code string}, so one value that does not parse
 * degrades the key to {@code string} instead of failing. Hive's
 * {@code __HIVE_DEFAULT_PARTITION__} (NULL) says nothing about the type.
 */
record PartitionLayout(List<CatalogColumn> keys, List<FolderPartition> partitions) {
  static final String STRING = "string";
  private static final Pattern INTEGER = Pattern.compile("[+-]?\\d{1,19}");
  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

  /** One partition folder: its values in key order (decoded text), location and files. */
  record FolderPartition(List<String> values, ObjectUri location, List<DataFile> files) {
    FolderPartition {
      values = List.copyOf(values);
      requireNonNull(location, "location is null");
      files = List.copyOf(files);
    }
  }

  PartitionLayout {
    keys = List.copyOf(keys);
    partitions = List.copyOf(partitions);
  }

  static PartitionLayout detect(TableFolder table) {
    List<String> names = keyNames(table.files());
    if (names.isEmpty()) {
      return new PartitionLayout(List.of(), List.of());
    }
    Map<List<String>, List<DataFile>> byPath = new LinkedHashMap<>();
    for (DataFile file : table.files()) {
      byPath.computeIfAbsent(file.folders().subList(0, names.size()), k -> new ArrayList<>())
          .add(file);
    }
    List<FolderPartition> partitions = new ArrayList<>();
    List<List<String>> valuesByKey = new ArrayList<>();
    names.forEach(n -> valuesByKey.add(new ArrayList<>()));
    byPath.forEach((path, files) -> {
      ObjectUri location = table.location();
      List<String> values = new ArrayList<>();
      for (int k = 0; k < path.size(); k++) {
        String segment = path.get(k);
        location = location.resolve(segment).asPrefix();
        String value = PartitionValues.decodeFolderValue(segment.substring(
            segment.indexOf('=') + 1));
        values.add(value);
        valuesByKey.get(k).add(value);
      }
      partitions.add(new FolderPartition(values, location, files));
    });
    List<CatalogColumn> keys = new ArrayList<>();
    for (int k = 0; k < names.size(); k++) {
      keys.add(CatalogColumn.of(names.get(k), keyType(valuesByKey.get(k))));
    }
    return new PartitionLayout(keys, partitions);
  }

  /** The key names of the levels every file shares, in depth order. */
  private static List<String> keyNames(List<DataFile> files) {
    List<String> names = new ArrayList<>();
    Set<String> used = new HashSet<>();
    for (int depth = 0; ; depth++) {
      String name = null;
      for (DataFile file : files) {
        if (file.folders().size() <= depth) {
          return names;
        }
        String segment = file.folders().get(depth);
        if (!CrawlListing.isPartition(segment)) {
          return names;
        }
        String key = segment.substring(0, segment.indexOf('=')).toLowerCase(Locale.ROOT);
        if (name == null) {
          name = key;
        } else if (!name.equals(key)) {
          return names;
        }
      }
      if (name == null || !used.add(name)) {
        return names;
      }
      names.add(name);
    }
  }

  /** The type the values of one key have: int, bigint, date or string. */
  static String keyType(Collection<String> values) {
    boolean integers = true;
    boolean fitsInt = true;
    boolean dates = true;
    boolean any = false;
    for (String value : values) {
      if (value == null || value.equals(PartitionValues.HIVE_NULL)) {
        continue;
      }
      any = true;
      String trimmed = value.trim();
      if (integers && INTEGER.matcher(trimmed).matches()) {
        try {
          long number = Long.parseLong(trimmed);
          fitsInt &= number >= Integer.MIN_VALUE && number <= Integer.MAX_VALUE;
        } catch (NumberFormatException e) {
          integers = false;
        }
      } else {
        integers = false;
      }
      dates &= isDate(trimmed);
    }
    if (!any) {
      return STRING;
    }
    return integers ? (fitsInt ? "int" : "bigint") : dates ? "date" : STRING;
  }

  /**
   * The type a key recorded as {@code existing} has once these folder values are added: the same
   * when they all parse as it, {@code bigint} for an integer key whose new values are integers
   * too large for it, else {@code string}.
   */
  static String reconcile(CatalogColumn existing, Collection<String> values) {
    ColumnType type = CatalogTypes.toColumnType(existing.type(), existing.name());
    if (parseAll(type, existing.name(), values)) {
      return existing.type();
    }
    boolean integral = type.name() == TypeName.SMALLINT || type.name() == TypeName.INTEGER
        || type.name() == TypeName.BIGINT;
    String inferred = keyType(values);
    if (integral && (inferred.equals("int") || inferred.equals("bigint"))) {
      return "bigint";
    }
    return STRING;
  }

  private static boolean parseAll(ColumnType type, String key, Collection<String> values) {
    for (String value : values) {
      try {
        PartitionValues.parse(value, type, key, "folder");
      } catch (StorageException e) {
        return false;
      }
    }
    return true;
  }

  private static boolean isDate(String value) {
    if (!DATE.matcher(value).matches()) {
      return false;
    }
    try {
      LocalDate.parse(value);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }
}
