package io.basalt.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.basalt.storage.StorageException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Resolves a COPY source to the files to read. {@code s3://bucket/key} names the folder
 * {@code <s3 root>/bucket/key}; as in S3, the key is a prefix: every regular file whose path
 * starts with it loads ({@code data/part} loads {@code data/part-0001.csv} and
 * {@code data/part-0002.csv}; {@code data/} loads the folder recursively), sorted by name, hidden
 * files and folders (starting with {@code .} or {@code _}) skipped. A local path or
 * {@code file://} URI loads that file, or that folder recursively, when it exists and otherwise
 * acts as a prefix too.
 */
final class SourceFiles {
  /** One file to load and the name it has in messages and STL_LOAD_ERRORS. */
  record SourceFile(Path path, String name) {
  }

  private final Path s3Root;

  SourceFiles(Path s3Root) {
    this.s3Root = s3Root;
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
    try {
      root = new ObjectMapper().readTree(manifestFile.path().toFile());
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

  /** The single regular file a URL or path names, or null. */
  private SourceFile exact(String source, String target) {
    Path path;
    String name;
    if (source.startsWith("s3://")) {
      S3Location location = s3Location(source, target);
      path = location.bucketFolder().resolve(location.key());
      name = source;
    } else {
      path = localPath(source, target);
      name = path.toString();
    }
    return Files.isRegularFile(path) ? new SourceFile(path, name) : null;
  }

  private List<SourceFile> s3Prefix(String source, String target) {
    S3Location location = s3Location(source, target);
    String bucketUrl = "s3://" + location.bucket() + "/";
    return walkPrefix(location.bucketFolder(), location.key(), bucketUrl);
  }

  private List<SourceFile> localPrefix(String source, String target) {
    Path path = localPath(source, target);
    if (Files.isRegularFile(path)) {
      return List.of(new SourceFile(path, path.toString()));
    }
    String prefix = path.toString();
    if ((source.endsWith("/") || Files.isDirectory(path)) && !prefix.endsWith("/")) {
      prefix = prefix + "/";
    }
    Path root = path.getRoot();
    String relative = prefix.substring(root.toString().length());
    return walkPrefix(root, relative, root.toString());
  }

  /**
   * Regular files under {@code base} whose '/'-separated path relative to it starts with
   * {@code prefix}, named {@code namePrefix + relative path}, sorted by that name. Only the
   * folders that can hold matches are visited.
   */
  private static List<SourceFile> walkPrefix(Path base, String prefix, String namePrefix) {
    int slash = prefix.lastIndexOf('/');
    Path start = slash < 0 ? base : base.resolve(prefix.substring(0, slash));
    if (!Files.isDirectory(start)) {
      return List.of();
    }
    List<SourceFile> files = new ArrayList<>();
    try {
      Files.walkFileTree(start, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
          String relative = relative(base, dir) + "/";
          if (dir.equals(start)) {
            return FileVisitResult.CONTINUE;
          }
          boolean canMatch = relative.startsWith(prefix) || prefix.startsWith(relative);
          return canMatch && !hidden(relative, prefix) ? FileVisitResult.CONTINUE
              : FileVisitResult.SKIP_SUBTREE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
          String relative = relative(base, file);
          if (attributes.isRegularFile() && relative.startsWith(prefix)
              && !hidden(relative, prefix)) {
            files.add(new SourceFile(file, namePrefix + relative));
          }
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      throw new StorageException("58030", "Cannot list '" + start + "': " + e.getMessage(), e);
    }
    files.sort(Comparator.comparing(SourceFile::name));
    return files;
  }

  private static String relative(Path base, Path path) {
    return base.relativize(path).toString().replace('\\', '/');
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

  /** An s3 URL split into its bucket, its key and the local folder that holds the bucket. */
  private record S3Location(String bucket, String key, Path bucketFolder) {
  }

  private S3Location s3Location(String url, String target) {
    String rest = url.substring("s3://".length());
    int slash = rest.indexOf('/');
    String bucket = slash < 0 ? rest : rest.substring(0, slash);
    String key = slash < 0 ? "" : rest.substring(slash + 1);
    if (bucket.isEmpty() || bucket.equals(".") || bucket.equals("..") || bucket.contains("\\")
        || escapesBucket(key)) {
      throw new StorageException("22023",
          "Cannot COPY into " + target + ": invalid S3 URL '" + url + "'");
    }
    return new S3Location(bucket, key, s3Root.resolve(bucket));
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
