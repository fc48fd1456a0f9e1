package io.basalt.server;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.OptionalInt;

/**
 * How a Basalt server runs: the address it binds (127.0.0.1 unless told otherwise), its port
 * (0 picks a free one), the data directory, the slice count, the admin password (null: taken from
 * BASALT_ADMIN_PASSWORD, else empty), whether to load the TPC-H demo data on first start, and
 * how many megabytes one query may hold in hash tables and sort buffers (0: half the heap), and
 * the settings file ({@code --config basalt.json}; null: none), whose {@code object_store}
 * section configures the object store, and the port of the Iceberg REST catalog (empty: not
 * served; 0 picks a free one), which listens on 127.0.0.1 whatever the host, and the JDBC URL
 * and user of the database that keeps the Iceberg catalog (null: the settings file's
 * {@code iceberg_catalog} section, else SQLite under the data directory; the password only ever
 * comes from BASALT_ICEBERG_CATALOG_PASSWORD or the settings file's {@code password_file}),
 * and the JDBC endpoint's TLS and idle-session settings.
 */
public record ServerConfig(String host, int port, Path dataDirectory, int slices,
    String adminPassword, boolean demo, long queryMemoryMb, Path configFile,
    OptionalInt icebergRestPort, String icebergCatalogUrl, String icebergCatalogUser,
    EndpointConfig endpoint) {
  public static final int DEFAULT_PORT = 5439;

  public ServerConfig {
    requireNonNull(host, "host is null");
    requireNonNull(dataDirectory, "dataDirectory is null");
    if (slices < 1) {
      throw new IllegalArgumentException("slices must be at least 1");
    }
    if (queryMemoryMb < 0) {
      throw new IllegalArgumentException("queryMemoryMb must not be negative");
    }
    requireNonNull(icebergRestPort, "icebergRestPort is null");
    requireNonNull(endpoint, "endpoint is null");
    if (icebergRestPort.isPresent()
        && (icebergRestPort.getAsInt() < 0 || icebergRestPort.getAsInt() > 65535)) {
      throw new IllegalArgumentException("icebergRestPort must be between 0 and 65535");
    }
  }

  public ServerConfig(String host, int port, Path dataDirectory, int slices,
      String adminPassword, boolean demo) {
    this(host, port, dataDirectory, slices, adminPassword, demo, 0, null, OptionalInt.empty(),
        null, null, EndpointConfig.defaults());
  }

  public ServerConfig(String host, int port, Path dataDirectory, int slices,
      String adminPassword, boolean demo, long queryMemoryMb) {
    this(host, port, dataDirectory, slices, adminPassword, demo, queryMemoryMb, null,
        OptionalInt.empty(), null, null, EndpointConfig.defaults());
  }

  public ServerConfig withConfigFile(Path file) {
    return new ServerConfig(host, port, dataDirectory, slices, adminPassword, demo,
        queryMemoryMb, file, icebergRestPort, icebergCatalogUrl, icebergCatalogUser, endpoint);
  }

  public ServerConfig withQueryMemoryMb(long megabytes) {
    return new ServerConfig(host, port, dataDirectory, slices, adminPassword, demo, megabytes,
        configFile, icebergRestPort, icebergCatalogUrl, icebergCatalogUser, endpoint);
  }

  /** Serves the Iceberg REST catalog on {@code newPort} of 127.0.0.1 (0: a free port). */
  public ServerConfig withIcebergRestPort(int newPort) {
    return new ServerConfig(host, port, dataDirectory, slices, adminPassword, demo,
        queryMemoryMb, configFile, OptionalInt.of(newPort),
        icebergCatalogUrl, icebergCatalogUser, endpoint);
  }

  /**
   * Keeps the Iceberg catalog in the database at {@code jdbcUrl} (e.g.
   * {@code jdbc:postgresql://127.0.0.1:5432/basalt}) as {@code user} (null: the settings file's).
   */
  public ServerConfig withIcebergCatalog(String jdbcUrl, String user) {
    return new ServerConfig(host, port, dataDirectory, slices, adminPassword, demo,
        queryMemoryMb, configFile, icebergRestPort, jdbcUrl, user, endpoint);
  }

  /** Sets TLS, whether plain HTTP is refused, and the idle-session timeout. */
  public ServerConfig withEndpoint(EndpointConfig newEndpoint) {
    return new ServerConfig(host, port, dataDirectory, slices, adminPassword, demo,
        queryMemoryMb, configFile, icebergRestPort, icebergCatalogUrl, icebergCatalogUser,
        newEndpoint);
  }

  public static ServerConfig defaults() {
    return new ServerConfig("127.0.0.1", DEFAULT_PORT, Path.of("basalt-data"),
        Runtime.getRuntime().availableProcessors(), null, false);
  }

  public ServerConfig withHost(String newHost) {
    return new ServerConfig(newHost, port, dataDirectory, slices, adminPassword, demo,
        queryMemoryMb, configFile, icebergRestPort,
        icebergCatalogUrl, icebergCatalogUser, endpoint);
  }

  public ServerConfig withPort(int newPort) {
    return new ServerConfig(host, newPort, dataDirectory, slices, adminPassword, demo,
        queryMemoryMb, configFile, icebergRestPort,
        icebergCatalogUrl, icebergCatalogUser, endpoint);
  }

  public ServerConfig withDataDirectory(Path directory) {
    return new ServerConfig(host, port, directory, slices, adminPassword, demo,
        queryMemoryMb, configFile, icebergRestPort,
        icebergCatalogUrl, icebergCatalogUser, endpoint);
  }

  public ServerConfig withSlices(int count) {
    return new ServerConfig(host, port, dataDirectory, count, adminPassword, demo,
        queryMemoryMb, configFile, icebergRestPort,
        icebergCatalogUrl, icebergCatalogUser, endpoint);
  }

  public ServerConfig withAdminPassword(String password) {
    return new ServerConfig(host, port, dataDirectory, slices, password, demo,
        queryMemoryMb, configFile, icebergRestPort,
        icebergCatalogUrl, icebergCatalogUser, endpoint);
  }

  public ServerConfig withDemo(boolean loadDemo) {
    return new ServerConfig(host, port, dataDirectory, slices, adminPassword, loadDemo,
        queryMemoryMb, configFile, icebergRestPort,
        icebergCatalogUrl, icebergCatalogUser, endpoint);
  }
}
