package io.basalt.server;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.basalt.ingest.CopyCommand;
import io.basalt.ingest.CopyProgressListener;
import io.basalt.ingest.IngestService;
import io.basalt.ingest.LoadErrors;
import io.basalt.ingest.LoadTarget;
import io.basalt.planner.BasaltPlanner;
import io.basalt.planner.rel.vector.EngineSettings;
import io.basalt.federation.FederatedCatalogs;
import io.basalt.federation.iceberg.IcebergCatalogStore;
import io.basalt.federation.iceberg.ObjectStoreFileIO;
import io.basalt.planner.CopyRunner;
import io.basalt.server.avatica.BasaltHandler;
import io.basalt.server.avatica.BasaltMeta;
import io.basalt.server.bootstrap.DemoData;
import io.basalt.server.iceberg.IcebergRestServer;
import io.basalt.server.session.IdleSessions;
import io.basalt.server.session.LoginThrottle;
import io.basalt.server.session.Users;
import io.basalt.server.tls.TlsConnectors;
import io.basalt.storage.StorageConfig;
import io.basalt.storage.StorageEngine;
import io.basalt.storage.objectstore.ObjectStore;
import io.basalt.storage.objectstore.ObjectStoreConfig;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TimeZone;
import org.apache.calcite.avatica.server.HttpServer;
import org.apache.calcite.avatica.server.ServerCustomizer;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A running Basalt server: the composition root that owns the store, planner and wire protocol. */
public final class BasaltServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(BasaltServer.class);
  private final ServerConfig config;
  private final StorageEngine storage;
  private final FederatedCatalogs external;
  private final HttpServer http;
  private final BasaltHandler handler;
  private final BasaltMeta meta;
  /** Null unless the configuration names a port for it. */
  private final IcebergRestServer icebergRest;

  private BasaltServer(ServerConfig config, StorageEngine storage, FederatedCatalogs external,
      HttpServer http, BasaltHandler handler, BasaltMeta meta, IcebergRestServer icebergRest) {
    this.config = config;
    this.storage = storage;
    this.external = external;
    this.http = http;
    this.handler = handler;
    this.meta = meta;
    this.icebergRest = icebergRest;
  }

  /** Starts a server and returns once it accepts connections. */
  public static BasaltServer start(ServerConfig config) {
    return start(config, System.out);
  }

  /** Starts a server, printing progress (demo load) to {@code out}. */
  public static BasaltServer start(ServerConfig config, PrintStream out) {
    return start(config, out, LoginThrottle.Sleeper.REAL);
  }

  /** As {@link #start(ServerConfig, PrintStream)}, with the login throttle's delays given. */
  static BasaltServer start(ServerConfig config, PrintStream out,
      LoginThrottle.Sleeper loginDelays) {
    requireNonNull(config, "config is null");
    // Calcite converts between its internal dates and java.sql types in the JVM's default zone;
    // a Redshift cluster runs in UTC, so the whole server process does too.
    TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
    Path directory = config.dataDirectory().toAbsolutePath();
    StorageEngine storage = null;
    FederatedCatalogs external = null;
    IcebergRestServer icebergRest = null;
    EndpointConfig endpoint = config.endpoint();
    // A bad key stops the start before anything is opened.
    Optional<TlsConnectors> tls = endpoint.tls().map(
TlsConnectors::load);
    try {
      storage = StorageEngine.open(directory.resolve("warehouse"),
          StorageConfig.defaults().withSlices(config.slices()));
      storage.createSchema(LoadErrors.SCHEMA, true);
      storage.createTable(LoadErrors.TABLE_DEFINITION, true);
      JsonNode settings = Settings.read(config.configFile());
      ObjectStoreConfig objectStoreConfig = ObjectStoreConfig.load(settings, System.getenv(),
          directory);
      ObjectStore objects = objectStoreConfig.open();
      IcebergCatalogStore icebergStore = icebergCatalogStore(config, settings,
          directory.resolve("catalog"));
      external = FederatedCatalogs.open(directory.resolve("catalog"), objects, icebergStore);
      LOG.info("Iceberg catalog in {}", icebergStore.description());
      IngestService ingest = new IngestService(storage, objects, config.slices());
      CopyRunner copy = (request, target, queryId, canceled) -> ingest.copy(
          new CopyCommand(request.schema(), request.table(), request.columns(), request.source(),
              request.options()), new LoadTarget(target.table(), target::newWriter), queryId,
          canceled, CopyProgressListener.NONE).rowsLoaded();
      long queryMemory = config.queryMemoryMb() > 0 ? config.queryMemoryMb() << 20
          : EngineSettings.defaultQueryMemoryLimit();
      BasaltPlanner planner = new BasaltPlanner(storage, copy, config.slices(), queryMemory,
          external);
      planner.warmUp();
      String password = config.adminPassword() != null ? config.adminPassword()
          : System.getenv("BASALT_ADMIN_PASSWORD");
      Users users = Users.open(directory, password);
      BasaltMeta meta = new BasaltMeta(planner, users, new LoginThrottle(loginDelays),
          new IdleSessions(endpoint.idleSessionTimeout(), System::nanoTime));
      if (config.demo()) {
        DemoData.loadIfMissing(planner, directory, out);
      }
      ServerCustomizer<Server> bindHost = server -> {
        for (Connector connector : server.getConnectors()) {
          if (connector instanceof ServerConnector serverConnector) {
            serverConnector.setHost(config.host());
          }
        }
      };
      if (config.icebergRestPort().isPresent()) {
        icebergRest = IcebergRestServer.start(external.icebergCatalog(),
            config.icebergRestPort().getAsInt(),
            ObjectStoreFileIO.clientProperties(objectStoreConfig));
      }
      BasaltHandler handler = new BasaltHandler(meta, endpoint.idleSessionTimeout(),
          endpoint.requireTls());
      List<ServerCustomizer<Server>> customizers = new ArrayList<>(List.of(bindHost));
      tls.ifPresent(customizers::add);
      HttpServer http = new HttpServer.Builder<Server>()
          .withHandler(handler)
          .withPort(config.port())
          .withServerCustomizers(customizers, Server.class)
          .build();
      http.start();
      LOG.info("Basalt listening on {}:{} ({}) with data in {}", config.host(), http.getPort(),
          tls.isEmpty() ? "plain HTTP" : endpoint.requireTls() ? "TLS required"
              : "TLS and plain HTTP", directory);
      return new BasaltServer(config, storage, external, http, handler, meta, icebergRest);
    } catch (RuntimeException | java.sql.SQLException e) {
      if (icebergRest != null) {
        icebergRest.close();
      }
      if (external != null) {
        external.close();
      }
      if (storage != null) {
        storage.close();
      }
      throw e instanceof RuntimeException runtime ? runtime
          : new IllegalStateException("Cannot start Basalt: " + e.getMessage(), e);
    }
  }

  public int port() {
    return http.getPort();
  }

  /** The JDBC URL clients use: with {@code ?ssl=true} when TLS is on. */
  public String jdbcUrl() {
    return "jdbc:basalt://" + config.host() + ":" + port() + "/dev"
        + (config.endpoint().tls().isPresent() ? "?ssl=true" : "");
  }

  /** The JDBC URL without TLS, when the server accepts plain connections; for tests. */
  String plainJdbcUrl() {
    return "jdbc:basalt://" + config.host() + ":" + port() + "/dev";
  }

  /** The Iceberg REST catalog's URI ({@code http://127.0.0.1:PORT}), when it is served. */
  public Optional<String> icebergRestUri() {
    return Optional.ofNullable(icebergRest).map(IcebergRestServer::uri);
  }

  /** Blocks until the server stops. */
  public void join() throws InterruptedException {
    http.join();
  }

  /** Statements executing right now (for tests and monitoring). */
  int runningStatements() {
    return meta.runningStatements();
  }

  @Override
  public void close() {
    if (icebergRest != null) {
      icebergRest.close();
    }
    http.stop();
    handler.close();
    external.close();
    storage.close();
  }

  /** The settings file's iceberg_catalog section, with the command line's URL and user on top. */
  private static IcebergCatalogStore icebergCatalogStore(ServerConfig config, JsonNode settings,
      Path catalogDirectory) {
    IcebergCatalogStore store = IcebergCatalogStore.load(settings, System.getenv(),
        catalogDirectory);
    if (config.icebergCatalogUrl() != null) {
      store = store.withUrl(config.icebergCatalogUrl());
    }
    if (config.icebergCatalogUser() != null) {
      store = store.withUser(config.icebergCatalogUser());
    }
    return store;
  }

}
