package io.basalt.server;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/**
 * How a Basalt server runs: the address it binds (127.0.0.1 unless told otherwise), its port
 * (0 picks a free one), the data directory, the slice count, the admin password (null: taken from
 * BASALT_ADMIN_PASSWORD, else empty) and whether to load the TPC-H demo data on first start.
 */
public record ServerConfig(
    String host, int port, Path dataDirectory, int slices, String adminPassword, boolean demo) {
  public static final int DEFAULT_PORT = 5439;

  public ServerConfig {
    requireNonNull(host, "host is null");
    requireNonNull(dataDirectory, "dataDirectory is null");
    if (slices < 1) {
      throw new IllegalArgumentException("slices must be at least 1");
    }
  }

  public static ServerConfig defaults() {
    return new ServerConfig("127.0.0.1", DEFAULT_PORT, Path.of("basalt-data"),
        Runtime.getRuntime().availableProcessors(), null, false);
  }

  public ServerConfig withHost(String newHost) {
    return new ServerConfig(newHost, port, dataDirectory, slices, adminPassword, demo);
  }

  public ServerConfig withPort(int newPort) {
    return new ServerConfig(host, newPort, dataDirectory, slices, adminPassword, demo);
  }

  public ServerConfig withDataDirectory(Path directory) {
    return new ServerConfig(host, port, directory, slices, adminPassword, demo);
  }

  public ServerConfig withSlices(int count) {
    return new ServerConfig(host, port, dataDirectory, count, adminPassword, demo);
  }

  public ServerConfig withAdminPassword(String password) {
    return new ServerConfig(host, port, dataDirectory, slices, password, demo);
  }

  public ServerConfig withDemo(boolean loadDemo) {
    return new ServerConfig(host, port, dataDirectory, slices, adminPassword, loadDemo);
  }
}
