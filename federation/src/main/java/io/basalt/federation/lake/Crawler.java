package io.basalt.federation.lake;

import static java.util.Objects.requireNonNull;

import io.basalt.federation.datacatalog.DataCatalog;
import io.basalt.federation.lake.CrawlListing.TableFolder;
import io.basalt.storage.ColumnDefinition;
import io.basalt.storage.ColumnType;
import io.basalt.storage.StorageException;
import io.basalt.storage.TypeName;
import io.basalt.storage.objectstore.ObjectStore;
import io.basalt.storage.objectstore.ObjectUri;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * CRAWL: infers tables and partitions from the files under a prefix and registers them in a
 * Data Catalog database, as an AWS Glue crawler does (simplified).
 *
 * <p>It works in two phases. First it lists the prefix and reads a sample of each table's files
 * (see {@link CrawlListing}, {@link PartitionLayout} and {@link TableInference}), polling
 * {@code canceled} between files; any error there (a missing bucket or an empty prefix, 58P01; an
 * unreadable file, 22P04 naming it; files of one folder that do not make one table, 42804) fails
 * the crawl before the catalog is touched. Then it creates the database if it is missing and
 * creates or updates each table (see {@link CrawlCommit}); each table's change is atomic, the
 * crawl as a whole is not.
 *
 * <p>Options: {@code sample_size}, {@code table_prefix} and {@code exclude} (see
 * {@link CrawlOptions}). The result has one row per table, in name order: see
 * {@link #RESULT_COLUMNS}; action is {@code created}, {@code updated} (columns or partitions
 * added, partition key types widened or the crawler's table properties such as {@code numRows}
 * refreshed) or {@code unchanged}.
 */
public final class Crawler {
  /** The columns of CRAWL's result. */
  public static final List<ColumnDefinition> RESULT_COLUMNS = List.of(
      new ColumnDefinition("table_name", ColumnType.varchar(128), false, null),
      new ColumnDefinition("action", ColumnType.varchar(16), false, null),
      new ColumnDefinition("format", ColumnType.varchar(16), false, null),
      new ColumnDefinition("location", ColumnType.varchar(1024), false, null),
      new ColumnDefinition("columns_added", ColumnType.of(TypeName.INTEGER), false, null),
      new ColumnDefinition("partitions_added", ColumnType.of(TypeName.INTEGER), false, null));

  /** Progress reports on large prefixes: objects listed so far and tables inferred so far. */
  public interface Progress {
    Progress NONE = (files, tables) -> {};

    void update(long filesSeen, int tablesFound);
  }

  private final DataCatalog catalog;
  private final ObjectStore store;

  public Crawler(DataCatalog catalog, ObjectStore store) {
    this.catalog = requireNonNull(catalog, "catalog is null");
    this.store = requireNonNull(store, "store is null");
  }

  /** Crawls {@code location} into {@code database}; the rows match {@link #RESULT_COLUMNS}. */
  public List<Object[]> crawl(String location, String database, Map<String, String> options,
      BooleanSupplier canceled, Progress progress) {
    requireNonNull(location, "location is null");
    requireNonNull(database, "database is null");
    requireNonNull(options, "options is null");
    requireNonNull(canceled, "canceled is null");
    requireNonNull(progress, "progress is null");
    ObjectUri root = ObjectUri.parse(location).asPrefix();
    String db = database.toLowerCase(Locale.ROOT);
    CrawlOptions parsed = CrawlOptions.parse(root.toString(), options);

    CrawlListing.Listing listing = CrawlListing.list(store, root, parsed, canceled, progress);
    TableInference inference = new TableInference(store, canceled);
    Map<String, TableFolder> byName = new HashMap<>();
    List<InferredTable> tables = new ArrayList<>();
    for (TableFolder folder : listing.tables()) {
      String name = parsed.tablePrefix() + folder.name();
      TableFolder other = byName.putIfAbsent(name, folder);
      if (other != null) {
        throw new StorageException("42710", "Cannot crawl '" + root + "': folders '"
            + other.location() + "' and '" + folder.location() + "' would both be table '"
            + name + "'");
      }
      InferredTable table = inference.infer(folder, name, parsed.sampleSize());
      if (table != null) {
        tables.add(table);
      }
      progress.update(listing.objectsSeen(), tables.size());
    }
    if (tables.isEmpty()) {
      throw new StorageException("58P01", "Cannot crawl '" + root
          + "': every data file under it is empty");
    }
    checkCanceled(canceled);

    catalog.createDatabase(db, true, "Created by CRAWL of '" + root + "'", root.toString());
    CrawlCommit commit = new CrawlCommit(catalog);
    List<Object[]> rows = new ArrayList<>();
    for (InferredTable table : tables) {
      rows.add(commit.apply(db, table, root.toString()));
    }
    return rows;
  }

  /** Fails with 57014 once the statement is canceled. */
  static void checkCanceled(BooleanSupplier canceled) {
    if (canceled.getAsBoolean()) {
      throw new StorageException("57014", "Query was canceled");
    }
  }
}
