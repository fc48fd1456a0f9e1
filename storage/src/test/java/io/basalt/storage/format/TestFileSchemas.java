package io.basalt.storage.format;

import static io.basalt.storage.format.FormatFixtures.column;
import static io.basalt.storage.format.FormatFixtures.put;
import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.storage.ColumnDefinition;
import io.basalt.storage.ColumnType;
import io.basalt.storage.TypeName;
import io.basalt.storage.format.FormatOptions.Compression;
import io.basalt.storage.objectstore.FolderObjectStore;
import io.basalt.storage.objectstore.ObjectInfo;
import io.basalt.storage.objectstore.ObjectUri;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestFileSchemas {
  private static final ColumnType TEXT = ColumnType.varchar(65535);

  @TempDir
  Path directory;
  private FolderObjectStore store;

  @BeforeEach
  void open() {
    store = FormatFixtures.store(directory);
  }

  private FormatOptions detect(ObjectInfo file) {
    return FileFormats.detect(file, store.read(file.uri(), 0, FileFormats.SAMPLE_BYTES));
  }

  @Test
  void parquetColumnsComeFromTheFooter() {
    List<ColumnDefinition> written = List.of(
        column("id", ColumnType.of(TypeName.BIGINT)),
        column("n", ColumnType.of(TypeName.INTEGER)),
        column("s", ColumnType.of(TypeName.SMALLINT)),
        column("price", ColumnType.decimal(12, 2)),
        column("wide", ColumnType.decimal(38, 10)),
        column("r", ColumnType.of(TypeName.REAL)),
        column("d", ColumnType.of(TypeName.DOUBLE)),
        column("ok", ColumnType.of(TypeName.BOOLEAN)),
        column("Name", ColumnType.varchar(10)),
        column("day", ColumnType.of(TypeName.DATE)),
        column("at", ColumnType.of(TypeName.TIMESTAMP)),
        column("at_tz", ColumnType.of(TypeName.TIMESTAMPTZ)));
    ObjectUri uri = ObjectUri.parse("s3://b/p/data");
    try (ParquetFileWriter writer = ParquetFileWriter.create(store, uri, written,
        ParquetWriteOptions.defaults())) {
      writer.write(new Object[written.size()]);
    }
    ObjectInfo file = FormatFixtures.info(store, uri);
    FormatOptions options = detect(file);
    assertThat(options.format()).isEqualTo(FileFormat.PARQUET);
    List<ColumnDefinition> inferred = FileSchemas.infer(store, file, options);
    assertThat(FileSchemas.inspect(store, file, options).rowCount()).hasValue(1);
    assertThat(inferred).hasSize(written.size());
    for (int i = 0; i < written.size(); i++) {
      ColumnType expected = i == 8 ? TEXT : written.get(i).type();
      assertThat(inferred.get(i)).isEqualTo(column(written.get(i).name(), expected));
    }
    ParquetFooters footers = new ParquetFooters();
    assertThat(FileSchemas.parquetFieldNames(store, file, footers))
        .containsExactly("id", "n", "s", "price", "wide", "r", "d", "ok", "Name", "day", "at",
            "at_tz");
    assertThat(footers.size()).isOne();
  }

  @Test
  void csvWithADetectedHeader() throws IOException {
    String csv = "Order Id,name,price,day,at,ok,at_tz,score\n"
        + "1,a,1.50,2024-01-01,2024-01-01 10:00:00,true,2024-01-01 10:00:00+02,1\n"
        + "2,\"b, c\",-12.125,2024-01-02,2024-01-02,f,2024-01-01T10:00:00Z,2.5e3\n"
        + "3,,,,,,,\n";
    ByteArrayOutputStream gzip = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gzip)) {
      out.write(csv.getBytes(StandardCharsets.UTF_8));
    }
    ObjectInfo file = put(store, "s3://b/c/export", gzip.toByteArray());
    FormatOptions options = detect(file);
    assertThat(options).isEqualTo(FormatOptions.csv().withSkipHeaderLines(1)
        .withCompression(Compression.GZIP));
    assertThat(FileSchemas.infer(store, file, options)).containsExactly(
        column("order_id", ColumnType.of(TypeName.BIGINT)),
        column("name", TEXT),
        column("price", ColumnType.decimal(18, 3)),
        column("day", ColumnType.of(TypeName.DATE)),
        column("at", ColumnType.of(TypeName.TIMESTAMP)),
        column("ok", ColumnType.of(TypeName.BOOLEAN)),
        column("at_tz", ColumnType.of(TypeName.TIMESTAMPTZ)),
        column("score", ColumnType.of(TypeName.DOUBLE)));
    assertThat(FormatFixtures.readAll(store, file, FileSchemas.infer(store, file, options),
        options)).hasSize(3);
  }

  @Test
  void textWithoutAHeaderGetsNumberedColumns() {
    ObjectInfo pipes = put(store, "s3://b/c/p.txt", "1|x|2.5|\n2|y|3|\n3|\"z|w\"|4|extra\n");
    FormatOptions options = detect(pipes);
    assertThat(options).isEqualTo(FormatOptions.csv().withDelimiter('|')
        .withCompression(Compression.NONE));
    assertThat(FileSchemas.infer(store, pipes, options)).containsExactly(
        column("col0", ColumnType.of(TypeName.BIGINT)), column("col1", TEXT),
        column("col2", ColumnType.decimal(18, 1)), column("col3", TEXT));
    ObjectInfo tabs = put(store, "s3://b/c/t.tsv", "a\tb\nc\td\n");
    assertThat(detect(tabs).delimiter()).isEqualTo('\t');
    assertThat(detect(tabs).skipHeaderLines()).isZero();
    ObjectInfo hive = put(store, "s3://b/c/000000_0", "1\u0001a\u0001\\N\n2\u0001b\u00013\n");
    assertThat(detect(hive)).isEqualTo(FormatOptions.text().withCompression(Compression.NONE));
    assertThat(FileSchemas.infer(store, hive, detect(hive))).containsExactly(
        column("col0", ColumnType.of(TypeName.BIGINT)), column("col1", TEXT),
        column("col2", ColumnType.of(TypeName.BIGINT)));
  }

  @Test
  void jsonColumnsComeFromKeysAndValues() {
    ObjectInfo file = put(store, "s3://b/j/events.data",
        "{\"id\": 1, \"Name\": \"a\", \"score\": 1, \"day\": \"2024-01-01\", \"tags\": [1],"
            + " \"ok\": true}\n"
            + "{\"ID\": 2, \"name\": null, \"score\": 2.5, \"day\": \"2024-01-02\","
            + " \"extra\": \"x\", \"ok\": false, \"code\": \"007\"}\n");
    FormatOptions options = detect(file);
    assertThat(options.format()).isEqualTo(FileFormat.JSON);
    assertThat(FileSchemas.infer(store, file, options)).containsExactly(
        column("id", ColumnType.of(TypeName.BIGINT)),
        column("Name", TEXT),
        column("score", ColumnType.of(TypeName.DOUBLE)),
        column("day", ColumnType.of(TypeName.DATE)),
        column("ok", ColumnType.of(TypeName.BOOLEAN)),
        column("extra", TEXT),
        column("code", TEXT));
  }
}
