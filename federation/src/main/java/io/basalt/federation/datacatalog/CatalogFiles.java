package io.basalt.federation.datacatalog;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.basalt.storage.io.DurableFiles;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The catalog's files under its directory, each replaced atomically when it changes:
 *
 * <pre>
 * databases.json                       the databases
 * external_schemas.json                the external schemas
 * tables/&lt;database&gt;/&lt;table&gt;.json   one table with its versions and partitions
 * </pre>
 *
 * <p>A file name is the object's name with every character other than {@code a-z}, {@code 0-9}
 * and {@code _} written as {@code %XX} UTF-8 bytes, so any identifier makes a safe, distinct name.
 * Dropping a database rewrites {@code databases.json} first; a crash before its table directory
 * is deleted leaves a directory of no database, which {@link #load} deletes. Temporary
 * {@code *.tmp} files of an interrupted replacement are ignored.
 */
final class CatalogFiles {
  static final String DATABASES_FILE = "databases.json";
  static final String EXTERNAL_SCHEMAS_FILE = "external_schemas.json";
  static final String TABLES_DIRECTORY = "tables";
  private static final String SUFFIX = ".json";
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  /** The content of {@code databases.json}. */
  record DatabasesFile(List<CatalogDatabase> databases) {
    DatabasesFile {
      databases = List.copyOf(databases);
    }
  }

  /** The content of {@code external_schemas.json}. */
  record ExternalSchemasFile(List<ExternalSchemaDefinition> externalSchemas) {
    ExternalSchemasFile {
      externalSchemas = List.copyOf(externalSchemas);
    }
  }

  private final Path directory;
  private final Path tables;
  private final ObjectMapper mapper = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
      .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

  CatalogFiles(Path directory) {
    this.directory = directory;
    this.tables = directory.resolve(TABLES_DIRECTORY);
  }

  Path directory() {
    return directory;
  }

  /** Creates the directory if missing and reads the catalog, deleting dropped databases' tables. */
  CatalogState load() throws IOException {
    if (!Files.isDirectory(tables)) {
      Files.createDirectories(tables);
      DurableFiles.syncDirectory(directory);
    }
    List<CatalogDatabase> databases = Files.exists(directory.resolve(DATABASES_FILE))
        ? read(directory.resolve(DATABASES_FILE), DatabasesFile.class).databases()
        : List.of();
    List<ExternalSchemaDefinition> schemas = Files.exists(
        directory.resolve(EXTERNAL_SCHEMAS_FILE))
        ? read(directory.resolve(EXTERNAL_SCHEMAS_FILE), ExternalSchemasFile.class)
            .externalSchemas()
        : List.of();
    Map<String, String> databaseByDirectory = new HashMap<>();
    for (CatalogDatabase database : databases) {
      databaseByDirectory.put(fileName(database.name()), database.name());
    }
    List<TableFile> tableFiles = new ArrayList<>();
    boolean deleted = false;
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(tables)) {
      for (Path entry : entries) {
        if (!Files.isDirectory(entry)) {
          continue;
        }
        String database = databaseByDirectory.get(entry.getFileName().toString());
        if (database == null) {
          deleteTree(entry);
          deleted = true;
        } else {
          readTables(entry, database, tableFiles);
        }
      }
    }
    if (deleted) {
      DurableFiles.syncDirectory(tables);
    }
    return CatalogState.of(databases, schemas, tableFiles);
  }

  private void readTables(Path databaseDirectory, String database, List<TableFile> into)
      throws IOException {
    try (DirectoryStream<Path> files = Files.newDirectoryStream(databaseDirectory, "*" + SUFFIX)) {
      for (Path file : files) {
        TableFile table = read(file, TableFile.class);
        if (!table.table().database().equals(database)) {
          throw new IOException("table file " + file + " holds a table of database '"
              + table.table().database() + "'");
        }
        into.add(table);
      }
    }
  }

  void writeDatabases(Collection<CatalogDatabase> databases) throws IOException {
    write(directory.resolve(DATABASES_FILE), new DatabasesFile(List.copyOf(databases)));
  }

  void writeExternalSchemas(Collection<ExternalSchemaDefinition> schemas) throws IOException {
    write(directory.resolve(EXTERNAL_SCHEMAS_FILE), new ExternalSchemasFile(List.copyOf(schemas)));
  }

  void writeTable(TableFile file) throws IOException {
    Path databaseDirectory = tables.resolve(fileName(file.table().database()));
    if (!Files.isDirectory(databaseDirectory)) {
      Files.createDirectories(databaseDirectory);
      DurableFiles.syncDirectory(tables);
    }
    write(databaseDirectory.resolve(fileName(file.table().name()) + SUFFIX), file);
  }

  void deleteTable(String database, String name) throws IOException {
    Path databaseDirectory = tables.resolve(fileName(database));
    if (Files.deleteIfExists(databaseDirectory.resolve(fileName(name) + SUFFIX))) {
      DurableFiles.syncDirectory(databaseDirectory);
    }
  }

  /** Deletes the table files of a database that {@code databases.json} no longer lists. */
  void deleteDatabaseTables(String database) throws IOException {
    Path databaseDirectory = tables.resolve(fileName(database));
    if (Files.exists(databaseDirectory)) {
      deleteTree(databaseDirectory);
      DurableFiles.syncDirectory(tables);
    }
  }

  /** The file name standing for a catalog name; see the class comment. */
  static String fileName(String name) {
    StringBuilder result = new StringBuilder();
    for (byte b : name.getBytes(UTF_8)) {
      char c = (char) (b & 0xff);
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_') {
        result.append(c);
      } else {
        result.append('%').append(HEX[(b >> 4) & 0xf]).append(HEX[b & 0xf]);
      }
    }
    return result.toString();
  }

  private <T> T read(Path file, Class<T> type) throws IOException {
    return mapper.readValue(Files.readAllBytes(file), type);
  }

  private void write(Path file, Object content) throws IOException {
    DurableFiles.replaceAtomically(file, mapper.writeValueAsBytes(content));
  }

  private static void deleteTree(Path root) throws IOException {
    List<Path> paths;
    try (Stream<Path> walk = Files.walk(root)) {
      paths = walk.sorted(Comparator.reverseOrder()).toList();
    }
    for (Path path : paths) {
      Files.deleteIfExists(path);
    }
  }
}
