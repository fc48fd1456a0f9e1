package io.basalt.storage;

import static io.basalt.storage.Fixtures.column;
import static io.basalt.storage.Fixtures.notNull;
import static io.basalt.storage.Fixtures.readAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestValidation {
  @TempDir
  Path directory;
  private StorageEngine engine;
  private TableWriter writer;

  @BeforeEach
  void createTable() {
    engine = Fixtures.open(directory, 100);
    engine.createTable(Fixtures.table("t", List.of(
        notNull("id", ColumnType.of(TypeName.INTEGER)),
        column("name", ColumnType.varchar(5)),
        column("price", ColumnType.decimal(5, 2)),
        column("flag", ColumnType.character(2)),
        column("small", ColumnType.of(TypeName.SMALLINT)),
        column("big", ColumnType.of(TypeName.BIGINT)))), false);
    writer = engine.newWriter("public", "t", WriteMode.APPEND);
  }

  @AfterEach
  void close() {
    writer.close();
    engine.close();
  }

  private static void assertState(ThrowingCallable call, String state, String message) {
    assertThatThrownBy(call).isInstanceOf(StorageException.class)
        .hasMessageContaining(message)
        .satisfies(e -> assertThat(((StorageException) e).sqlState()).isEqualTo(state));
  }

  @Test
  void notNullViolationNamesTheColumn() {
    assertState(() -> writer.append(0, new Object[] {null, "a", null, null, null, null}),
        "23502", "null value in column \"id\"");
  }

  @Test
  void tooLongStringNamesTypeAndColumn() {
    assertState(() -> writer.append(0, new Object[] {1, "abcdef", null, null, null, null}),
        "22001", "value too long for type character varying(5) in column \"name\"");
    assertState(() -> writer.append(0, new Object[] {1, "äbcde", null, null, null, null}),
        "22001", "character varying(5)");
    assertState(() -> writer.append(0, new Object[] {1, null, null, "abc", null, null}),
        "22001", "value too long for type character(2) in column \"flag\"");
  }

  @Test
  void excessTrailingBlanksAreCut() {
    writer.append(0, new Object[] {1, "abc    ", null, "x    ", null, null});
    writer.commit();
    assertThat(readAll(engine, "t")).containsExactly(
        Arrays.asList(1, "abc  ", null, "x ", null, null));
  }

  @Test
  void decimalOverflowAndRescale() {
    assertState(() -> writer.append(0, new Object[] {1, null, new BigDecimal("1000.00"), null,
        null, null}), "22003", "numeric field overflow: column \"price\"");
    assertState(() -> writer.append(0, new Object[] {1, null, new BigDecimal("999.995"), null,
        null, null}), "22003", "numeric(5,2)");
    writer.append(0, new Object[] {1, null, new BigDecimal("1.005"), null, null, null});
    writer.append(0, new Object[] {2, null, new BigDecimal("-999.99"), null, null, null});
    writer.append(0, new Object[] {3, null, 7, null, null, null});
    writer.append(0, new Object[] {4, null, new BigDecimal("1.5"), null, null, null});
    writer.commit();
    assertThat(readAll(engine, "t")).extracting(row -> row.get(2)).containsExactly(
        new BigDecimal("1.01"), new BigDecimal("-999.99"), new BigDecimal("7.00"),
        new BigDecimal("1.50"));
  }

  @Test
  void integerRangesAndJavaTypes() {
    assertState(() -> writer.append(0, new Object[] {1, null, null, null, 40_000, null}),
        "22003", "smallint out of range for column \"small\"");
    assertState(() -> writer.append(0, new Object[] {3_000_000_000L, null, null, null, null,
        null}), "22003", "integer out of range");
    assertState(() -> writer.append(0, new Object[] {"1", null, null, null, null, null}),
        "42804", "column \"id\" is of type integer but expression is of type character varying");
    assertState(() -> writer.append(0, new Object[] {1, 5, null, null, null, null}),
        "42804", "column \"name\" is of type character varying(5)");
    assertState(() -> writer.append(0, new Object[] {1, null}), "42601", "has 2 values");
    writer.append(0, new Object[] {1L, null, null, null, (short) 3, 4});
    writer.commit();
    assertThat(readAll(engine, "t")).containsExactly(
        Arrays.asList(1, null, null, null, (short) 3, 4L));
  }

  @Test
  void rejectedRowsLeaveNoTrace() {
    writer.append(0, new Object[] {1, "ok", null, null, null, null});
    assertThatThrownBy(() -> writer.append(0, new Object[] {2, "ok", null, null, null, "x"}))
        .isInstanceOf(StorageException.class);
    writer.append(1, new Object[] {3, "ok", null, null, null, null});
    assertThat(writer.rowCount()).isEqualTo(2);
    writer.commit();
    assertThat(readAll(engine, "t")).extracting(row -> row.get(0)).containsExactlyInAnyOrder(1,
        3);
  }
}
