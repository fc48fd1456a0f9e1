package io.basalt.federation.remote;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.storage.ColumnPredicate;
import io.basalt.storage.ColumnType;
import io.basalt.storage.ValueRange;
import java.math.BigDecimal;
import java.sql.Types;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The remote SELECT for a scan: quoting per dialect, predicates as WHERE, the limit. */
class TestRemoteQuery {
  private static RemoteTableMetadata table(RemoteEngine engine) {
    return new RemoteTableMetadata("Order\"s", false, List.of(
        RemoteTypes.column(engine, "id", Types.INTEGER, "int4", 10, 0, false, false),
        RemoteTypes.column(engine, "name", Types.VARCHAR, "varchar", 20, 0, true, false),
        RemoteTypes.column(engine, "amount", Types.NUMERIC, "numeric", 10, 2, true, false),
        RemoteTypes.column(engine, "day", Types.DATE, "date", 13, 0, true, false)),
        java.util.OptionalDouble.empty());
  }

  @Test
  void postgresQuotesIdentifiersAndWritesPredicatesAndLimit() {
    String sql = RemoteQuery.sql(RemoteEngine.POSTGRES, "public", table(RemoteEngine.POSTGRES),
        new int[] {1, 2}, List.of(
            new ColumnPredicate(0, List.of(new ValueRange(2, true, 5, false)), false),
            new ColumnPredicate(1, List.of(ValueRange.point("o'neil")), true),
            new ColumnPredicate(2, List.of(new ValueRange(new BigDecimal("1.50"), false, null,
                false)), false),
            new ColumnPredicate(3, List.of(ValueRange.point(19782)), false)),
        OptionalLong.of(10));
    assertThat(sql).isEqualTo("SELECT \"name\", \"amount\" FROM \"public\".\"Order\"\"s\" "
        + "WHERE ((\"id\" >= 2 AND \"id\" < 5)) AND (\"name\" = 'o''neil' OR \"name\" IS NULL) "
        + "AND ((\"amount\" > 1.50)) AND (\"day\" = DATE '2024-02-29') LIMIT 10");
  }

  @Test
  void mysqlUsesBackticksAndAnEmptyProjectionSelectsOne() {
    String sql = RemoteQuery.sql(RemoteEngine.MYSQL, "crm", table(RemoteEngine.MYSQL),
        new int[0], List.of(new ColumnPredicate(0, List.of(), true),
            new ColumnPredicate(1, List.of(), false)), OptionalLong.empty());
    assertThat(sql).isEqualTo("SELECT 1 FROM `crm`.`Order\"s` WHERE (`id` IS NULL) AND (1 = 0)");
  }

  @Test
  void typesMapAndUnsupportedOnesAreMarked() {
    assertThat(RemoteTypes.column(RemoteEngine.POSTGRES, "a", Types.ARRAY, "_int4", 10, 0, true,
        false).supported()).isFalse();
    assertThat(RemoteTypes.column(RemoteEngine.MYSQL, "u", Types.BIGINT, "BIGINT UNSIGNED", 20,
        0, true, false).type()).isEqualTo(ColumnType.decimal(20, 0));
    assertThat(RemoteTypes.column(RemoteEngine.POSTGRES, "n", Types.NUMERIC, "numeric", 131089,
        0, true, false).type()).isEqualTo(ColumnType.decimal(38, 10));
    assertThat(RemoteTypes.column(RemoteEngine.POSTGRES, "m", Types.OTHER, "mood", 10, 0, true,
        true).type()).isEqualTo(ColumnType.varchar(65535));
  }
}
