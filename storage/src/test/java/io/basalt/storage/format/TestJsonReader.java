package io.basalt.storage.format;

import static io.basalt.storage.format.FormatFixtures.column;
import static io.basalt.storage.format.FormatFixtures.put;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.storage.ColumnDefinition;
import io.basalt.storage.ColumnType;
import io.basalt.storage.StorageException;
import io.basalt.storage.TypeName;
import io.basalt.storage.objectstore.FolderObjectStore;
import io.basalt.storage.objectstore.ObjectInfo;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestJsonReader {
  private static final List<ColumnDefinition> TABLE = List.of(
      column("id", ColumnType.of(TypeName.BIGINT)),
      column("Name", ColumnType.varchar(20)),
      column("price", ColumnType.decimal(8, 2)),
      column("day", ColumnType.of(TypeName.DATE)),
      column("ok", ColumnType.of(TypeName.BOOLEAN)),
      column("ratio", ColumnType.of(TypeName.REAL)));

  @TempDir
  Path directory;
  private FolderObjectStore store;

  @BeforeEach
  void open() {
    store = FormatFixtures.store(directory);
  }

  private List<List<Object>> read(ObjectInfo file) {
    return FormatFixtures.readAll(store, file, TABLE, FormatOptions.json());
  }

  @Test
  void readsObjectsMatchingKeysIgnoringCase() {
    ObjectInfo file = put(store, "s3://b/j/f.json",
        "{\"ID\": 1, \"name\": \"a\", \"price\": 1.005, \"day\": \"2024-01-02\", \"ok\": true,"
            + " \"ratio\": 0.5, \"extra\": {\"nested\": [1, 2]}}\n"
            + "{\"id\": \"2\", \"name\": 42, \"price\": \"3\", \"ok\": \"f\", \"ratio\": null}\n"
            + "\n{\"id\": 3, \"id\": 4}\n"
            + "{}\n");
    assertThat(read(file)).containsExactly(
        Arrays.asList(1L, "a", new BigDecimal("1.01"), 19724, true, 0.5f),
        Arrays.asList(2L, "42", new BigDecimal("3.00"), null, false, null),
        Arrays.asList(3L, null, null, null, null, null),
        Arrays.asList(null, null, null, null, null, null));
  }

  @Test
  void aValueOfTheWrongTypeIsAnErrorNamingTheLine() {
    ObjectInfo file = put(store, "s3://b/j/bad.json", "{\"id\": 1}\n{\"id\": 2}\n"
        + "{\"id\": \"abc\"}\n");
    assertThatThrownBy(() -> read(file))
        .isInstanceOfSatisfying(StorageException.class,
            e -> assertThat(e.sqlState()).isEqualTo("22P04"))
        .hasMessage("Cannot read 's3://b/j/bad.json' line 3: invalid BIGINT 'abc' in column"
            + " 'id'");
    ObjectInfo nested = put(store, "s3://b/j/nested.json", "{\"id\": 1}\n{\"name\": [1]}\n");
    assertThatThrownBy(() -> read(nested))
        .hasMessage("Cannot read 's3://b/j/nested.json' line 2: invalid VARCHAR(20) a JSON array"
            + " in column 'Name'");
    ObjectInfo fraction = put(store, "s3://b/j/fraction.json", "{\"id\": 1.5}\n");
    assertThatThrownBy(() -> read(fraction))
        .hasMessage("Cannot read 's3://b/j/fraction.json' line 1: invalid BIGINT 1.5 in column"
            + " 'id'");
  }

  @Test
  void malformedJsonIsAnErrorNamingTheLine() {
    ObjectInfo file = put(store, "s3://b/j/broken.json", "{\"id\": 1}\n{\"id\": 2,,}\n");
    assertThatThrownBy(() -> read(file))
        .isInstanceOfSatisfying(StorageException.class,
            e -> assertThat(e.sqlState()).isEqualTo("22P04"))
        .hasMessageStartingWith("Cannot read 's3://b/j/broken.json' line 2: malformed JSON (");
    ObjectInfo array = put(store, "s3://b/j/array.json", "[{\"id\": 1}]\n");
    assertThatThrownBy(() -> read(array))
        .hasMessage("Cannot read 's3://b/j/array.json' line 1: expected a JSON object but found"
            + " a JSON array");
  }
}
