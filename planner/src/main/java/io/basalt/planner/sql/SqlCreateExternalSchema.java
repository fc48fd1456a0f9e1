package io.basalt.planner.sql;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.calcite.sql.SqlCreate;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * Redshift's {@code CREATE EXTERNAL SCHEMA [IF NOT EXISTS] s FROM source DATABASE 'db'
 * [option ...]}, which maps a local schema onto a data catalog database or onto a database of a
 * PostgreSQL or MySQL server.
 *
 * <p>Options other than {@code DATABASE} are kept in {@link #options} in the order written,
 * keyed by upper-case name, with the value unquoted: {@code REGION}, {@code IAM_ROLE} and {@code
 * CATALOG_ROLE} for a data catalog; {@code SCHEMA} (PostgreSQL only), {@code URI}, {@code PORT},
 * {@code IAM_ROLE}, {@code SECRET_ARN}, {@code USER} and {@code PASSWORD} for PostgreSQL and
 * MySQL. {@code IAM_ROLE default} gives {@code IAM_ROLE=default}, {@code CATALOG_ROLE SESSION}
 * gives {@code CATALOG_ROLE=session} and {@code PORT 5432} gives {@code PORT=5432}.
 */
public final class SqlCreateExternalSchema extends SqlCreate {
  private static final SqlOperator OPERATOR =
      new SqlSpecialOperator("CREATE EXTERNAL SCHEMA", SqlKind.CREATE_FOREIGN_SCHEMA);
  private static final String DATABASE = "DATABASE";
  private static final String CREATE_DATABASE = "CREATE EXTERNAL DATABASE";
  /** The value of {@code IAM_ROLE default}: the cluster's default role. */
  public static final String DEFAULT_ROLE = "default";
  /** The value of {@code CATALOG_ROLE SESSION}: the session's own identity. */
  public static final String SESSION_ROLE = "session";

  /** Where the schema's tables live. */
  public enum SourceKind {
    /** A database of the data catalog (AWS Glue); {@code FROM DATA CATALOG}, the default. */
    DATA_CATALOG("DATA CATALOG", Set.of("REGION", "IAM_ROLE", "CATALOG_ROLE")),
    /** A schema of a PostgreSQL database, for federated queries. */
    POSTGRES("POSTGRES",
        Set.of("SCHEMA", "URI", "PORT", "IAM_ROLE", "SECRET_ARN", "USER", "PASSWORD")),
    /** A MySQL database, for federated queries. */
    MYSQL("MYSQL", Set.of("URI", "PORT", "IAM_ROLE", "SECRET_ARN", "USER", "PASSWORD"));

    /** The source as written after {@code FROM}. */
    public final String sql;
    private final Set<String> options;

    SourceKind(String sql, Set<String> options) {
      this.sql = sql;
      this.options = options;
    }

    /** Whether {@code option}, in upper case, may be given for this source. */
    public boolean allows(String option) {
      return options.contains(option);
    }
  }

  /** The local schema's name. */
  public final SqlIdentifier name;
  /** The kind of source. */
  public final SourceKind sourceKind;
  /** The source database, as written in {@code DATABASE 'db'}. */
  public final String database;
  /** Whether {@code CREATE EXTERNAL DATABASE IF NOT EXISTS} was written (data catalog only). */
  public final boolean createDatabase;
  /** Options besides DATABASE, in the order written, keyed by upper-case name. */
  public final Map<String, String> options;

  public SqlCreateExternalSchema(SqlParserPos pos, boolean ifNotExists, SqlIdentifier name,
      SourceKind sourceKind, String database, Map<String, String> options,
      boolean createDatabase) {
    super(OPERATOR, pos, false, ifNotExists);
    this.name = requireNonNull(name, "name is null");
    this.sourceKind = requireNonNull(sourceKind, "sourceKind is null");
    this.database = requireNonNull(database, "database is null");
    this.options = Collections.unmodifiableMap(
        new LinkedHashMap<>(requireNonNull(options, "options is null")));
    this.createDatabase = createDatabase;
    for (String option : this.options.keySet()) {
      if (!sourceKind.allows(option)) {
        throw new IllegalArgumentException(option + " is not an option of " + sourceKind.sql);
      }
    }
    if (createDatabase && sourceKind != SourceKind.DATA_CATALOG) {
      throw new IllegalArgumentException("only a data catalog can create its database");
    }
  }

  /**
   * Adds an option while parsing, rejecting one given twice or not taken by the source; {@code
   * DATABASE} and {@code CREATE EXTERNAL DATABASE} are options here too. Public only for the
   * generated parser.
   */
  public static void addOption(SqlIdentifier name, SourceKind sourceKind,
      Map<String, String> options, String option, String value, SqlParserPos pos) {
    boolean allowed = option.equals(DATABASE) || sourceKind.allows(option)
        || option.equals(CREATE_DATABASE) && sourceKind == SourceKind.DATA_CATALOG;
    if (!allowed) {
      throw ParseErrors.at(pos, action(name) + option + " is not an option of FROM "
          + sourceKind.sql);
    }
    if (options.putIfAbsent(option, value) != null) {
      throw ParseErrors.at(pos, action(name) + option + " is specified more than once");
    }
  }

  /**
   * Checks a parsed CREATE EXTERNAL SCHEMA, whose {@code options} still hold DATABASE and CREATE
   * EXTERNAL DATABASE, and builds it; public only for the generated parser.
   */
  public static SqlCreateExternalSchema create(SqlParserPos pos, boolean replace,
      boolean ifNotExists, SqlIdentifier name, SourceKind sourceKind,
      Map<String, String> options) {
    if (replace) {
      throw ParseErrors.at(pos, action(name) + "OR REPLACE is not supported for schemas");
    }
    Map<String, String> rest = new LinkedHashMap<>(options);
    String database = rest.remove(DATABASE);
    if (database == null) {
      throw ParseErrors.at(pos, action(name) + "DATABASE is required");
    }
    boolean createDatabase = rest.remove(CREATE_DATABASE) != null;
    if (sourceKind != SourceKind.DATA_CATALOG && !rest.containsKey("URI")) {
      throw ParseErrors.at(pos, action(name) + "URI is required for FROM " + sourceKind.sql);
    }
    return new SqlCreateExternalSchema(pos, ifNotExists, name, sourceKind, database, rest,
        createDatabase);
  }

  private static String action(SqlIdentifier name) {
    return "Cannot create external schema \"" + name + "\": ";
  }

  @Override public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override public List<SqlNode> getOperandList() {
    List<SqlNode> optionList = new ArrayList<>();
    options.forEach((option, value) -> {
      optionList.add(SqlLiteral.createCharString(option, SqlParserPos.ZERO));
      optionList.add(SqlLiteral.createCharString(value, SqlParserPos.ZERO));
    });
    return List.of(name, SqlLiteral.createCharString(sourceKind.sql, SqlParserPos.ZERO),
        SqlLiteral.createCharString(database, SqlParserPos.ZERO),
        new SqlNodeList(optionList, SqlParserPos.ZERO));
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("CREATE EXTERNAL SCHEMA");
    if (ifNotExists) {
      writer.keyword("IF NOT EXISTS");
    }
    name.unparse(writer, leftPrec, rightPrec);
    writer.keyword("FROM");
    writer.keyword(sourceKind.sql);
    writer.keyword(DATABASE);
    SqlDdlWriting.string(writer, database);
    options.forEach((option, value) -> {
      writer.keyword(option);
      if (option.equals("PORT")) {
        writer.literal(value);
      } else if (option.equals("IAM_ROLE") && value.equals(DEFAULT_ROLE)) {
        writer.keyword("DEFAULT");
      } else if (option.equals("CATALOG_ROLE") && value.equals(SESSION_ROLE)) {
        writer.keyword("SESSION");
      } else {
        SqlDdlWriting.string(writer, value);
      }
    });
    if (createDatabase) {
      writer.keyword("CREATE EXTERNAL DATABASE IF NOT EXISTS");
    }
  }
}
