package io.basalt.server;

import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

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
        description = "Settings file (JSON): the object store (object_store.root, object_store.s3).")
    Path config;

    @Option(names = "--iceberg-rest-port", paramLabel = "PORT",
        description = "Serve the Iceberg catalog over the Iceberg REST protocol on this port of"
            + " 127.0.0.1 (default: not served).")
    Integer icebergRestPort;

    @Override
    public Integer call() throws Exception {
      ServerConfig serverConfig = new ServerConfig(host, port, dataDirectory, slices,
          adminPassword, demo, queryMemoryMb, config,
          icebergRestPort == null ? OptionalInt.empty() : OptionalInt.of(icebergRestPort));
      BasaltServer server = BasaltServer.start(serverConfig);
      Runtime.getRuntime().addShutdownHook(new Thread(server::close, "basalt-shutdown"));
      System.out.println("Basalt 0.1.0 is ready.");
      System.out.println("  JDBC URL:  " + server.jdbcUrl() + "   (user admin)");
      System.out.println("  Data:      " + dataDirectory.toAbsolutePath());
      System.out.println("  Shell:     ./basalt sql " + server.jdbcUrl());
      server.icebergRestUri().ifPresent(
          uri -> System.out.println("  Iceberg:   " + uri + "   (REST catalog)"));
      server.join();
      return 0;
    }
  }
}
