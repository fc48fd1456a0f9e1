package io.basalt.server.lake;

import io.basalt.server.BasaltServer;
import io.basalt.server.ServerConfig;
import io.basalt.storage.objectstore.FolderObjectStore;
import io.basalt.storage.objectstore.ObjectStore;
import io.basalt.storage.objectstore.S3ObjectStore;
import io.basalt.storage.objectstore.S3ProxyServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.function.UnaryOperator;

/**
 * A server for lake tests, over the folder-backed object store or over a real S3-compatible
 * endpoint (S3Proxy in a child JVM), with the bucket {@code lake} created, and a client of the
 * same store for writing fixture files.
 */
final class LakeServer implements AutoCloseable {
  static final String BUCKET = "lake";
  static final String PASSWORD = "pw";

  private final BasaltServer server;
  private final ObjectStore store;
  private final S3ProxyServer proxy;

  private LakeServer(BasaltServer server, ObjectStore store, S3ProxyServer proxy) {
    this.server = server;
    this.store = store;
    this.proxy = proxy;
  }

  /** A server whose s3:// URIs are folders under its data directory. */
  static LakeServer folders(Path dataDirectory) throws IOException {
    return folders(dataDirectory, UnaryOperator.identity());
  }

  /** A server whose s3:// URIs are folders under its data directory, configured further. */
  static LakeServer folders(Path dataDirectory, UnaryOperator<ServerConfig> configure)
      throws IOException {
    FolderObjectStore store = new FolderObjectStore(dataDirectory.resolve("s3"));
    store.createBucket(BUCKET);
    return new LakeServer(start(configure.apply(config(dataDirectory))), store, null);
  }

  /** A server whose s3:// URIs go to S3Proxy. */
  static LakeServer s3(Path dataDirectory) throws IOException {
    S3ProxyServer proxy = S3ProxyServer.start();
    proxy.createBucket(BUCKET);
    Path settings = dataDirectory.resolve("basalt.json");
    Files.createDirectories(dataDirectory);
    Files.writeString(settings, "{\"object_store\": {\"s3\": {\"endpoint\": \""
        + proxy.endpoint() + "\", \"region\": \"us-east-1\", \"path_style_access\": true, "
        + "\"access_key_id\": \"" + proxy.accessKey() + "\", \"secret_access_key\": \""
        + proxy.secretKey() + "\"}}}");
    BasaltServer server = start(config(dataDirectory).withConfigFile(settings));
    return new LakeServer(server, new S3ObjectStore(proxy.settings()), proxy);
  }

  static ServerConfig config(Path dataDirectory) {
    return ServerConfig.defaults().withPort(0).withDataDirectory(dataDirectory)
        .withAdminPassword(PASSWORD).withSlices(2);
  }

  private static BasaltServer start(ServerConfig config) {
    return BasaltServer.start(config, System.out);
  }

  ObjectStore store() {
    return store;
  }

  S3ProxyServer proxy() {
    return proxy;
  }

  Connection connect() throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", "admin");
    properties.setProperty("password", PASSWORD);
    return DriverManager.getConnection(server.jdbcUrl(), properties);
  }

  /** The rows of a query, each as its columns' strings joined by commas (NULL as "null"). */
  static java.util.List<String> rows(java.sql.Statement statement, String sql)
      throws SQLException {
    java.util.List<String> rows = new java.util.ArrayList<>();
    try (java.sql.ResultSet result = statement.executeQuery(sql)) {
      int width = result.getMetaData().getColumnCount();
      while (result.next()) {
        StringBuilder row = new StringBuilder();
        for (int c = 1; c <= width; c++) {
          row.append(c == 1 ? "" : ",").append(result.getString(c));
        }
        rows.add(row.toString());
      }
    }
    return rows;
  }

  @Override
  public void close() {
    server.close();
    store.close();
    if (proxy != null) {
      proxy.close();
    }
  }
}
