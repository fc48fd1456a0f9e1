package io.basalt.federation.lake;

import io.basalt.federation.datacatalog.DataCatalog;
import io.basalt.storage.ColumnDefinition;
import io.basalt.storage.ColumnType;
import io.basalt.storage.StorageException;
import io.basalt.storage.TypeName;
import io.basalt.storage.objectstore.ObjectStore;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** CRAWL (being written). */
final class Crawler {
  /** The columns of CRAWL's result. */
  static final List<ColumnDefinition> RESULT_COLUMNS = List.of(
      new ColumnDefinition("table_name", ColumnType.varchar(128), false, null),
      new ColumnDefinition("action", ColumnType.varchar(16), false, null),
      new ColumnDefinition("columns_added", ColumnType.of(TypeName.INTEGER), false, null),
      new ColumnDefinition("partitions_added", ColumnType.of(TypeName.INTEGER), false, null));

  /** Progress reports on large prefixes. */
  interface Progress {
    Progress NONE = (files, tables) -> {};

    void update(long filesSeen, int tablesFound);
  }

  Crawler(DataCatalog catalog, ObjectStore store) {}

  List<Object[]> crawl(String location, String database, Map<String, String> options,
      BooleanSupplier canceled, Progress progress) {
    throw new StorageException("0A000", "Cannot CRAWL: not supported yet");
  }
}
