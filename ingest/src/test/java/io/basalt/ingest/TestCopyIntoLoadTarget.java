package io.basalt.ingest;

import static io.basalt.ingest.CopyFixture.column;
import static io.basalt.ingest.CopyFixture.notNull;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.storage.ColumnDefinition;
import io.basalt.storage.ColumnType;
import io.basalt.storage.DistStyle;
import io.basalt.storage.SortKeyKind;
import io.basalt.storage.StorageException;
import io.basalt.storage.TableDefinition;
import io.basalt.storage.TableWriter;
import io.basalt.storage.TypeName;
import io.basalt.storage.format.ParquetWriteOptions;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * COPY into a {@link LoadTarget} that is not a table of the store (as an Iceberg table is): the
 * target's definition is what is loaded, every row reaches the target's one writer in the
 * storage representation, and the writer is committed once when the load succeeds and closed
 * without a commit when it fails. Rejected rows are still logged, with the target's table id.
 */
class TestCopyIntoLoadTarget {
  private static final long TABLE_ID = 77;
  /** A table the store does not have: the COPY must not look its name up. */
  private static final TableDefinition EVENTS = new TableDefinition(TABLE_ID, "lake", "events",
      List.of(notNull("id", ColumnType.of(TypeName.INTEGER)),
          column("name", ColumnType.varchar(10)),
          column("price", ColumnType.decimal(10, 2)),
          column("shipped", ColumnType.of(TypeName.DATE))),
      DistStyle.EVEN, null, SortKeyKind.NONE, List.of(), false);

  @TempDir
  Path directory;
  private CopyFixture fixture;
  private final List<RecordingWriter> writers = new ArrayList<>();

  @BeforeEach
  void setUp() {
    fixture = new CopyFixture(directory);
  }

  @AfterEach
  void tearDown() {
    fixture.close();
  }

  private CopyResult copy(String source, Map<String, String> options) {
    LoadTarget target = new LoadTarget(EVENTS, () -> {
      RecordingWriter writer = new RecordingWriter();
      writers.add(writer);
      return writer;
    });
    return fixture.ingest.copy(new CopyCommand("lake", "events", List.of(), source, options),
        target, 42, () -> false, CopyProgressListener.NONE);
  }

  @Test
  void rowsGoToTheTargetsWriterWhichIsCommittedOnce() throws IOException {
    String source = fixture.write("events.csv", "id,name,price,shipped\n"
        + "1,ann,1.50,2024-01-02\n"
        + "2,,,\n"
        + "x,bad,3,2024-01-03\n");

    CopyResult result = copy(source, Map.of("FORMAT", "CSV", "IGNOREHEADER", "1",
        "MAXERROR", "1"));

    assertThat(result).isEqualTo(new CopyResult(2, 1, List.of(source)));
    RecordingWriter writer = writers.get(0);
    assertThat(writers).hasSize(1);
    assertThat(writer.rows).containsExactly(
        List.of(1, "ann", new BigDecimal("1.50"), (int) LocalDate.of(2024, 1, 2).toEpochDay()),
        Arrays.asList(2, "", null, null));
    assertThat(writer.commits).isEqualTo(1);
    assertThat(writer.closed).isTrue();
    assertThat(fixture.loadErrors()).singleElement()
        .satisfies(row -> assertThat(row.get(2)).isEqualTo((int) TABLE_ID))
        .satisfies(row -> assertThat(row.get(7)).isEqualTo(4L));
  }

  @Test
  void aLoadBeyondMaxErrorClosesTheWriterWithoutCommitting() throws IOException {
    String source = fixture.write("events.csv", "1,ann,1.50,2024-01-02\n"
        + "2,bo,2,2024-01-03\n"
        + "3,cy,lots,2024-01-04\n");

    assertThatThrownBy(() -> copy(source, Map.of("FORMAT", "CSV")))
        .isInstanceOf(StorageException.class)
        .hasMessageStartingWith("Cannot load into \"lake.events\": line 3 of " + source
            + ", column \"price\"");

    RecordingWriter writer = writers.get(0);
    assertThat(writer.commits).isZero();
    assertThat(writer.closed).isTrue();
    assertThat(fixture.loadErrors()).singleElement()
        .satisfies(row -> assertThat(row.get(2)).isEqualTo((int) TABLE_ID));
  }

  @Test
  void parquetLoadsThroughTheTargetsWriter() {
    List<ColumnDefinition> fileColumns = List.of(column("ID", ColumnType.of(TypeName.INTEGER)),
        column("name", ColumnType.varchar(10)));
    List<Object[]> fileRows = new ArrayList<>();
    fileRows.add(new Object[] {5, "eve"});
    fixture.parquet("s3://bucket/events.parquet", fileColumns, ParquetWriteOptions.defaults(),
        fileRows);

    CopyResult result = copy("s3://bucket/events.parquet",
        Map.of("FORMAT", "PARQUET", "FILLRECORD", ""));

    assertThat(result.rowsLoaded()).isEqualTo(1);
    RecordingWriter writer = writers.get(0);
    assertThat(writer.rows).containsExactly(Arrays.asList(5, "eve", null, null));
    assertThat(writer.commits).isEqualTo(1);
    assertThat(writer.closed).isTrue();
  }

  /** A writer of a table outside the store: keeps what it is given and how it ended. */
  private static final class RecordingWriter implements TableWriter {
    final List<List<Object>> rows = new ArrayList<>();
    int commits;
    boolean closed;

    @Override
    public void append(int slice, Object[] row) {
      rows.add(Arrays.asList(row.clone()));
    }

    @Override
    public long rowCount() {
      return rows.size();
    }

    @Override
    public void commit() {
      commits++;
    }

    @Override
    public void close() {
      closed = true;
    }
  }
}
