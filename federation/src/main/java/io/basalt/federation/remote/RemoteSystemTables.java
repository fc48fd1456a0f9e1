package io.basalt.federation.remote;

import io.basalt.planner.catalog.ComputedTable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.calcite.schema.Table;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * SVL_FEDERATE_SUBQUERY: one row per query Basalt sent to a federated source (per split), in
 * the shape of Redshift's SVL_FEDERATED_QUERY (query, sourcetype, recordtime, querytext,
 * num_rows, num_bytes, duration), plus the Basalt schema and remote table it read, the query's
 * number within its Basalt query, its end time, its elapsed time and its status. Redshift's own
 * name, SVL_FEDERATED_QUERY, is the same table. No password is ever part of a row: the text is
 * the SQL sent, which names tables and columns only.
 */
final class RemoteSystemTables {
  private final RemoteQueryLog log;

  RemoteSystemTables(RemoteQueryLog log) {
    this.log = log;
  }

  /** The tables by lower-case name. */
  Map<String, Table> tables() {
    Table subqueries = new ComputedTable(f -> f.builder()
        .add("query", SqlTypeName.BIGINT)
        .add("username", SqlTypeName.VARCHAR, 128)
        .add("subquery", SqlTypeName.INTEGER)
        .add("sourcetype", SqlTypeName.VARCHAR, 32)
        .add("schemaname", SqlTypeName.VARCHAR, 128)
        .add("tablename", SqlTypeName.VARCHAR, 256)
        .add("recordtime", SqlTypeName.TIMESTAMP, 3)
        .add("endtime", SqlTypeName.TIMESTAMP, 3).nullable(true)
        .add("querytext", SqlTypeName.VARCHAR, 65535)
        .add("num_rows", SqlTypeName.BIGINT)
        .add("num_bytes", SqlTypeName.BIGINT)
        .add("duration", SqlTypeName.BIGINT)
        .add("elapsed", SqlTypeName.BIGINT)
        .add("status", SqlTypeName.VARCHAR, 16)
        .build(), factory -> rows());
    return Map.of("svl_federate_subquery", subqueries, "svl_federated_query", subqueries);
  }

  private List<Object[]> rows() {
    List<Object[]> rows = new ArrayList<>();
    Map<Long, Integer> numbers = new HashMap<>();
    for (RemoteQueryLog.Sent sent : log.entries()) {
      int number = numbers.merge(sent.queryId(), 1, Integer::sum);
      long end = sent.endMillis();
      rows.add(new Object[] {sent.queryId(), sent.user(), number, sourceType(sent.engine()),
          sent.schema(), tableName(sent), sent.startMillis(), end < 0 ? null : end, sent.sql(),
          sent.rows(), sent.bytes(), sent.remoteMicros(), sent.elapsedMicros(),
          sent.status().name().toLowerCase(Locale.ROOT)});
    }
    return rows;
  }

  /** Redshift's names of source types: PG for PostgreSQL. */
  private static String sourceType(RemoteEngine engine) {
    return switch (engine) {
      case POSTGRES -> "PG";
      case MYSQL -> "MYSQL";
    };
  }

  /** The remote table's name, without the Basalt schema that scans prefix it with. */
  private static String tableName(RemoteQueryLog.Sent sent) {
    String prefix = sent.schema() + ".";
    return sent.table().startsWith(prefix)
        ? sent.table().substring(prefix.length()) : sent.table();
  }
}
