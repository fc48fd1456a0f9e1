package io.basalt.tpch;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One TPC-H query of {@code basalt bench federated}: Basalt's median time and worst verdict over
 * the mix of native and PostgreSQL tables, the remote queries of its last run (from
 * SVL_FEDERATE_SUBQUERY), Basalt's time over its native tables alone, and PostgreSQL's time and
 * verdict running the whole query itself.
 */
record FederatedResult(int query, Run basalt, List<RemoteQuery> remote, Run basaltNative,
    Run postgres) {
  FederatedResult {
    requireNonNull(basalt, "basalt is null");
    remote = List.copyOf(remote);
    requireNonNull(basaltNative, "basaltNative is null");
    requireNonNull(postgres, "postgres is null");
  }

  /** An engine's median time for the query and its worst result (verdict, row count). */
  record Run(double millis, QueryResult result) {
    Run {
      requireNonNull(result, "result is null");
    }

    boolean correct() {
      return BenchResult.acceptable(result.verdict());
    }
  }

  /** One query Basalt sent to PostgreSQL: the table, the exact SQL, the rows it returned. */
  record RemoteQuery(String table, String sql, long rows, long micros) {
    RemoteQuery {
      requireNonNull(table, "table is null");
      requireNonNull(sql, "sql is null");
    }
  }

  String name() {
    return QueryResult.name(query);
  }

  /** Rows PostgreSQL sent to Basalt over all the query's remote queries. */
  long remoteRows() {
    return remote.stream().mapToLong(RemoteQuery::rows).sum();
  }
}
