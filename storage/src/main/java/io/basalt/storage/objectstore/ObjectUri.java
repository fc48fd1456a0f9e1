package io.basalt.storage.objectstore;

import static java.util.Objects.requireNonNull;

import io.basalt.storage.StorageException;
import java.nio.file.Path;

/**
 * The name of an object: {@code s3://bucket/key}, or {@code file:///absolute/path} (bucket empty,
 * key the absolute path without its leading slash). A key ending in {@code /} names a prefix (a
 * "folder"). Parsing never touches the store.
 */
public record ObjectUri(String scheme, String bucket, String key) {
  public ObjectUri {
    requireNonNull(scheme, "scheme is null");
    requireNonNull(bucket, "bucket is null");
    requireNonNull(key, "key is null");
  }

  /** Parses {@code s3://b/k}, {@code file:///p} or a plain absolute or relative local path. */
  public static ObjectUri parse(String uri) {
    requireNonNull(uri, "uri is null");
    if (uri.startsWith("s3://") || uri.startsWith("s3a://")) {
      String rest = uri.substring(uri.indexOf("://") + 3);
      int slash = rest.indexOf('/');
      String bucket = slash < 0 ? rest : rest.substring(0, slash);
      String key = slash < 0 ? "" : rest.substring(slash + 1);
      if (bucket.isEmpty()) {
        throw new StorageException("22023", "Cannot parse object URI '" + uri
            + "': it names no bucket");
      }
      return new ObjectUri("s3", bucket, key);
    }
    String path = uri.startsWith("file://") ? uri.substring("file://".length()) : uri;
    boolean folder = path.endsWith("/");
    String absolute = Path.of(path).toAbsolutePath().normalize().toString();
    String key = absolute.startsWith("/") ? absolute.substring(1) : absolute;
    if (folder && !key.endsWith("/") && !key.isEmpty()) {
      key = key + "/";
    }
    return new ObjectUri("file", "", key);
  }

  public boolean isS3() {
    return scheme.equals("s3");
  }

  /** The object (or prefix) {@code name} below this prefix; a slash is put between if needed. */
  public ObjectUri resolve(String name) {
    String base = key.isEmpty() || key.endsWith("/") ? key : key + "/";
    return new ObjectUri(scheme, bucket, base + name);
  }

  /** This URI as a prefix: with a trailing slash (unless the key is empty). */
  public ObjectUri asPrefix() {
    return key.isEmpty() || key.endsWith("/") ? this : new ObjectUri(scheme, bucket, key + "/");
  }

  /** The last path segment of the key (without a trailing slash). */
  public String fileName() {
    String trimmed = key.endsWith("/") ? key.substring(0, key.length() - 1) : key;
    return trimmed.substring(trimmed.lastIndexOf('/') + 1);
  }

  @Override
  public String toString() {
    return isS3() ? "s3://" + bucket + "/" + key : "file:///" + key;
  }
}
