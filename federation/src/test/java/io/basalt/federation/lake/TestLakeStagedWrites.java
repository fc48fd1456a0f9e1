package io.basalt.federation.lake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.federation.lake.PartitionedFileSink.Columns;
import io.basalt.federation.lake.PartitionedFileSink.Layout;
import io.basalt.federation.lake.PartitionedFileSink.WrittenFile;
import io.basalt.planner.catalog.StatementEnvironment.PlannedQuery;
import io.basalt.storage.ColumnDefinition;
import io.basalt.storage.ColumnType;
import io.basalt.storage.StorageException;
import io.basalt.storage.TypeName;
import io.basalt.storage.format.FileFormat;
import io.basalt.storage.format.FormatOptions;
import io.basalt.storage.format.ParquetWriteOptions;
import io.basalt.storage.objectstore.FolderObjectStore;
import io.basalt.storage.objectstore.ObjectInfo;
import io.basalt.storage.objectstore.ObjectListing;
import io.basalt.storage.objectstore.ObjectStore;
import io.basalt.storage.objectstore.ObjectUri;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Failure injection for the lake's writes: the staged store publishes all outputs or none, and
 * the parallel writer turns a failure in any thread (query, writer, cancel) into one exception
 * with nothing left visible.
 */
class TestLakeStagedWrites {
  private static final List<ColumnDefinition> COLUMNS = List.of(
      new ColumnDefinition("id", ColumnType.of(TypeName.BIGINT), true, null),
      new ColumnDefinition("grp", ColumnType.of(TypeName.INTEGER), true, null));

  @TempDir
  Path root;
  private FolderObjectStore folders;

  @BeforeEach
  void setUp() throws IOException {
    Files.createDirectories(root.resolve("lake"));
    folders = new FolderObjectStore(root);
  }

  private static ObjectUri uri(String key) {
    return new ObjectUri("s3", "lake", key);
  }

  private List<String> keys(ObjectStore store, String prefix) {
    List<String> keys = new ArrayList<>();
    store.list(uri(prefix), null).objects().forEach(o -> keys.add(o.uri().key()));
    keys.sort(null);
    return keys;
  }

  /** Every file below the bucket's folder, hidden temporary files included. */
  private List<Path> allFiles() throws IOException {
    try (Stream<Path> files = Files.walk(root.resolve("lake"))) {
      return files.filter(Files::isRegularFile).toList();
    }
  }

  @Test
  void outputsAppearOnlyAtCommit() throws IOException {
    StagedObjectStore staged = new StagedObjectStore(folders);
    for (String name : List.of("a", "b", "c")) {
      try (ObjectStore.AbortableOutput out = staged.create(uri("t/" + name))) {
        out.write(name.getBytes(StandardCharsets.UTF_8));
      }
    }
    assertThat(keys(folders, "t/")).isEmpty();
    assertThat(staged.finishedSize(uri("t/b"))).isEqualTo(1);
    assertThat(staged.commit()).extracting(p -> p.uri().key()).containsExactly("t/a", "t/b",
        "t/c");
    assertThat(keys(folders, "t/")).containsExactly("t/a", "t/b", "t/c");
    assertThat(new String(folders.read(uri("t/c"), 0, 10), StandardCharsets.UTF_8))
        .isEqualTo("c");
  }

  @Test
  void abortLeavesNoFileAtAll() throws IOException {
    StagedObjectStore staged = new StagedObjectStore(folders);
    try (ObjectStore.AbortableOutput out = staged.create(uri("t/done"))) {
      out.write(1);
    }
    ObjectStore.AbortableOutput open = staged.create(uri("t/open"));
    open.write(2);
    staged.abort();
    assertThat(allFiles()).isEmpty();
    assertThatThrownBy(() -> staged.create(uri("t/late"))).isInstanceOf(
        IllegalStateException.class);
  }

  @Test
  void aFailedPublicationDeletesWhatWasPublished() throws IOException {
    ObjectStore failing = new FailingCloseStore(folders, uri("t/c"));
    StagedObjectStore staged = new StagedObjectStore(failing);
    for (String name : List.of("a", "b", "c", "d")) {
      try (ObjectStore.AbortableOutput out = staged.create(uri("t/" + name))) {
        out.write(name.getBytes(StandardCharsets.UTF_8));
      }
    }
    assertThatThrownBy(staged::commit).isInstanceOf(StorageException.class)
        .hasMessageContaining("Cannot write 's3://lake/t/c'");
    assertThat(allFiles()).isEmpty();
  }

  @Test
  void theSameNameTwiceIsAProgrammingError() {
    StagedObjectStore staged = new StagedObjectStore(folders);
    staged.create(uri("t/x"));
    assertThatThrownBy(() -> staged.create(uri("t/x"))).isInstanceOf(
        IllegalStateException.class).hasMessageContaining("written twice");
    staged.abort();
  }

  private static Layout layout() {
    return new Layout() {
      @Override
      public ObjectUri folder(List<String> values) {
        ObjectUri folder = uri("out/");
        return values.isEmpty() ? folder
            : folder.resolve(PartitionFolders.folderName("grp", values.get(0))).asPrefix();
      }

      @Override
      public String fileName(int writer, int sequence) {
        return String.format("%04d_part_%02d.csv", writer, sequence);
      }
    };
  }

  private static OutputFormat csv() {
    return new OutputFormat(FileFormat.TEXT, FormatOptions.csv().withCompression(
        FormatOptions.Compression.NONE), ParquetWriteOptions.defaults(), ".csv");
  }

  /** A query of {@code rows} rows (id, id mod 3) that fails at row {@code failAt} (or never). */
  private static PlannedQuery query(long rows, long failAt) {
    return new PlannedQuery() {
      @Override
      public List<ColumnDefinition> columns() {
        return COLUMNS;
      }

      @Override
      public long forEachRow(Consumer<Object[]> sink) {
        for (long id = 0; id < rows; id++) {
          if (id == failAt) {
            throw new StorageException("22012", "division by zero");
          }
          sink.accept(new Object[] {id, (int) (id % 3)});
        }
        return rows;
      }
    };
  }

  private ParallelRowWriter writer(StagedObjectStore staged, boolean parallel, Columns columns,
      AtomicBoolean canceled, long failingId) {
    return new ParallelRowWriter(parallel, 3, w -> new PartitionedFileSink(staged, csv(), columns,
        layout(), 5L << 20, w, row -> {
          if (((Long) row[0]) == failingId) {
            throw new StorageException("22P04", "bad value in a writer");
          }
          return row;
        }), canceled::get, "test-writer");
  }

  private static Columns partitionedByGroup() {
    return new Columns(COLUMNS.subList(0, 1), new int[] {0}, new int[] {1},
        List.of(ColumnType.of(TypeName.INTEGER)));
  }

  @Test
  void parallelWritersWriteEveryRowOnce() {
    StagedObjectStore staged = new StagedObjectStore(folders);
    ParallelRowWriter writer = writer(staged, true, partitionedByGroup(), new AtomicBoolean(),
        -1);
    List<WrittenFile> files = writer.writeAll(query(100_000, -1));
    staged.commit();
    assertThat(writer.rows()).isEqualTo(100_000);
    assertThat(files.stream().mapToLong(WrittenFile::rows).sum()).isEqualTo(100_000);
    // Three writers, each with a file per partition it saw.
    assertThat(keys(folders, "out/")).containsExactlyInAnyOrder(
        "out/grp=0/0000_part_00.csv", "out/grp=0/0001_part_00.csv", "out/grp=0/0002_part_00.csv",
        "out/grp=1/0000_part_00.csv", "out/grp=1/0001_part_00.csv", "out/grp=1/0002_part_00.csv",
        "out/grp=2/0000_part_00.csv", "out/grp=2/0001_part_00.csv", "out/grp=2/0002_part_00.csv");
    long lines = 0;
    long sum = 0;
    for (ObjectInfo file : folders.list(uri("out/"), null).objects()) {
      for (String line : new String(folders.read(file.uri(), 0, (int) file.size()),
          StandardCharsets.UTF_8).split("\n")) {
        lines++;
        sum += Long.parseLong(line);
      }
    }
    assertThat(lines).isEqualTo(100_000);
    assertThat(sum).isEqualTo(100_000L * 99_999 / 2);
  }

  @Test
  void serialWritesKeepTheQueryOrder() {
    StagedObjectStore staged = new StagedObjectStore(folders);
    ParallelRowWriter writer = writer(staged, false, Columns.unpartitioned(COLUMNS),
        new AtomicBoolean(), -1);
    writer.writeAll(query(5_000, -1));
    staged.commit();
    assertThat(keys(folders, "out/")).containsExactly("out/0000_part_00.csv");
    String text = new String(folders.read(uri("out/0000_part_00.csv"), 0, 1 << 20),
        StandardCharsets.UTF_8);
    assertThat(text).startsWith("0,0\n1,1\n2,2\n3,0\n").endsWith("4999,1\n");
  }

  @Test
  void aFailingQueryLeavesNothing() throws IOException {
    for (boolean parallel : List.of(true, false)) {
      StagedObjectStore staged = new StagedObjectStore(folders);
      ParallelRowWriter writer = writer(staged, parallel, partitionedByGroup(),
          new AtomicBoolean(), -1);
      assertThatThrownBy(() -> writer.writeAll(query(50_000, 40_000)))
          .isInstanceOf(StorageException.class).hasMessage("division by zero");
      staged.abort();
      assertThat(allFiles()).as("parallel %s", parallel).isEmpty();
    }
  }

  @Test
  void aFailingWriterStopsTheQuery() throws IOException {
    StagedObjectStore staged = new StagedObjectStore(folders);
    ParallelRowWriter writer = writer(staged, true, Columns.unpartitioned(COLUMNS),
        new AtomicBoolean(), 10_000);
    long[] produced = new long[1];
    PlannedQuery endless = new PlannedQuery() {
      @Override
      public List<ColumnDefinition> columns() {
        return COLUMNS;
      }

      @Override
      public long forEachRow(Consumer<Object[]> sink) {
        for (long id = 0; ; id++) {
          produced[0] = id;
          sink.accept(new Object[] {id, 0});
        }
      }
    };
    assertThatThrownBy(() -> writer.writeAll(endless)).isInstanceOf(StorageException.class)
        .hasMessage("bad value in a writer");
    // The bounded queues let the query run only a few chunks ahead of the writers.
    assertThat(produced[0]).isLessThan(10_000 + 20 * ParallelRowWriter.CHUNK_ROWS);
    staged.abort();
    assertThat(allFiles()).isEmpty();
  }

  @Test
  void aCancelStopsTheWrite() throws IOException {
    AtomicBoolean canceled = new AtomicBoolean();
    StagedObjectStore staged = new StagedObjectStore(folders);
    ParallelRowWriter writer = writer(staged, true, Columns.unpartitioned(COLUMNS), canceled,
        -1);
    PlannedQuery query = new PlannedQuery() {
      @Override
      public List<ColumnDefinition> columns() {
        return COLUMNS;
      }

      @Override
      public long forEachRow(Consumer<Object[]> sink) {
        for (long id = 0; id < 1_000_000; id++) {
          if (id == 20_000) {
            canceled.set(true);
          }
          sink.accept(new Object[] {id, 0});
        }
        return 1_000_000;
      }
    };
    assertThatThrownBy(() -> writer.writeAll(query)).isInstanceOf(StorageException.class)
        .satisfies(e -> assertThat(((StorageException) e).sqlState()).isEqualTo("57014"));
    staged.abort();
    assertThat(allFiles()).isEmpty();
  }

  @Test
  void partitionValuesAsFoldersSpellThem() {
    assertThat(PartitionedFileSink.text(null, ColumnType.of(TypeName.INTEGER))).isNull();
    assertThat(PartitionedFileSink.text(new java.math.BigDecimal("1.5"),
        ColumnType.decimal(10, 2))).isEqualTo("1.50");
    assertThat(PartitionedFileSink.text(19_000, ColumnType.of(TypeName.DATE)))
        .isEqualTo("2022-01-08");
    assertThat(PartitionedFileSink.text(1_700_000_000_123L, ColumnType.of(TypeName.TIMESTAMP)))
        .isEqualTo("2023-11-14 22:13:20.123");
    assertThat(PartitionedFileSink.text(true, ColumnType.of(TypeName.BOOLEAN)))
        .isEqualTo("true");
  }

  /** Delegates to a store, but the output of one object fails when it is published. */
  private static final class FailingCloseStore implements ObjectStore {
    private final ObjectStore store;
    private final ObjectUri failing;

    FailingCloseStore(ObjectStore store, ObjectUri failing) {
      this.store = store;
      this.failing = failing;
    }

    @Override
    public ObjectListing list(ObjectUri prefix, String delimiter) {
      return store.list(prefix, delimiter);
    }

    @Override
    public Optional<ObjectInfo> stat(ObjectUri uri) {
      return store.stat(uri);
    }

    @Override
    public byte[] read(ObjectUri uri, long offset, int length) {
      return store.read(uri, offset, length);
    }

    @Override
    public InputStream open(ObjectUri uri) {
      return store.open(uri);
    }

    @Override
    public AbortableOutput create(ObjectUri uri) {
      AbortableOutput out = store.create(uri);
      if (!uri.equals(failing)) {
        return out;
      }
      return new AbortableOutput() {
        @Override
        public void write(int b) throws IOException {
          out.write(b);
        }

        @Override
        public void abort() {
          out.abort();
        }

        @Override
        public void close() throws IOException {
          out.abort();
          throw new IOException("Cannot write '" + uri + "': the endpoint went away");
        }
      };
    }

    @Override
    public void delete(ObjectUri uri) {
      store.delete(uri);
    }

    @Override
    public boolean bucketExists(String bucket) {
      return store.bucketExists(bucket);
    }
  }
}
