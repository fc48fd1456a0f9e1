package io.basalt.server.lake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Iceberg examples of SPEC.md 2.5, as written (with columns where it writes "..."). */
class TestIcebergSpecExamples extends IcebergLakeTest {

  private static long snapshots(Statement statement) throws SQLException {
    return Long.parseLong(LakeServer.rows(statement,
        "select count(*) from lake.\"orders$snapshots\"").get(0));
  }

  @Test
  void theSpecExamplesRunAsWritten() throws SQLException {
    try (Connection connection = ice.lake.connect();
        Statement statement = connection.createStatement()) {
      statement.execute("create external schema lake from data catalog database 'lakedb' "
          + "create external database if not exists");
      statement.execute("CREATE TABLE lake.orders (order_id BIGINT, customer VARCHAR(20), "
          + "amount DECIMAL(12,2), order_ts TIMESTAMP) PARTITIONED BY (day(order_ts))\n"
          + "  LOCATION 's3://lake/orders/' TBLPROPERTIES ('table_type' = 'ICEBERG')");
      statement.executeUpdate("INSERT INTO lake.orders VALUES "
          + "(1, 'ann', 10.50, TIMESTAMP '2026-03-01 10:00:00'), "
          + "(2, 'bo', 20.00, TIMESTAMP '2026-03-02 11:00:00')");
      long first = Long.parseLong(LakeServer.rows(statement,
          "SELECT snapshot_id FROM lake.\"orders$snapshots\"").get(0));

      // INSERT, DELETE, UPDATE and MERGE each commit one new snapshot.
      statement.executeUpdate("INSERT INTO lake.orders VALUES "
          + "(3, 'cy', 30.00, TIMESTAMP '2026-03-03 09:00:00')");
      assertThat(snapshots(statement)).isEqualTo(2);
      statement.executeUpdate("DELETE FROM lake.orders WHERE order_id = 2");
      assertThat(snapshots(statement)).isEqualTo(3);
      statement.executeUpdate("UPDATE lake.orders SET amount = amount + 1 WHERE order_id = 1");
      assertThat(snapshots(statement)).isEqualTo(4);
      statement.executeUpdate("MERGE INTO lake.orders USING (SELECT 3 AS id, 99.00 AS amount) s "
          + "ON order_id = s.id WHEN MATCHED THEN UPDATE SET amount = s.amount "
          + "WHEN NOT MATCHED THEN INSERT VALUES (s.id, 'new', s.amount, NULL)");
      assertThat(snapshots(statement)).isEqualTo(5);

      assertThat(LakeServer.rows(statement, "SELECT order_id, amount FROM lake.orders "
          + "FOR VERSION AS OF " + first + " ORDER BY order_id"))
          .containsExactly("1,10.50", "2,20.00");
      assertThatThrownBy(() -> statement.executeQuery(
          "SELECT order_id FROM lake.orders FOR VERSION AS OF 4348023431962227045"))
          .isInstanceOf(SQLException.class).hasMessageContaining("lake.orders")
          .hasMessageContaining("4348023431962227045");
      assertThatThrownBy(() -> statement.executeQuery("SELECT order_id FROM lake.orders "
          + "FOR TIMESTAMP AS OF TIMESTAMP '2026-01-01 00:00:00'"))
          .isInstanceOf(SQLException.class).hasMessageContaining("lake.orders")
          .hasMessageContaining("before the table's first snapshot");
      for (String metadata : List.of("snapshots", "history", "files", "partitions")) {
        assertThat(LakeServer.rows(statement,
            "SELECT * FROM lake.\"orders$" + metadata + "\"")).isNotEmpty();
      }

      statement.execute("ALTER TABLE lake.orders ADD COLUMNS (note VARCHAR)");
      assertThat(snapshots(statement)).isEqualTo(5);
      assertThat(LakeServer.rows(statement,
          "SELECT order_id, amount, note FROM lake.orders ORDER BY order_id"))
          .containsExactly("1,11.50,null", "3,99.00,null");
    }
  }
}
