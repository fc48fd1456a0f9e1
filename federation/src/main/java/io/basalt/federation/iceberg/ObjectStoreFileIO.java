package io.basalt.federation.iceberg;

import static java.util.Objects.requireNonNull;

import io.basalt.storage.objectstore.ObjectInfo;
import io.basalt.storage.objectstore.ObjectStore;
import io.basalt.storage.objectstore.ObjectStoreConfig;
import io.basalt.storage.objectstore.ObjectStoreConfig.S3Endpoint;
import io.basalt.storage.objectstore.ObjectUri;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.iceberg.CatalogProperties;
import org.apache.iceberg.io.FileInfo;
import org.apache.iceberg.io.InputFile;
import org.apache.iceberg.io.OutputFile;
import org.apache.iceberg.io.SupportsPrefixOperations;

/**
 * Iceberg's file access over Basalt's {@link ObjectStore}, so that Iceberg tables live in the
 * folder-backed store and on an S3-compatible endpoint alike, under {@code s3://} or
 * {@code file://} locations. Objects appear atomically when their stream closes, which is what
 * Iceberg's commit protocol needs of a new metadata file.
 *
 * <p>The server hands it its own store. Another JVM (Spark, or any Iceberg client of Basalt's
 * REST catalog) names it as {@code io-impl}; Iceberg then calls the no-argument constructor and
 * {@link #initialize} with the catalog's properties, which name the store:
 * {@value #ROOT} is the folder that holds the embedded store's buckets, and Iceberg's own
 * S3FileIO keys ({@value #ENDPOINT}, {@value #PATH_STYLE_ACCESS}, {@value #REGION},
 * {@value #ACCESS_KEY_ID}, {@value #SECRET_ACCESS_KEY}) an S3-compatible endpoint, so that one
 * set of properties serves this FileIO and S3FileIO alike.
 */
public final class ObjectStoreFileIO implements SupportsPrefixOperations {
  /** The folder of the embedded store: bucket {@code B} is {@code <root>/B/}. */
  public static final String ROOT = "basalt.s3.root";
  /** An S3-compatible endpoint ({@code http://host:port}) that {@code s3://} URIs go to. */
  public static final String ENDPOINT = "s3.endpoint";
  /** {@code true} for path-style requests ({@code endpoint/bucket/key}), as MinIO needs. */
  public static final String PATH_STYLE_ACCESS = "s3.path-style-access";
  /** The endpoint's region. */
  public static final String REGION = "client.region";
  /** The access key; without it (and the secret) the AWS SDK's default chain applies. */
  public static final String ACCESS_KEY_ID = "s3.access-key-id";
  public static final String SECRET_ACCESS_KEY = "s3.secret-access-key";

  private static final long serialVersionUID = 2L;

  /** What {@link #initialize} was given; null when the server handed in its store. */
  private HashMap<String, String> properties;
  /**
   * Not serialized: Spark ships FileIOs to its executors, where an initialized one opens its
   * store again from {@link #properties}; the server's never leaves its process.
   */
  private transient volatile ObjectStore store;

  /** For Iceberg's {@code io-impl}: {@link #initialize} opens the store. */
  public ObjectStoreFileIO() {}

  /** The server's FileIO over its own store, which it keeps open (and closes) itself. */
  public ObjectStoreFileIO(ObjectStore store) {
    this.store = requireNonNull(store, "store is null");
  }

  /**
   * The catalog properties under which a client's Iceberg opens the store {@code config}
   * names through this FileIO: {@code io-impl}, {@value #ROOT} and, for an endpoint, its
   * address, addressing style and region. Credentials are left out on purpose: the properties
   * are served without authentication, so a client brings its own keys (or the AWS chain).
   */
  public static Map<String, String> clientProperties(ObjectStoreConfig config) {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put(CatalogProperties.FILE_IO_IMPL, ObjectStoreFileIO.class.getName());
    properties.put(ROOT, config.root().toAbsolutePath().normalize().toString());
    config.s3().ifPresent(s3 -> {
      properties.put(ENDPOINT, s3.endpoint().toString());
      properties.put(PATH_STYLE_ACCESS, String.valueOf(s3.pathStyleAccess()));
      properties.put(REGION, s3.region());
    });
    return properties;
  }

  @Override
  public void initialize(Map<String, String> catalogProperties) {
    HashMap<String, String> copy = new HashMap<>(catalogProperties);
    ObjectStore opened = open(copy);
    ObjectStore previous = store;
    boolean ownedPrevious = properties != null;
    this.properties = copy;
    this.store = opened;
    if (previous != null && ownedPrevious) {
      previous.close();
    }
  }

  /**
   * The properties it was initialized with, and Iceberg's manifest cache switched on: manifests
   * never change once written, and caching them saves every scan of a table re-reading them.
   */
  @Override
  public Map<String, String> properties() {
    Map<String, String> all = new java.util.HashMap<>();
    all.put(org.apache.iceberg.CatalogProperties.IO_MANIFEST_CACHE_ENABLED, "true");
    if (properties != null) {
      all.putAll(properties);
    }
    return Map.copyOf(all);
  }

  /** The store, opened again from the properties in a JVM this FileIO was shipped to. */
  private ObjectStore store() {
    ObjectStore current = store;
    if (current == null) {
      synchronized (this) {
        if (store == null) {
          if (properties == null) {
            throw new IllegalStateException("Cannot use ObjectStoreFileIO: it was neither"
                + " initialized with catalog properties nor given a store");
          }
          store = open(properties);
        }
        current = store;
      }
    }
    return current;
  }

  private static ObjectStore open(Map<String, String> properties) {
    String root = properties.get(ROOT);
    String endpoint = properties.get(ENDPOINT);
    if (isBlank(root) && isBlank(endpoint)) {
      throw new IllegalArgumentException("Cannot initialize ObjectStoreFileIO: set " + ROOT
          + " (the folder that holds the buckets) or " + ENDPOINT + " (an S3 endpoint)");
    }
    // Without a root only file:// URIs use the folder store, and they ignore it.
    Path folder = Path.of(isBlank(root) ? "" : root);
    Optional<S3Endpoint> s3 = isBlank(endpoint) ? Optional.empty()
        : Optional.of(endpoint(endpoint.trim(), properties));
    return new ObjectStoreConfig(folder, s3).open();
  }

  private static S3Endpoint endpoint(String address, Map<String, String> properties) {
    URI uri = URI.create(address);
    if (uri.getHost() == null
        || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
      throw new IllegalArgumentException("Cannot initialize ObjectStoreFileIO: " + ENDPOINT
          + " '" + address + "' must be an http:// or https:// URL");
    }
    S3Endpoint s3 = S3Endpoint.of(uri)
        .withPathStyleAccess(Boolean.parseBoolean(properties.get(PATH_STYLE_ACCESS)));
    String region = properties.get(REGION);
    if (!isBlank(region)) {
      s3 = s3.withRegion(region.trim());
    }
    String key = properties.get(ACCESS_KEY_ID);
    String secret = properties.get(SECRET_ACCESS_KEY);
    if (isBlank(key) != isBlank(secret)) {
      throw new IllegalArgumentException("Cannot initialize ObjectStoreFileIO: set both "
          + ACCESS_KEY_ID + " and " + SECRET_ACCESS_KEY + ", or neither");
    }
    return isBlank(key) ? s3 : s3.withCredentials(key, secret);
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }

  @Override
  public InputFile newInputFile(String path) {
    return new ObjectStoreFiles.Input(store(), ObjectUri.parse(path), path, -1);
  }

  @Override
  public InputFile newInputFile(String path, long length) {
    return new ObjectStoreFiles.Input(store(), ObjectUri.parse(path), path, length);
  }

  @Override
  public OutputFile newOutputFile(String path) {
    return new ObjectStoreFiles.Output(store(), ObjectUri.parse(path), path);
  }

  @Override
  public void deleteFile(String path) {
    store().delete(ObjectUri.parse(path));
  }

  @Override
  public Iterable<FileInfo> listPrefix(String prefix) {
    List<FileInfo> files = new ArrayList<>();
    for (ObjectInfo object : store().list(ObjectUri.parse(prefix), null).objects()) {
      files.add(new FileInfo(object.uri().toString(), object.size(),
          object.lastModifiedMillis()));
    }
    return files;
  }

  @Override
  public void deletePrefix(String prefix) {
    ObjectStore objects = store();
    for (ObjectInfo object : objects.list(ObjectUri.parse(prefix).asPrefix(), null).objects()) {
      objects.delete(object.uri());
    }
  }

  /** Closes the store only if this FileIO opened it; the server's store outlives its FileIOs. */
  @Override
  public void close() {
    ObjectStore opened = store;
    if (properties != null && opened != null) {
      store = null;
      opened.close();
    }
  }
}
