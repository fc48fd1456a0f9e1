package io.basalt.federation.remote;

import org.apache.calcite.sql.SqlDialect;
import org.apache.calcite.sql.dialect.MysqlSqlDialect;
import org.apache.calcite.sql.dialect.PostgresqlSqlDialect;

/** The database engines a federated schema can read, with what differs between them. */
enum RemoteEngine {
  POSTGRES("postgresql", 5432, PostgresqlSqlDialect.DEFAULT),
  /** MySQL and MariaDB, through MariaDB's driver, which speaks to both. */
  MYSQL("mariadb", 3306, MysqlSqlDialect.DEFAULT);

  private final String protocol;
  private final int defaultPort;
  private final SqlDialect dialect;

  RemoteEngine(String protocol, int defaultPort, SqlDialect dialect) {
    this.protocol = protocol;
    this.defaultPort = defaultPort;
    this.dialect = dialect;
  }

  SqlDialect dialect() {
    return dialect;
  }

  int defaultPort() {
    return defaultPort;
  }

  /** The JDBC URL of {@code database}, with the connect timeout in the drivers' own units. */
  String url(String host, int port, String database, int connectTimeoutSeconds) {
    String base = "jdbc:" + protocol + "://" + host + ":" + port + "/" + database;
    return this == POSTGRES
        ? base + "?connectTimeout=" + connectTimeoutSeconds + "&loginTimeout="
            + connectTimeoutSeconds + "&ApplicationName=basalt"
        // The session's time_zone is UTC, so TIMESTAMP values arrive as UTC wall times (and
        // DATETIME, which has no zone, as stored) whatever the zone of the JVM or the server.
        : base + "?connectTimeout=" + connectTimeoutSeconds * 1000
            + "&connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true";
  }

  /** Whether a string equality the remote evaluates is exactly Basalt's (MySQL's ignores case). */
  boolean comparesStringsExactly() {
    return this == POSTGRES;
  }
}
