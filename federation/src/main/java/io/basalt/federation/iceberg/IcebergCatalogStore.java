package io.basalt.federation.iceberg;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.basalt.storage.StorageException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The database where the Iceberg catalog keeps its rows (Iceberg's {@code iceberg_tables} and
 * {@code iceberg_namespace_properties}): by default the embedded SQLite database
 * {@code <data-dir>/catalog/iceberg.db}, or the database a JDBC URL names (PostgreSQL), logged
 * in as {@code user} with {@code password}. Nothing here ever prints the password, and
 * messages name the database by {@link #description()}, which drops the URL's parameters.
 */
public record IcebergCatalogStore(String jdbcUrl, Optional<String> user,
    Optional<String> password) {
  /** The environment variable that holds the catalog database's password. */
  public static final String PASSWORD_VARIABLE = "BASALT_ICEBERG_CATALOG_PASSWORD";

  private static final String SECTION = "iceberg_catalog";
  private static final Set<String> SECTION_KEYS = Set.of("url", "user", "password_file");

  public IcebergCatalogStore {
    requireNonNull(jdbcUrl, "jdbcUrl is null");
    requireNonNull(user, "user is null");
    requireNonNull(password, "password is null");
    if (!jdbcUrl.startsWith("jdbc:")) {
      throw invalid("the catalog database URL must be a JDBC URL (jdbc:postgresql://HOST:PORT/"
          + "DATABASE), not '" + withoutParameters(jdbcUrl) + "'");
    }
  }

  /** The SQLite database {@code iceberg.db} in {@code catalogDirectory}. */
  public static IcebergCatalogStore sqlite(Path catalogDirectory) {
    return new IcebergCatalogStore("jdbc:sqlite:" + catalogDirectory.resolve("iceberg.db"),
        Optional.empty(), Optional.empty());
  }

  /**
   * Reads the {@code "iceberg_catalog"} section of basalt.json ({@code configOrNull} is the
   * whole file, or null for none): {@code url}, {@code user} and {@code password_file} (a file
   * whose content, less a trailing newline, is the password); {@code BASALT_ICEBERG_CATALOG_PASSWORD}
   * in the environment wins over the file. Without a URL the catalog is SQLite in
   * {@code catalogDirectory}. A malformed setting or an unreadable password file is F0000.
   */
  public static IcebergCatalogStore load(JsonNode configOrNull, Map<String, String> env,
      Path catalogDirectory) {
    requireNonNull(env, "env is null");
    requireNonNull(catalogDirectory, "catalogDirectory is null");
    JsonNode section = configOrNull == null ? null : configOrNull.get(SECTION);
    checkSection(section);
    IcebergCatalogStore store = text(section, "url").map(IcebergCatalogStore::of)
        .orElseGet(() -> sqlite(catalogDirectory));
    Optional<String> user = text(section, "user");
    if (user.isPresent()) {
      store = store.withUser(user.get());
    }
    String fromEnv = env.get(PASSWORD_VARIABLE);
    if (fromEnv != null && !fromEnv.isEmpty()) {
      return store.withPassword(fromEnv);
    }
    Optional<String> passwordFile = text(section, "password_file");
    return passwordFile.isPresent() ? store.withPassword(readPassword(Path.of(passwordFile.get())))
        : store;
  }

  /** The database at {@code jdbcUrl}, with no user or password yet. */
  public static IcebergCatalogStore of(String jdbcUrl) {
    return new IcebergCatalogStore(jdbcUrl, Optional.empty(), Optional.empty());
  }

  public IcebergCatalogStore withUrl(String url) {
    return new IcebergCatalogStore(url, user, password);
  }

  public IcebergCatalogStore withUser(String newUser) {
    return new IcebergCatalogStore(jdbcUrl, Optional.of(newUser), password);
  }

  public IcebergCatalogStore withPassword(String newPassword) {
    return new IcebergCatalogStore(jdbcUrl, user, Optional.of(newPassword));
  }

  /** Whether this is an SQLite file, which serializes writers. */
  boolean sqlite() {
    return jdbcUrl.startsWith("jdbc:sqlite:");
  }

  /**
   * The URL without its parameters ({@code ?...} or {@code ;...}, where drivers take passwords
   * too): fit for messages and logs.
   */
  public String description() {
    return withoutParameters(jdbcUrl);
  }

  private static String withoutParameters(String url) {
    String bare = beforeParameters(url);
    return bare.length() < url.length() ? bare + "?..." : url;
  }

  private static String beforeParameters(String url) {
    int end = url.length();
    for (char c : new char[] {'?', ';'}) {
      int at = url.indexOf(c);
      if (at >= 0 && at < end) {
        end = at;
      }
    }
    return url.substring(0, end);
  }

  /** The host (and port) the URL names, or empty for a file database. */
  public Optional<String> host() {
    String bare = beforeParameters(jdbcUrl);
    int start = bare.indexOf("//");
    if (start < 0) {
      return Optional.empty();
    }
    int end = bare.indexOf('/', start + 2);
    String host = bare.substring(start + 2, end < 0 ? bare.length() : end);
    // user@host forms name the user only, but drop it all the same.
    return Optional.of(host.substring(host.lastIndexOf('@') + 1)).filter(h -> !h.isEmpty());
  }

  /** The JDBC connection properties: {@code user} and {@code password} when set. */
  Map<String, String> connectionProperties() {
    Map<String, String> properties = new HashMap<>();
    user.ifPresent(u -> properties.put("user", u));
    password.ifPresent(p -> properties.put("password", p));
    return properties;
  }

  /** Never prints the password: these settings end up in logs. */
  @Override
  public String toString() {
    return "IcebergCatalogStore[url=" + description() + ", user=" + user.orElse("(none)")
        + ", password=" + (password.isPresent() ? "****" : "(none)") + "]";
  }

  private static String readPassword(Path file) {
    try {
      String content = Files.readString(file, StandardCharsets.UTF_8);
      return content.endsWith("\r\n") ? content.substring(0, content.length() - 2)
          : content.endsWith("\n") ? content.substring(0, content.length() - 1) : content;
    } catch (IOException e) {
      throw invalid("cannot read " + SECTION + ".password_file '" + file + "': "
          + e.getClass().getSimpleName());
    }
  }

  private static void checkSection(JsonNode section) {
    if (section == null || section.isNull()) {
      return;
    }
    if (!section.isObject()) {
      throw invalid(SECTION + " must be an object");
    }
    for (Iterator<String> names = section.fieldNames(); names.hasNext(); ) {
      String key = names.next();
      if (!SECTION_KEYS.contains(key)) {
        throw invalid("unknown setting " + SECTION + "." + key);
      }
    }
  }

  private static Optional<String> text(JsonNode section, String key) {
    JsonNode value = section == null ? null : section.get(key);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isTextual() || value.asText().isBlank()) {
      throw invalid(SECTION + "." + key + " must be a non-empty string");
    }
    return Optional.of(value.asText());
  }

  private static StorageException invalid(String reason) {
    return new StorageException("F0000", "Cannot load Iceberg catalog settings: " + reason);
  }
}
