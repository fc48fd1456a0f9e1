package io.basalt.federation.lake;

import static java.util.Objects.requireNonNull;

import io.basalt.storage.StorageException;
import io.basalt.storage.objectstore.ObjectInfo;
import io.basalt.storage.objectstore.ObjectStore;
import io.basalt.storage.objectstore.ObjectUri;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Lists a crawled prefix once, recursively, and groups its data files into table folders.
 *
 * <p>Hidden keys (a segment starting with {@code _} or {@code .}, as readers skip them), folder
 * markers and excluded keys are left out. The prefix itself is one table, named after its last
 * segment, when its files lie directly in it or its folders are all Hive-style partitions
 * ({@code key=value}); otherwise each folder directly below it is a table, named after the
 * folder. Files directly in a prefix that also holds table folders cannot belong to any table
 * (a table reads every file below its location), so they are an error.
 */
final class CrawlListing {
  /** Progress is reported after this many listed objects. */
  static final int PROGRESS_EVERY = 100;

  /** A data file and the folders it lies in below its table's location. */
  record DataFile(ObjectInfo info, List<String> folders) {
    DataFile {
      requireNonNull(info, "info is null");
      folders = List.copyOf(folders);
    }
  }

  /** The files of one would-be table: its name (before any table prefix) and location. */
  record TableFolder(String name, ObjectUri location, List<DataFile> files) {
    TableFolder {
      requireNonNull(name, "name is null");
      requireNonNull(location, "location is null");
      files = List.copyOf(files);
    }
  }

  /** The table folders found, in name order, and how many objects the listing returned. */
  record Listing(List<TableFolder> tables, long objectsSeen) {
    Listing {
      tables = List.copyOf(tables);
    }
  }

  private CrawlListing() {}

  /**
   * The table folders below {@code root} (a prefix), in name order. A missing bucket, and a
   * prefix holding no data file, are 58P01 naming the URI.
   */
  static Listing list(ObjectStore store, ObjectUri root, CrawlOptions options,
      BooleanSupplier canceled, Crawler.Progress progress) {
    if (root.isS3() && !store.bucketExists(root.bucket())) {
      throw new StorageException("58P01", "Cannot crawl '" + root + "': bucket '"
          + root.bucket() + "' does not exist");
    }
    List<ObjectInfo> objects = store.list(root, null).objects();
    List<ObjectInfo> direct = new ArrayList<>();
    Map<String, List<ObjectInfo>> byFolder = new LinkedHashMap<>();
    long seen = 0;
    int skipped = 0;
    for (ObjectInfo object : objects) {
      Crawler.checkCanceled(canceled);
      if (++seen % PROGRESS_EVERY == 0) {
        progress.update(seen, 0);
      }
      String relative = relative(root, object.uri());
      if (relative.isEmpty() || relative.endsWith("/") || relative.endsWith("_$folder$")
          || ExternalScan.isHidden(relative) || options.excluded(relative)) {
        skipped++;
        continue;
      }
      int slash = relative.indexOf('/');
      if (slash < 0) {
        direct.add(object);
      } else {
        byFolder.computeIfAbsent(relative.substring(0, slash), k -> new ArrayList<>())
            .add(object);
      }
    }
    if (direct.isEmpty() && byFolder.isEmpty()) {
      throw new StorageException("58P01", "Cannot crawl '" + root + "': "
          + (objects.isEmpty() ? "there are no files under it"
              : "there are no data files under it (" + skipped
                  + " hidden, excluded or folder markers)"));
    }
    progress.update(seen, 0);
    boolean partitionsOnly = byFolder.keySet().stream().allMatch(CrawlListing::isPartition);
    if (byFolder.isEmpty() || partitionsOnly) {
      return new Listing(List.of(folder(rootName(root), root, objects(direct, byFolder))), seen);
    }
    if (!direct.isEmpty()) {
      throw new StorageException("22023", "Cannot crawl '" + root + "': it holds data files ("
          + direct.get(0).uri() + (direct.size() > 1 ? " and " + (direct.size() - 1) + " more"
              : "") + ") beside the folders of tables; crawl the folders one by one, or leave"
          + " the files out with exclude");
    }
    List<TableFolder> tables = new ArrayList<>();
    byFolder.forEach((name, files) ->
        tables.add(folder(tableName(name), root.resolve(name).asPrefix(), files)));
    tables.sort((a, b) -> a.name().compareTo(b.name()));
    return new Listing(tables, seen);
  }

  /** A table name made of a folder name: lower case, characters other than a-z and 0-9 as _. */
  static String tableName(String folder) {
    StringBuilder name = new StringBuilder();
    for (char c : folder.toLowerCase(Locale.ROOT).toCharArray()) {
      name.append(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' ? c : '_');
    }
    return name.toString();
  }

  static boolean isPartition(String segment) {
    return segment.indexOf('=') > 0;
  }

  private static String rootName(ObjectUri root) {
    String name = root.fileName();
    return tableName(name.isEmpty() ? root.bucket() : name);
  }

  private static List<ObjectInfo> objects(List<ObjectInfo> direct,
      Map<String, List<ObjectInfo>> byFolder) {
    List<ObjectInfo> all = new ArrayList<>(direct);
    byFolder.values().forEach(all::addAll);
    return all;
  }

  private static TableFolder folder(String name, ObjectUri location, List<ObjectInfo> objects) {
    List<DataFile> files = new ArrayList<>();
    for (ObjectInfo object : objects) {
      String relative = relative(location, object.uri());
      List<String> folders = new ArrayList<>(List.of(relative.split("/")));
      folders.remove(folders.size() - 1);
      files.add(new DataFile(object, folders));
    }
    files.sort((a, b) -> a.info().uri().key().compareTo(b.info().uri().key()));
    return new TableFolder(name, location, files);
  }

  private static String relative(ObjectUri prefix, ObjectUri object) {
    String key = object.key();
    return key.startsWith(prefix.key()) ? key.substring(prefix.key().length()) : key;
  }
}
