package io.basalt.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.basalt.storage.StorageException;
import io.basalt.storage.objectstore.ObjectInfo;
import io.basalt.storage.objectstore.ObjectStore;
import io.basalt.storage.objectstore.ObjectUri;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Resolves a COPY source to the objects to read, through the {@link ObjectStore}. In
 * {@code s3://bucket/key}, as in S3, the key is a prefix: every object whose key starts with it
 * loads ({@code data/part} loads {@code data/part-0001.csv} and {@code data/part-0002.csv};
 * {@code data/} loads the folder recursively), sorted by name, hidden files and folders (starting
 * with {@code .} or {@code _}) skipped. A local path or {@code file://} URI loads that file, or
 * that folder recursively, when it exists and otherwise acts as a prefix too.
 */
final class SourceFiles {
  /**
   * One object to load, as listed (its size and modification time are what a Parquet reader
   * plans by), and the name it has in messages and STL_LOAD_ERRORS.
   */
  record SourceFile(ObjectInfo info, String name) {
    ObjectUri uri() {
      return info.uri();
    }
  }

  private final ObjectStore store;

  SourceFiles(ObjectStore store) {
    this.store = store;
  }

  /** The files the source names, or 58P01 when there are none. */
  List<SourceFile> resolve(String source, String target) {
    List<SourceFile> files = source.startsWith("s3://") ? s3Prefix(source, target)
        : localPrefix(source, target);
    if (files.isEmpty()) {
      throw noFiles(source, target);
    }
    return files;
  }

  /** The files a MANIFEST lists; missing mandatory entries fail with 58P01. */
  List<SourceFile> manifest(String source, String target) {
    SourceFile manifestFile = exact(source, target);
    if (manifestFile == null) {
      throw noFiles(source, target);
    }
    JsonNode root;
    try (InputStream in = store.open(manifestFile.uri())) {
      root = new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new StorageException("22P04",
          "Cannot COPY into " + target + ": manifest '" + source + "' is not valid JSON: "
              + e.getMessage(), e);
    }
    JsonNode entries = root == null ? null : root.get("entries");
    if (entries == null || !entries.isArray()) {
      throw new StorageException("22P04",
          "Cannot COPY into " + target + ": manifest '" + source + "' has no \"entries\" array");
    }
    List<SourceFile> files = new ArrayList<>();
    for (JsonNode entry : entries) {
      JsonNode url = entry.get("url");
      if (url == null || !url.isTextual()) {
        throw new StorageException("22P04",
            "Cannot COPY into " + target + ": manifest '" + source
                + "' has an entry without a \"url\"");
      }
      SourceFile file = exact(url.asText(), target);
      if (file != null) {
        files.add(file);
      } else if (entry.path("mandatory").asBoolean(false)) {
        throw new StorageException("58P01",
            "Cannot COPY into " + target + ": mandatory file '" + url.asText()
                + "' listed in manifest '" + source + "' does not exist");
      }
    }
    return files;
  }

  /** The single object a URL or path names, or null. */
  private SourceFile exact(String source, String target) {
    if (source.startsWith("s3://")) {
      ObjectUri uri = s3Uri(source, target);
      return store.stat(uri).map(info -> new SourceFile(info, source)).orElse(null);
    }
    Path path = localPath(source, target);
    ObjectUri uri = ObjectUri.parse(path.toString());
    return store.stat(uri).map(info -> new SourceFile(info, path.toString())).orElse(null);
  }

  private List<SourceFile> s3Prefix(String source, String target) {
    ObjectUri prefix = s3Uri(source, target);
    return matching(prefix, list(prefix), info -> info.uri().toString());
  }

  private List<SourceFile> localPrefix(String source, String target) {
    Path path = localPath(source, target);
    ObjectUri uri = ObjectUri.parse(path.toString());
    Optional<ObjectInfo> file = store.stat(uri);
    if (file.isPresent()) {
      return List.of(new SourceFile(file.get(), path.toString()));
    }
    // A folder loads recursively (its hidden names are checked below it); else a prefix.
    ObjectUri folder = uri.asPrefix();
    List<ObjectInfo> inFolder = list(folder);
    boolean isFolder = source.endsWith("/") || !inFolder.isEmpty();
    ObjectUri prefix = isFolder ? folder : uri;
    return matching(prefix, isFolder ? inFolder : list(uri), info -> "/" + info.uri().key());
  }

  /** Every object below the prefix, recursively; none when its bucket does not exist. */
  private List<ObjectInfo> list(ObjectUri prefix) {
    try {
      return store.list(prefix, null).objects();
    } catch (StorageException e) {
      if (e.sqlState().equals("58P01")) {
        return List.of();
      }
      throw e;
    }
  }

  /** The listed objects that are not hidden below {@code prefix}, sorted by their name. */
  private static List<SourceFile> matching(
      ObjectUri prefix, List<ObjectInfo> objects, Function<ObjectInfo, String> name) {
    List<SourceFile> files = new ArrayList<>();
    for (ObjectInfo info : objects) {
      if (info.uri().key().startsWith(prefix.key()) && !hidden(info.uri().key(), prefix.key())) {
        files.add(new SourceFile(info, name.apply(info)));
      }
    }
    files.sort(Comparator.comparing(SourceFile::name));
    return files;
  }

  /**
   * Whether a path component that the prefix does not spell out in full starts with '.' or '_'
   * (Hadoop and Spark write such files as side-files: {@code _SUCCESS}, {@code .crc}).
   */
  private static boolean hidden(String relative, String prefix) {
    int componentStart = 0;
    while (componentStart < relative.length()) {
      int end = relative.indexOf('/', componentStart);
      if (end < 0) {
        end = relative.length();
      }
      boolean spelledOut = end <= prefix.length() && relative.startsWith(prefix.substring(0, end));
      char first = componentStart < end ? relative.charAt(componentStart) : 'x';
      if (!spelledOut && (first == '.' || first == '_')) {
        return true;
      }
      componentStart = end + 1;
    }
    return false;
  }

  /** The object URI of an s3 URL, refusing names that would leave the bucket. */
  private static ObjectUri s3Uri(String url, String target) {
    String rest = url.substring("s3://".length());
    int slash = rest.indexOf('/');
    String bucket = slash < 0 ? rest : rest.substring(0, slash);
    String key = slash < 0 ? "" : rest.substring(slash + 1);
    if (bucket.isEmpty() || bucket.equals(".") || bucket.equals("..") || bucket.contains("\\")
        || escapesBucket(key)) {
      throw new StorageException("22023",
          "Cannot COPY into " + target + ": invalid S3 URL '" + url + "'");
    }
    return new ObjectUri("s3", bucket, key);
  }

  /** Whether a key has a {@code ..} segment, which would name a file outside the bucket. */
  private static boolean escapesBucket(String key) {
    for (String segment : key.split("/", -1)) {
      if (segment.equals("..")) {
        return true;
      }
    }
    return key.contains("\\");
  }

  private static Path localPath(String source, String target) {
    try {
      if (source.startsWith("file:")) {
        return Path.of(URI.create(source)).toAbsolutePath().normalize();
      }
      return Path.of(source).toAbsolutePath().normalize();
    } catch (IllegalArgumentException e) {
      throw new StorageException("22023",
          "Cannot COPY into " + target + ": invalid source '" + source + "': " + e.getMessage());
    }
  }

  private static StorageException noFiles(String source, String target) {
    return new StorageException("58P01",
        "Cannot COPY into " + target + ": no files found at '" + source + "'");
  }
}
