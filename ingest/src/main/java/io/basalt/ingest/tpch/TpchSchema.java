package io.basalt.ingest.tpch;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The TPC-H schema in Basalt's Redshift dialect: CREATE TABLE statements with the column types of
 * the TPC-H specification and a Redshift physical design, and the COPY statements that load
 * dbgen {@code .tbl} files.
 *
 * <p>Fact tables are distributed on their join keys so that lineitem joins orders, and partsupp
 * joins part, where the rows are; the small dimension tables are copied to every slice.
 */
public final class TpchSchema {
  /** The eight TPC-H tables, dimensions first. */
  public static final List<String> TABLES =
      List.of("region", "nation", "supplier", "customer", "part", "partsupp", "orders", "lineitem");

  private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_$]*");

  private static final Map<String, String> COLUMNS =
      Map.of(
          "region",
          """
            r_regionkey BIGINT NOT NULL,
            r_name CHAR(25) NOT NULL,
            r_comment VARCHAR(152) NOT NULL""",
          "nation",
          """
            n_nationkey BIGINT NOT NULL,
            n_name CHAR(25) NOT NULL,
            n_regionkey BIGINT NOT NULL,
            n_comment VARCHAR(152) NOT NULL""",
          "supplier",
          """
            s_suppkey BIGINT NOT NULL,
            s_name CHAR(25) NOT NULL,
            s_address VARCHAR(40) NOT NULL,
            s_nationkey BIGINT NOT NULL,
            s_phone CHAR(15) NOT NULL,
            s_acctbal DECIMAL(15,2) NOT NULL,
            s_comment VARCHAR(101) NOT NULL""",
          "customer",
          """
            c_custkey BIGINT NOT NULL,
            c_name VARCHAR(25) NOT NULL,
            c_address VARCHAR(40) NOT NULL,
            c_nationkey BIGINT NOT NULL,
            c_phone CHAR(15) NOT NULL,
            c_acctbal DECIMAL(15,2) NOT NULL,
            c_mktsegment CHAR(10) NOT NULL,
            c_comment VARCHAR(117) NOT NULL""",
          "part",
          """
            p_partkey BIGINT NOT NULL,
            p_name VARCHAR(55) NOT NULL,
            p_mfgr CHAR(25) NOT NULL,
            p_brand CHAR(10) NOT NULL,
            p_type VARCHAR(25) NOT NULL,
            p_size INTEGER NOT NULL,
            p_container CHAR(10) NOT NULL,
            p_retailprice DECIMAL(15,2) NOT NULL,
            p_comment VARCHAR(23) NOT NULL""",
          "partsupp",
          """
            ps_partkey BIGINT NOT NULL,
            ps_suppkey BIGINT NOT NULL,
            ps_availqty INTEGER NOT NULL,
            ps_supplycost DECIMAL(15,2) NOT NULL,
            ps_comment VARCHAR(199) NOT NULL""",
          "orders",
          """
            o_orderkey BIGINT NOT NULL,
            o_custkey BIGINT NOT NULL,
            o_orderstatus CHAR(1) NOT NULL,
            o_totalprice DECIMAL(15,2) NOT NULL,
            o_orderdate DATE NOT NULL,
            o_orderpriority CHAR(15) NOT NULL,
            o_clerk CHAR(15) NOT NULL,
            o_shippriority INTEGER NOT NULL,
            o_comment VARCHAR(79) NOT NULL""",
          "lineitem",
          """
            l_orderkey BIGINT NOT NULL,
            l_partkey BIGINT NOT NULL,
            l_suppkey BIGINT NOT NULL,
            l_linenumber INTEGER NOT NULL,
            l_quantity DECIMAL(15,2) NOT NULL,
            l_extendedprice DECIMAL(15,2) NOT NULL,
            l_discount DECIMAL(15,2) NOT NULL,
            l_tax DECIMAL(15,2) NOT NULL,
            l_returnflag CHAR(1) NOT NULL,
            l_linestatus CHAR(1) NOT NULL,
            l_shipdate DATE NOT NULL,
            l_commitdate DATE NOT NULL,
            l_receiptdate DATE NOT NULL,
            l_shipinstruct CHAR(25) NOT NULL,
            l_shipmode CHAR(10) NOT NULL,
            l_comment VARCHAR(44) NOT NULL""");

  private static final Map<String, String> PHYSICAL_DESIGN =
      Map.of(
          "region", "DISTSTYLE ALL",
          "nation", "DISTSTYLE ALL",
          "supplier", "DISTSTYLE ALL",
          "customer", "DISTSTYLE KEY DISTKEY (c_custkey) SORTKEY (c_custkey)",
          "part", "DISTSTYLE KEY DISTKEY (p_partkey) SORTKEY (p_partkey)",
          "partsupp", "DISTSTYLE KEY DISTKEY (ps_partkey) SORTKEY (ps_partkey)",
          "orders", "DISTSTYLE KEY DISTKEY (o_orderkey) SORTKEY (o_orderdate)",
          "lineitem", "DISTSTYLE KEY DISTKEY (l_orderkey) COMPOUND SORTKEY (l_shipdate)");

  private TpchSchema() {}

  /** Returns {@code CREATE SCHEMA IF NOT EXISTS schema}. */
  public static String createSchema(String schema) {
    return "CREATE SCHEMA IF NOT EXISTS " + checkIdentifier(schema);
  }

  /** Returns the CREATE TABLE statement of {@code table} in {@code schema}. */
  public static String createTable(String schema, String table) {
    return "CREATE TABLE "
        + qualifiedName(schema, table)
        + " (\n"
        + columnDefinitions(table).indent(2)
        + ")\n"
        + PHYSICAL_DESIGN.get(table);
  }

  /** Returns the CREATE TABLE statements of all eight tables, in {@link #TABLES} order. */
  public static List<String> createTables(String schema) {
    return TABLES.stream().map(table -> createTable(schema, table)).collect(Collectors.toList());
  }

  /**
   * Returns the column definitions of {@code table}, one per line, without the surrounding
   * parentheses: what another engine's DDL needs when it does not speak Redshift's table
   * attributes.
   */
  public static String columnDefinitions(String table) {
    String columns = COLUMNS.get(requireNonNull(table, "table is null"));
    if (columns == null) {
      throw new IllegalArgumentException("Cannot find TPC-H table: " + table);
    }
    return columns.stripTrailing();
  }

  /**
   * Returns the COPY statement that loads {@code table} from {@code <directory>/<table>.tbl};
   * {@code directory} is a local path or a URI such as {@code file://} or {@code s3://}.
   */
  public static String copy(String schema, String table, String directory) {
    requireNonNull(directory, "directory is null");
    if (directory.indexOf('\'') >= 0) {
      throw new IllegalArgumentException(
          "Cannot copy TPC-H table " + table + ": directory contains a quote: " + directory);
    }
    String separator = directory.endsWith("/") ? "" : "/";
    return "COPY "
        + qualifiedName(schema, table)
        + " FROM '"
        + directory
        + separator
        + table
        + ".tbl' DELIMITER '|'";
  }

  /** Returns the COPY statements of all eight tables, in {@link #TABLES} order. */
  public static List<String> copyAll(String schema, String directory) {
    return TABLES.stream()
        .map(table -> copy(schema, table, directory))
        .collect(Collectors.toList());
  }

  private static String qualifiedName(String schema, String table) {
    columnDefinitions(table);
    return checkIdentifier(schema) + "." + table;
  }

  private static String checkIdentifier(String schema) {
    requireNonNull(schema, "schema is null");
    if (!IDENTIFIER.matcher(schema).matches()) {
      throw new IllegalArgumentException(
          "Cannot use TPC-H schema name \"" + schema + "\": expected a lower-case identifier");
    }
    return schema;
  }
}
