/**
 * Basalt's Redshift SQL parser: the node classes its generated grammar builds.
 *
 * <p>The parser itself, {@code io.basalt.planner.sql.impl.BasaltSqlParserImpl}, is generated at
 * build time from Calcite's {@code Parser.jj} template and {@code src/main/codegen}; use it
 * through {@code SqlParser.config().withParserFactory(BasaltSqlParserImpl.FACTORY)}. Statements
 * become {@link io.basalt.planner.sql.SqlCreateBasaltTable}, {@link
 * io.basalt.planner.sql.SqlAlterBasaltTable}, {@link io.basalt.planner.sql.SqlCopy} and their
 * siblings here, or Calcite's own {@code SqlDropView} and {@code SqlTruncateTable}. External
 * (Spectrum and federated) schemas and tables become {@link
 * io.basalt.planner.sql.SqlCreateExternalSchema}, {@link
 * io.basalt.planner.sql.SqlCreateExternalTable} and {@link
 * io.basalt.planner.sql.SqlAlterExternalTable}; {@code EXPLAIN ANALYZE} becomes {@link
 * io.basalt.planner.sql.SqlExplainAnalyze}, of kind OTHER rather than EXPLAIN; every MERGE
 * becomes a {@link io.basalt.planner.sql.SqlBasaltMerge} (of kind MERGE, with its WHEN clauses)
 * rather than Calcite's {@code SqlMerge}. Wrap the
 * built-in operator table in {@link io.basalt.planner.sql.CaseInsensitiveOperatorTable}, because
 * unquoted function names reach the validator in lower case.
 */
package io.basalt.planner.sql;
