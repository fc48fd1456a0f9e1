/**
 * Basalt's Redshift SQL parser: the node classes its generated grammar builds.
 *
 * <p>The parser itself, {@code io.basalt.planner.sql.impl.BasaltSqlParserImpl}, is generated at
 * build time from Calcite's {@code Parser.jj} template and {@code src/main/codegen}; use it
 * through {@code SqlParser.config().withParserFactory(BasaltSqlParserImpl.FACTORY)}.
 */
package io.basalt.planner.sql;
