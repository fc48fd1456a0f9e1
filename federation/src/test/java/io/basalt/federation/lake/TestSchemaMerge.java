package io.basalt.federation.lake;

import static io.basalt.federation.lake.LakeFiles.column;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.storage.ColumnType;
import io.basalt.storage.StorageException;
import io.basalt.storage.TypeName;
import io.basalt.storage.objectstore.ObjectUri;
import java.util.List;
import org.junit.jupiter.api.Test;

class TestSchemaMerge {
  private static final ColumnType INT = ColumnType.of(TypeName.INTEGER);
  private static final ColumnType BIGINT = ColumnType.of(TypeName.BIGINT);
  private static final ColumnType DOUBLE = ColumnType.of(TypeName.DOUBLE);
  private static final ColumnType DATE = ColumnType.of(TypeName.DATE);
  private static final ColumnType TIMESTAMP = ColumnType.of(TypeName.TIMESTAMP);
  private static final ColumnType TEXT = ColumnType.varchar(65535);
  private static final ObjectUri TABLE = ObjectUri.parse("s3://lake/t/");

  @Test
  void typesWidenToOneThatHoldsBoth() {
    assertThat(SchemaMerge.widen(INT, BIGINT, false)).isEqualTo(BIGINT);
    assertThat(SchemaMerge.widen(INT, ColumnType.decimal(12, 2), false))
        .isEqualTo(ColumnType.decimal(12, 2));
    assertThat(SchemaMerge.widen(BIGINT, ColumnType.decimal(12, 2), false))
        .isEqualTo(ColumnType.decimal(21, 2));
    assertThat(SchemaMerge.widen(ColumnType.decimal(10, 4), ColumnType.decimal(12, 1), false))
        .isEqualTo(ColumnType.decimal(15, 4));
    assertThat(SchemaMerge.widen(INT, DOUBLE, false)).isEqualTo(DOUBLE);
    assertThat(SchemaMerge.widen(ColumnType.of(TypeName.REAL), DOUBLE, false)).isEqualTo(DOUBLE);
    assertThat(SchemaMerge.widen(DATE, TIMESTAMP, false)).isEqualTo(TIMESTAMP);
    assertThat(SchemaMerge.widen(TIMESTAMP, ColumnType.of(TypeName.TIMESTAMPTZ), false))
        .isEqualTo(ColumnType.of(TypeName.TIMESTAMPTZ));
    assertThat(SchemaMerge.widen(ColumnType.varchar(10), ColumnType.character(20), false))
        .isEqualTo(ColumnType.varchar(20));
  }

  @Test
  void typesWithoutACommonReadableTypeWidenToTextOnlyForText() {
    assertThat(SchemaMerge.widen(BIGINT, TEXT, true)).isEqualTo(TEXT);
    assertThat(SchemaMerge.widen(ColumnType.of(TypeName.BOOLEAN), DATE, true)).isEqualTo(TEXT);
    assertThat(SchemaMerge.widen(ColumnType.decimal(18, 2), DOUBLE, true)).isEqualTo(DOUBLE);
    assertThat(SchemaMerge.widen(BIGINT, TEXT, false)).isNull();
    // Parquet decimals do not read as DOUBLE, nor do they fit in more than 38 digits.
    assertThat(SchemaMerge.widen(ColumnType.decimal(18, 2), DOUBLE, false)).isNull();
    assertThat(SchemaMerge.widen(ColumnType.decimal(38, 30), BIGINT, false)).isNull();
  }

  @Test
  void parquetAndJsonMergeByNameTextByPosition() {
    SchemaMerge byName = new SchemaMerge(TABLE, false, false);
    byName.add(TABLE.resolve("a"), List.of(column("id", INT), column("Name", TEXT)));
    byName.add(TABLE.resolve("b"), List.of(column("name", TEXT), column("ID", BIGINT),
        column("email", TEXT)));
    assertThat(byName.columns()).containsExactly(column("id", BIGINT), column("Name", TEXT),
        column("email", TEXT));

    SchemaMerge byPosition = new SchemaMerge(TABLE, true, true);
    byPosition.add(TABLE.resolve("a"), List.of(column("id", BIGINT), column("name", TEXT)));
    byPosition.add(TABLE.resolve("b"), List.of(column("key", TEXT), column("label", TEXT),
        column("day", DATE)));
    assertThat(byPosition.columns()).containsExactly(column("id", TEXT), column("name", TEXT),
        column("day", DATE));
  }

  @Test
  void incompatibleParquetColumnsNameBothFiles() {
    SchemaMerge merge = new SchemaMerge(TABLE, false, false);
    merge.add(TABLE.resolve("a.parquet"), List.of(column("id", BIGINT)));
    assertThatThrownBy(() -> merge.add(TABLE.resolve("b.parquet"), List.of(column("id", TEXT))))
        .isInstanceOf(StorageException.class)
        .hasMessage("Cannot crawl table at 's3://lake/t/': column 'id' is bigint in "
            + "'s3://lake/t/a.parquet' but character varying(65535) in 's3://lake/t/b.parquet'")
        .satisfies(e -> assertThat(((StorageException) e).sqlState()).isEqualTo("42804"));
  }
}
