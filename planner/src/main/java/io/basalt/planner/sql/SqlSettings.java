package io.basalt.planner.sql;

import io.basalt.planner.catalog.BasaltTypeSystem;
import java.util.Properties;
import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.Quoting;
import org.apache.calcite.config.CalciteConnectionProperty;
import org.apache.calcite.config.NullCollation;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.fun.SqlLibrary;
import org.apache.calcite.sql.fun.SqlLibraryOperatorTableFactory;
import java.util.function.UnaryOperator;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.util.SqlOperatorTables;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.parser.SqlParserImplFactory;
import org.apache.calcite.sql.validate.SqlConformanceEnum;

/**
 * The one place that says how Basalt reads SQL: Redshift's identifier rules (unquoted names fold
 * to lower case, quoted names are exact), Babel conformance, Basalt's generated parser, and
 * Redshift's numeric type system. Both the embedded connection and view expansion use it.
 */
public final class SqlSettings {
  /** The generated parser's factory, as a connection-property value. */
  public static final String PARSER_FACTORY =
      "io.basalt.planner.sql.impl.BasaltSqlParserImpl#FACTORY";

  private SqlSettings() {}

  /** Parser settings for statements typed by users. */
  public static SqlParser.Config parserConfig() {
    return SqlParser.config()
        .withQuoting(Quoting.DOUBLE_QUOTE)
        .withUnquotedCasing(Casing.TO_LOWER)
        .withQuotedCasing(Casing.UNCHANGED)
        .withCaseSensitive(true)
        .withConformance(SqlConformanceEnum.BABEL)
        .withParserFactory(parserFactory());
  }

  /** The generated Redshift parser's factory. */
  public static SqlParserImplFactory parserFactory() {
    try {
      return (SqlParserImplFactory) Class.forName("io.basalt.planner.sql.impl.BasaltSqlParserImpl")
          .getField("FACTORY").get(null);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("Cannot load Basalt's SQL parser", e);
    }
  }

  /**
   * Redshift's functions: Calcite's standard library, its PostgreSQL library and its Oracle one
   * (NVL, NVL2, DECODE, SYSDATE), found whatever the case of the name, since unquoted names are
   * folded to lower case and Calcite's library functions are registered in upper case.
   */
  public static SqlOperatorTable operatorTable() {
    return CaseInsensitiveOperatorTable.of(SqlLibraryOperatorTableFactory.INSTANCE
        .getOperatorTable(SqlLibrary.STANDARD, SqlLibrary.POSTGRESQL, SqlLibrary.ORACLE));
  }

  /** A validator with Basalt's functions and rules, for queries and for DDL checks alike. */
  public static SqlValidator newValidator(CalciteCatalogReader catalogReader,
      RelDataTypeFactory typeFactory, UnaryOperator<SqlValidator.Config> configTransform) {
    SqlOperatorTable operators = SqlOperatorTables.chain(operatorTable(), catalogReader);
    return new BasaltSqlValidator(operators, catalogReader, typeFactory,
        configTransform.apply(SqlValidator.Config.DEFAULT
            .withConformance(RedshiftConformance.INSTANCE)
            .withTypeCoercionFactory(RedshiftTypeCoercion::new)
            .withDefaultNullCollation(NullCollation.HIGH)
            .withIdentifierExpansion(true)));
  }

  /** Removes the semicolons (and blanks) that scripts put after a statement. */
  public static String withoutTrailingSemicolons(String sql) {
    int end = sql.length();
    while (end > 0 && (sql.charAt(end - 1) == ';' || Character.isWhitespace(sql.charAt(end - 1)))) {
      end--;
    }
    return sql.substring(0, end);
  }

  /** Properties for the embedded Calcite connection behind each session. */
  public static Properties connectionProperties(String defaultSchema) {
    Properties properties = new Properties();
    properties.setProperty(CalciteConnectionProperty.QUOTING.camelName(), Quoting.DOUBLE_QUOTE.name());
    properties.setProperty(CalciteConnectionProperty.UNQUOTED_CASING.camelName(), Casing.TO_LOWER.name());
    properties.setProperty(CalciteConnectionProperty.QUOTED_CASING.camelName(), Casing.UNCHANGED.name());
    properties.setProperty(CalciteConnectionProperty.CASE_SENSITIVE.camelName(), "true");
    properties.setProperty(CalciteConnectionProperty.CONFORMANCE.camelName(),
        SqlConformanceEnum.BABEL.name());
    properties.setProperty(CalciteConnectionProperty.PARSER_FACTORY.camelName(), PARSER_FACTORY);
    properties.setProperty(CalciteConnectionProperty.TYPE_SYSTEM.camelName(),
        BasaltTypeSystem.class.getName() + "#INSTANCE");
    properties.setProperty(CalciteConnectionProperty.FUN.camelName(),
        "standard,postgresql,oracle");
    properties.setProperty(CalciteConnectionProperty.SCHEMA.camelName(), defaultSchema);
    properties.setProperty(CalciteConnectionProperty.TIME_ZONE.camelName(), "UTC");
    properties.setProperty(CalciteConnectionProperty.DEFAULT_NULL_COLLATION.camelName(),
        NullCollation.HIGH.name());
    properties.setProperty(CalciteConnectionProperty.MATERIALIZATIONS_ENABLED.camelName(), "false");
    properties.setProperty(CalciteConnectionProperty.CREATE_MATERIALIZATIONS.camelName(), "false");
    return properties;
  }
}
