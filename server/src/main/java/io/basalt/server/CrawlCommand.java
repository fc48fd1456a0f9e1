package io.basalt.server;

import io.basalt.federation.datacatalog.DataCatalog;
import io.basalt.federation.lake.Crawler;
import io.basalt.storage.ColumnDefinition;
import io.basalt.storage.StorageException;
import io.basalt.storage.TypeName;
import io.basalt.storage.objectstore.ObjectStore;
import io.basalt.storage.objectstore.ObjectStoreConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code basalt crawl s3://bucket/prefix/ --database db}: runs CRAWL without a server, on the
 * Data Catalog under {@code <data-dir>/catalog} and the object store that {@code --config}
 * configures, printing progress on stderr and the result table on stdout.
 *
 * <p>A running server keeps the catalog in memory and would neither see nor keep what this
 * command writes, so the command takes the data directory's lock for as long as it runs and
 * refuses to start while a server holds it (run CRAWL through the server instead).
 */
@Command(name = "crawl", mixinStandardHelpOptions = true,
    description = {"Infer tables and partitions from the files under a prefix and register them"
        + " in a Data Catalog database, as CRAWL does, without a running server.",
        "Refuses a data directory that a running server uses; then run CRAWL through it:",
        "  ./basalt sql -e \"CRAWL 's3://...' INTO DATABASE db\""})
final class CrawlCommand implements Callable<Integer> {
  /** The storage engine's lock file under {@code <data-dir>/warehouse}, which a server holds. */
  static final String LOCK_FILE = "basalt.lock";

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "LOCATION",
      description = "The prefix to crawl: s3://bucket/prefix/ or file:///path/.")
  String location;

  @Option(names = "--database", required = true,
      description = "The Data Catalog database to create or update.")
  String database;

  @Option(names = "--data-dir", description = "Data directory (default: ${DEFAULT-VALUE}).")
  Path dataDirectory = Path.of("basalt-data");

  @Option(names = "--config",
      description = "Settings file (JSON): the object store (object_store.root, object_store.s3).")
  Path config;

  @Option(names = "--with", paramLabel = "KEY=VALUE",
      description = "A CRAWL option: sample_size=N, table_prefix=P, exclude=GLOB[,GLOB...].")
  Map<String, String> options = new LinkedHashMap<>();

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Path directory = dataDirectory.toAbsolutePath().normalize();
    try (FileChannel lock = lock(directory);
        ObjectStore store = ObjectStoreConfig.load(Settings.read(config), System.getenv(),
            directory).open()) {
      DataCatalog catalog = DataCatalog.open(directory.resolve("catalog"));
      long started = System.nanoTime();
      List<Object[]> rows = new Crawler(catalog, store).crawl(location, database, options,
          () -> false, (files, tables) -> {
            err.printf("Scanned %d files, found %d tables%n", files, tables);
            err.flush();
          });
      print(out, Crawler.RESULT_COLUMNS, rows);
      err.printf("Crawled %s into database '%s' in %.1f s%n", location, database,
          (System.nanoTime() - started) / 1e9);
      return 0;
    } catch (StorageException e) {
      err.println("basalt crawl: " + e.getMessage() + " (SQLSTATE " + e.sqlState() + ")");
      return 1;
    } catch (IOException | IllegalArgumentException e) {
      err.println("basalt crawl: " + e.getMessage());
      return 1;
    } finally {
      out.flush();
      err.flush();
    }
  }

  /** Takes the data directory's lock (released when the channel closes); 55006 when held. */
  private static FileChannel lock(Path directory) throws IOException {
    Path warehouse = Files.createDirectories(directory.resolve("warehouse"));
    FileChannel channel = FileChannel.open(warehouse.resolve(LOCK_FILE),
        StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    }
    if (lock == null) {
      channel.close();
      throw new StorageException("55006", "Cannot crawl: data directory '" + directory
          + "' is in use by a running server; run CRAWL through it instead (./basalt sql -e"
          + " \"CRAWL '...' INTO DATABASE ...\")");
    }
    return channel;
  }

  /** The rows as a psql-style table: a header, a rule, numbers right-aligned, a row count. */
  static void print(PrintWriter out, List<ColumnDefinition> columns, List<Object[]> rows) {
    int[] widths = new int[columns.size()];
    List<String[]> texts = new ArrayList<>();
    for (int c = 0; c < columns.size(); c++) {
      widths[c] = columns.get(c).name().length();
    }
    for (Object[] row : rows) {
      String[] text = new String[row.length];
      for (int c = 0; c < row.length; c++) {
        text[c] = row[c] == null ? "" : row[c].toString();
        widths[c] = Math.max(widths[c], text[c].length());
      }
      texts.add(text);
    }
    StringBuilder header = new StringBuilder();
    StringBuilder rule = new StringBuilder();
    for (int c = 0; c < columns.size(); c++) {
      header.append(c == 0 ? " " : " | ").append(pad(columns.get(c).name(), widths[c], false));
      rule.append(c == 0 ? "" : "+").append("-".repeat(widths[c] + 2));
    }
    out.println(header.toString().stripTrailing());
    out.println(rule);
    for (String[] text : texts) {
      StringBuilder line = new StringBuilder();
      for (int c = 0; c < text.length; c++) {
        boolean number = columns.get(c).type().name() == TypeName.INTEGER;
        line.append(c == 0 ? " " : " | ").append(pad(text[c], widths[c], number));
      }
      out.println(line.toString().stripTrailing());
    }
    out.println("(" + rows.size() + (rows.size() == 1 ? " row)" : " rows)"));
  }

  private static String pad(String text, int width, boolean right) {
    String padding = " ".repeat(width - text.length());
    return right ? padding + text : text + padding;
  }
}
