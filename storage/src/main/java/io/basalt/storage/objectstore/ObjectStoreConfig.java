package io.basalt.storage.objectstore;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.basalt.storage.StorageException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where objects live: {@code root} is the folder of the embedded store (bucket {@code B} is
 * {@code <root>/B/}), and {@code s3}, when present, is an S3-compatible endpoint that
 * {@code s3://} URIs go to instead. {@link #load} reads it from basalt.json and the environment.
 */
public record ObjectStoreConfig(Path root, Optional<S3Endpoint> s3) {
  /** The embedded store's folder, relative to the data directory. */
  public static final String DEFAULT_ROOT = "s3";

  private static final Set<String> SECTION_KEYS = Set.of("root", "s3");
  private static final Set<String> S3_KEYS = Set.of("endpoint", "region", "path_style_access",
      "access_key_id", "secret_access_key", "api_call_timeout_seconds");

  public ObjectStoreConfig {
    requireNonNull(root, "root is null");
    requireNonNull(s3, "s3 is null");
  }

  /** The embedded store under {@code <dataDirectory>/s3} and no endpoint. */
  public static ObjectStoreConfig defaults(Path dataDirectory) {
    return new ObjectStoreConfig(dataDirectory.resolve(DEFAULT_ROOT), Optional.empty());
  }

  /**
   * Reads the {@code "object_store"} section of basalt.json ({@code configOrNull} is the whole
   * file, or null for none), then lets the environment override it: {@code BASALT_S3_ENDPOINT},
   * else {@code AWS_ENDPOINT_URL_S3}, else {@code AWS_ENDPOINT_URL} set the endpoint;
   * {@code AWS_REGION} the region; {@code BASALT_S3_PATH_STYLE} (true or false) path-style
   * access. A relative root is taken from the data directory. Credentials that neither names come
   * from the AWS SDK's default chain when the store is opened. A malformed setting is F0000.
   */
  public static ObjectStoreConfig load(
      JsonNode configOrNull, Map<String, String> env, Path dataDirectory) {
    requireNonNull(env, "env is null");
    requireNonNull(dataDirectory, "dataDirectory is null");
    JsonNode section = configOrNull == null ? null : configOrNull.get("object_store");
    checkObject(section, "object_store", SECTION_KEYS);
    JsonNode s3 = section == null ? null : section.get("s3");
    checkObject(s3, "object_store.s3", S3_KEYS);

    Path root = dataDirectory.resolve(text(section, "root", "object_store").orElse(DEFAULT_ROOT));
    Optional<String> endpoint = firstOf(env, "BASALT_S3_ENDPOINT", "AWS_ENDPOINT_URL_S3",
        "AWS_ENDPOINT_URL").or(() -> text(s3, "endpoint", "object_store.s3"));
    String region = firstOf(env, "AWS_REGION")
        .or(() -> text(s3, "region", "object_store.s3")).orElse(S3Endpoint.DEFAULT_REGION);
    boolean pathStyle = firstOf(env, "BASALT_S3_PATH_STYLE").map(ObjectStoreConfig::parseBoolean)
        .orElseGet(() -> bool(s3, "path_style_access"));
    Optional<String> accessKey = text(s3, "access_key_id", "object_store.s3");
    Optional<String> secretKey = text(s3, "secret_access_key", "object_store.s3");
    Duration timeout = seconds(s3, "api_call_timeout_seconds")
        .orElse(S3Endpoint.DEFAULT_API_CALL_TIMEOUT);
    if (accessKey.isPresent() != secretKey.isPresent()) {
      throw invalid("object_store.s3 needs both access_key_id and secret_access_key, or neither");
    }
    Optional<S3Endpoint> endpointSettings = endpoint.map(uri -> new S3Endpoint(parseEndpoint(uri),
        region, pathStyle, accessKey, secretKey, timeout));
    return new ObjectStoreConfig(root, endpointSettings);
  }

  public ObjectStoreConfig withRoot(Path root) {
    return new ObjectStoreConfig(root, s3);
  }

  public ObjectStoreConfig withS3(S3Endpoint endpoint) {
    return new ObjectStoreConfig(root, Optional.of(endpoint));
  }

  /**
   * The store these settings name: {@code file://} URIs always go to the folder store;
   * {@code s3://} URIs go to the endpoint when there is one, else to the folder store under root.
   */
  public ObjectStore open() {
    FolderObjectStore folder = new FolderObjectStore(root);
    if (s3.isEmpty()) {
      // The folder store already serves both schemes.
      return folder;
    }
    return new RoutingObjectStore(folder, new S3ObjectStore(s3.get()));
  }

  /**
   * An S3-compatible endpoint. Without an access key the AWS SDK's default credentials chain
   * (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, then the profile files, ...) is used. Every
   * call, its retries included, gives up after {@code apiCallTimeout}.
   */
  public record S3Endpoint(
      URI endpoint,
      String region,
      boolean pathStyleAccess,
      Optional<String> accessKeyId,
      Optional<String> secretAccessKey,
      Duration apiCallTimeout) {
    public static final String DEFAULT_REGION = "us-east-1";
    public static final Duration DEFAULT_API_CALL_TIMEOUT = Duration.ofSeconds(60);

    public S3Endpoint {
      requireNonNull(endpoint, "endpoint is null");
      requireNonNull(region, "region is null");
      requireNonNull(accessKeyId, "accessKeyId is null");
      requireNonNull(secretAccessKey, "secretAccessKey is null");
      requireNonNull(apiCallTimeout, "apiCallTimeout is null");
      if (accessKeyId.isPresent() != secretAccessKey.isPresent()) {
        throw new IllegalArgumentException(
            "give both the access key id and the secret, or neither");
      }
      if (apiCallTimeout.isNegative() || apiCallTimeout.isZero()) {
        throw new IllegalArgumentException("apiCallTimeout must be positive: " + apiCallTimeout);
      }
    }

    /** The endpoint with the default region, virtual-host addressing and the default chain. */
    public static S3Endpoint of(URI endpoint) {
      return new S3Endpoint(endpoint, DEFAULT_REGION, false, Optional.empty(), Optional.empty(),
          DEFAULT_API_CALL_TIMEOUT);
    }

    public S3Endpoint withRegion(String region) {
      return new S3Endpoint(endpoint, region, pathStyleAccess, accessKeyId, secretAccessKey,
          apiCallTimeout);
    }

    public S3Endpoint withPathStyleAccess(boolean pathStyleAccess) {
      return new S3Endpoint(endpoint, region, pathStyleAccess, accessKeyId, secretAccessKey,
          apiCallTimeout);
    }

    public S3Endpoint withCredentials(String accessKeyId, String secretAccessKey) {
      return new S3Endpoint(endpoint, region, pathStyleAccess, Optional.of(accessKeyId),
          Optional.of(secretAccessKey), apiCallTimeout);
    }

    public S3Endpoint withApiCallTimeout(Duration apiCallTimeout) {
      return new S3Endpoint(endpoint, region, pathStyleAccess, accessKeyId, secretAccessKey,
          apiCallTimeout);
    }

    /** Never prints the secret: these settings end up in logs. */
    @Override
    public String toString() {
      return "S3Endpoint[endpoint=" + endpoint + ", region=" + region + ", pathStyleAccess="
          + pathStyleAccess + ", accessKeyId=" + accessKeyId.orElse("(default chain)")
          + ", secretAccessKey=" + (secretAccessKey.isPresent() ? "****" : "(default chain)")
          + ", apiCallTimeout=" + apiCallTimeout + "]";
    }
  }

  private static void checkObject(JsonNode node, String name, Set<String> keys) {
    if (node == null || node.isNull()) {
      return;
    }
    if (!node.isObject()) {
      throw invalid(name + " must be an object");
    }
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String key = names.next();
      if (!keys.contains(key)) {
        throw invalid("unknown setting " + name + "." + key);
      }
    }
  }

  private static Optional<String> text(JsonNode node, String key, String section) {
    JsonNode value = node == null ? null : node.get(key);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isTextual() || value.asText().isBlank()) {
      throw invalid(section + "." + key + " must be a non-empty string");
    }
    return Optional.of(value.asText());
  }

  private static boolean bool(JsonNode node, String key) {
    JsonNode value = node == null ? null : node.get(key);
    if (value == null || value.isNull()) {
      return false;
    }
    if (!value.isBoolean()) {
      throw invalid("object_store.s3." + key + " must be true or false");
    }
    return value.asBoolean();
  }

  private static Optional<Duration> seconds(JsonNode node, String key) {
    JsonNode value = node == null ? null : node.get(key);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isNumber() || value.asDouble() <= 0) {
      throw invalid("object_store.s3." + key + " must be a positive number");
    }
    return Optional.of(Duration.ofMillis(Math.round(value.asDouble() * 1000)));
  }

  /** The first of the variables that is set and not empty. */
  private static Optional<String> firstOf(Map<String, String> env, String... names) {
    for (String name : names) {
      String value = env.get(name);
      if (value != null && !value.isBlank()) {
        return Optional.of(value.trim());
      }
    }
    return Optional.empty();
  }

  private static boolean parseBoolean(String value) {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw invalid("BASALT_S3_PATH_STYLE must be true or false, not '" + value + "'");
    };
  }

  private static URI parseEndpoint(String value) {
    URI uri;
    try {
      uri = URI.create(value);
    } catch (IllegalArgumentException e) {
      throw invalid("S3 endpoint '" + value + "' is not a URL: " + e.getMessage());
    }
    if (uri.getHost() == null
        || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
      throw invalid("S3 endpoint '" + value + "' must be an http:// or https:// URL");
    }
    return uri;
  }

  private static StorageException invalid(String reason) {
    return new StorageException("F0000", "Cannot load object store settings: " + reason);
  }
}
