package io.basalt.server;

import io.basalt.storage.StorageException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The {@code basalt} command line: {@code basalt server [options]}, and
 * {@code basalt crawl LOCATION --database db [options]} (see {@link CrawlCommand}).
 */
@Command(name = "basalt", mixinStandardHelpOptions = true, version = "Basalt 0.1.0",
    subcommands = {Main.ServerCommand.class, CrawlCommand.class},
    description = "A SQL data warehouse that speaks Redshift's dialect.")
public final class Main implements Callable<Integer> {
  public static void main(String[] args) {
    System.exit(new CommandLine(new Main()).execute(args));
  }

  @Override
  public Integer call() {
    new CommandLine(this).usage(System.out);
    return 2;
  }

  /** {@code basalt server}: runs the server in the foreground. */
  @Command(name = "server", mixinStandardHelpOptions = true,
      description = "Run the Basalt server in the foreground.")
  static final class ServerCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--host", description = "Address to bind (default: ${DEFAULT-VALUE}).")
    String host = "127.0.0.1";

    @Option(names = "--port", description = "Port (default: ${DEFAULT-VALUE}).")
    int port = ServerConfig.DEFAULT_PORT;

    @Option(names = "--data-dir", description = "Data directory (default: ${DEFAULT-VALUE}).")
    Path dataDirectory = Path.of("basalt-data");

    @Option(names = "--slices", description = "Slices (default: one per core).")
    int slices = Runtime.getRuntime().availableProcessors();

    @Option(names = "--query-memory-mb",
        description = "Memory one query may hold in hash tables and sorts (default: half the heap).")
    long queryMemoryMb;

    @Option(names = "--admin-password",
        description = "Password of the superuser admin (default: $BASALT_ADMIN_PASSWORD).")
    String adminPassword;

    @Option(names = "--demo", description = "Load TPC-H SF 0.01 into schema tpch on first start.")
    boolean demo;

    @Option(names = "--config",
        description = "Settings file (JSON): the object store (object_store.root, object_store.s3)"
            + " and the Iceberg catalog's database (iceberg_catalog).")
    Path config;

    @Option(names = "--iceberg-rest-port", paramLabel = "PORT",
        description = "Serve the Iceberg catalog over the Iceberg REST protocol on this port of"
            + " 127.0.0.1 (default: not served).")
    Integer icebergRestPort;

    @Option(names = "--iceberg-catalog-url", paramLabel = "JDBC_URL",
        description = "Keep the Iceberg catalog in this PostgreSQL database, e.g."
            + " jdbc:postgresql://127.0.0.1:5432/basalt (default: SQLite in"
            + " <data-dir>/catalog/iceberg.db); the password comes from"
            + " $BASALT_ICEBERG_CATALOG_PASSWORD or iceberg_catalog.password_file.")
    String icebergCatalogUrl;

    @Option(names = "--iceberg-catalog-user", paramLabel = "USER",
        description = "The user Basalt logs into the Iceberg catalog's database as.")
    String icebergCatalogUser;

    @Option(names = "--tls-keystore", paramLabel = "FILE",
        description = "Serve JDBC over TLS with the key in this PKCS12 or JKS keystore; its"
            + " password comes from --tls-keystore-password-file or"
            + " $BASALT_TLS_KEYSTORE_PASSWORD.")
    Path tlsKeystore;

    @Option(names = "--tls-keystore-password-file", paramLabel = "FILE",
        description = "File whose first line is the keystore's password.")
    Path tlsKeystorePasswordFile;

    @Option(names = "--tls-cert", paramLabel = "PEM",
        description = "Serve JDBC over TLS with this PEM certificate chain (with --tls-key).")
    Path tlsCertificate;

    @Option(names = "--tls-key", paramLabel = "PEM",
        description = "The PEM (PKCS#8, unencrypted) private key of --tls-cert.")
    Path tlsKey;

    @Option(names = "--require-tls",
        description = "Refuse plain HTTP connections (default: with TLS on, both are accepted).")
    boolean requireTls;

    @Option(names = "--idle-session-timeout", paramLabel = "SECONDS",
        description = "Close sessions idle this long; 0 never closes them (default: 3600).")
    long idleSessionTimeoutSeconds = EndpointConfig.DEFAULT_IDLE_SESSION_TIMEOUT.toSeconds();

    @Override
    public Integer call() throws Exception {
      BasaltServer server;
      try {
        ServerConfig serverConfig = new ServerConfig(host, port, dataDirectory, slices,
            adminPassword, demo, queryMemoryMb, config,
            icebergRestPort == null ? OptionalInt.empty() : OptionalInt.of(icebergRestPort),
            icebergCatalogUrl, icebergCatalogUser, endpoint());
        server = BasaltServer.start(serverConfig);
      } catch (StorageException e) {
        // A configuration the server cannot start with (an unreachable Iceberg catalog
        // database, a malformed settings file): one line, not a stack trace.
        return fail(e.getMessage() + " (SQLSTATE " + e.sqlState() + ")");
      } catch (IllegalArgumentException e) {
        // Bad options or TLS files (the message names the file and the reason).
        return fail(e.getMessage());
      }
      Runtime.getRuntime().addShutdownHook(new Thread(server::close, "basalt-shutdown"));
      System.out.println("Basalt 0.1.0 is ready.");
      System.out.println("  JDBC URL:  " + server.jdbcUrl() + "   (user admin)");
      if (tlsKeystore != null || tlsCertificate != null) {
        System.out.println("  TLS:       " + (requireTls ? "required (plain HTTP is refused)"
            : "on (plain HTTP is also accepted; --require-tls refuses it)"));
      }
      System.out.println("  Data:      " + dataDirectory.toAbsolutePath());
      System.out.println("  Shell:     ./basalt sql " + server.jdbcUrl());
      server.icebergRestUri().ifPresent(
          uri -> System.out.println("  Iceberg:   " + uri + "   (REST catalog)"));
      server.join();
      return 0;
    }

    private int fail(String message) {
      PrintWriter err = spec.commandLine().getErr();
      err.println("basalt server: " + message);
      err.flush();
      return 1;
    }

    private EndpointConfig endpoint() throws IOException {
      if (idleSessionTimeoutSeconds < 0) {
        throw new IllegalArgumentException("Cannot start: --idle-session-timeout must not be"
            + " negative");
      }
      if ((tlsCertificate == null) != (tlsKey == null)) {
        throw new IllegalArgumentException("Cannot start TLS: --tls-cert and --tls-key go"
            + " together");
      }
      TlsConfig tls = null;
      if (tlsKeystore != null && tlsCertificate != null) {
        throw new IllegalArgumentException("Cannot start TLS: give --tls-keystore or"
            + " --tls-cert and --tls-key, not both");
      } else if (tlsKeystore != null) {
        tls = TlsConfig.keystore(tlsKeystore, keystorePassword());
      } else if (tlsCertificate != null) {
        tls = TlsConfig.pem(tlsCertificate, tlsKey);
      }
      return new EndpointConfig(Optional.ofNullable(tls), requireTls,
          Duration.ofSeconds(idleSessionTimeoutSeconds));
    }

    /** The password file's first line, else $BASALT_TLS_KEYSTORE_PASSWORD, else empty. */
    private String keystorePassword() throws IOException {
      if (tlsKeystorePasswordFile != null) {
        try {
          List<String> lines = Files.readAllLines(tlsKeystorePasswordFile);
          return lines.isEmpty() ? "" : lines.get(0);
        } catch (IOException e) {
          throw new IllegalArgumentException("Cannot start TLS: cannot read the password file '"
              + tlsKeystorePasswordFile + "': " + e.getMessage(), e);
        }
      }
      String fromEnvironment = System.getenv("BASALT_TLS_KEYSTORE_PASSWORD");
      return fromEnvironment == null ? "" : fromEnvironment;
    }
  }
}
