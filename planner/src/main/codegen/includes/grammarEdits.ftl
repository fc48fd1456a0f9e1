<#--
  Edits to Calcite's grammar where it has no extension point for Redshift syntax.

  config.fmpp wraps Parser.jj in a border that captures the generated grammar in
  "calciteGrammar"; this file writes it back with these edits:

  SELECT TOP n (BasaltSelectTop and BasaltMoveTopToOrderBy are in parserImpls.ftl):
  1. SqlSelect() declares "top";
  2. SqlSelect() reads an optional "TOP n" right after SELECT;
  3. SqlSelect() stores it as the SELECT's fetch, as LIMIT n would;
  4. OrderByLimitOpt() moves it to the ORDER BY node when the query has ORDER BY, because the
     validator replaces a SELECT's fetch with the ORDER BY's.

  INTERVAL '7 days', with the unit inside the string (see IntervalLiterals.java):
  5. and 6. IntervalLiteral() and IntervalLiteralOrExpression() accept a string without a
     qualifier.

  SET name TO value[, value ...] (Redshift's SET search_path TO a, b):
  7. SqlSetOption() accepts TO as well as =, and a comma-separated list of names, kept as a
     SqlNodeList value.

  EXPLAIN SELECT ... (Redshift's form, without PLAN FOR):
  8. to 10. SqlExplain() makes "PLAN [detail] [depth] [AS format] FOR" optional. EXPLAIN ANALYZE
  needs no edit: it is a statement of its own (BasaltExplainAnalyze in parserImpls.ftl), which
  SqlStmt() tries first.

  FOR VERSION AS OF n and FOR TIMESTAMP AS OF t (BasaltTimeTravel is in expressionImpls.ftl):
  11. TableRef3() reads the time-travel clause where Calcite reads FOR SYSTEM_TIME AS OF (still
      accepted there, as a synonym of FOR TIMESTAMP AS OF).

  MERGE with any number of WHEN [NOT] MATCHED [AND condition] clauses (BasaltMergeClauses is in
  mergeImpls.ftl):
  12. and 13. SqlMerge() reads the clauses after ON instead of Calcite's one WHEN MATCHED THEN
      UPDATE and one WHEN NOT MATCHED THEN INSERT, and builds a SqlBasaltMerge.

  Each edit requires its anchor text exactly once, so a Calcite upgrade that changes the text
  fails the build here instead of silently losing the syntax.
-->
<#function edit grammar anchor replacement>
  <#local first = grammar?index_of(anchor)>
  <#if first < 0 || first != grammar?last_index_of(anchor)>
    <#stop "grammarEdits.ftl: Calcite's Parser.jj does not contain exactly one '" + anchor
        + "'; update the edits for this Calcite version">
  </#if>
  <#return grammar?replace(anchor, replacement)>
</#function>
<#assign patched = edit(calciteGrammar,
    "    final SqlNodeList by;\n",
    "    final SqlNodeList by;\n    SqlNode top = null;\n")>
<#assign patched = edit(patched,
    "    SqlSelectKeywords(keywords)\n",
    "    SqlSelectKeywords(keywords)\n    [ LOOKAHEAD(2) top = BasaltSelectTop() ]\n")>
<#assign patched = edit(patched,
    "            null, null, null, new SqlNodeList(hints, getPos()));",
    "            null, null, top, new SqlNodeList(hints, getPos()));")>
<#assign patched = edit(patched,
    "                offsetFetch[0], offsetFetch[1]);",
    "                offsetFetch[0], BasaltMoveTopToOrderBy(e, offsetFetch[1]));")>
<#assign patched = edit(patched,
    "    p = SimpleStringLiteral()\n"
    + "    intervalQualifier = IntervalQualifier() {\n"
    + "        return SqlParserUtil.parseIntervalLiteral(s.end(intervalQualifier),\n"
    + "            sign, p, intervalQualifier);\n"
    + "    }\n",
    "    p = SimpleStringLiteral()\n"
    + "    (\n"
    + "        intervalQualifier = IntervalQualifier() {\n"
    + "            return SqlParserUtil.parseIntervalLiteral(s.end(intervalQualifier),\n"
    + "                sign, p, intervalQualifier);\n"
    + "        }\n"
    + "    |\n"
    + "        { return IntervalLiterals.parse(s.end(this), sign, p); }\n"
    + "    )\n")>
<#assign patched = edit(patched,
    "        p = SimpleStringLiteral()\n"
    + "        intervalQualifier = IntervalQualifier() {\n"
    + "            return SqlParserUtil.parseIntervalLiteral(s.end(intervalQualifier),\n"
    + "                sign, p, intervalQualifier);\n"
    + "        }\n",
    "        p = SimpleStringLiteral()\n"
    + "        (\n"
    + "            intervalQualifier = IntervalQualifier() {\n"
    + "                return SqlParserUtil.parseIntervalLiteral(s.end(intervalQualifier),\n"
    + "                    sign, p, intervalQualifier);\n"
    + "            }\n"
    + "        |\n"
    + "            { return IntervalLiterals.parse(s.end(this), sign, p); }\n"
    + "        )\n")>
<#assign patched = edit(patched,
    "        name = CompoundIdentifier()\n"
    + "        <EQ>\n"
    + "        (\n"
    + "            val = Literal()\n"
    + "        |\n"
    + "            val = SimpleIdentifier()\n",
    "        name = CompoundIdentifier()\n"
    + "        ( <EQ> | <TO> )\n"
    + "        (\n"
    + "            val = Literal()\n"
    + "        |\n"
    + "            val = BasaltSetNames()\n")>
<#assign patched = edit(patched,
    "    final SqlExplainFormat format;\n",
    "    SqlExplainFormat format;\n")>
<#assign patched = edit(patched,
    "    <EXPLAIN> <PLAN>\n"
    + "    [ detailLevel = ExplainDetailLevel() ]\n"
    + "    depth = ExplainDepth()\n",
    "    <EXPLAIN>\n"
    + "    (\n"
    + "    <PLAN>\n"
    + "    [ detailLevel = ExplainDetailLevel() ]\n"
    + "    depth = ExplainDepth()\n")>
<#assign patched = edit(patched,
    "    <FOR> stmt = SqlQueryOrDml() {\n"
    + "        return new SqlExplain(getPos(),\n",
    "    <FOR>\n"
    + "    |\n"
    + "        { depth = SqlExplain.Depth.PHYSICAL; format = SqlExplainFormat.TEXT; }\n"
    + "    )\n"
    + "    stmt = SqlQueryOrDml() {\n"
    + "        return new SqlExplain(getPos(),\n")>
<#assign patched = edit(patched,
    "            [ tableRef = Snapshot(tableRef) ]\n",
    "            [ tableRef = BasaltTimeTravel(tableRef) ]\n")>
<#assign patched = edit(patched,
    "    final SqlUpdate updateCall;\n"
    + "    final SqlInsert insertCall;\n"
    + "    final Span s;\n",
    "    final SqlNodeList clauses;\n"
    + "    final Span s;\n")>
<#assign patched = edit(patched,
    "    (\n"
    + "        LOOKAHEAD(2)\n"
    + "        updateCall = WhenMatchedClause(tableRef, alias)\n"
    + "        ( insertCall = WhenNotMatchedClause(tableRef) | { insertCall = null; } )\n"
    + "    |\n"
    + "        { updateCall = null; }\n"
    + "        insertCall = WhenNotMatchedClause(tableRef)\n"
    + "    )\n"
    + "    {\n"
    + "        final SqlParserPos pos = s.addIf(updateCall).addIf(insertCall).pos();\n"
    + "        return new SqlMerge(pos, tableRef, condition, sourceTableRef,\n"
    + "            updateCall, insertCall, null, alias);\n"
    + "    }\n",
    "    clauses = BasaltMergeClauses()\n"
    + "    {\n"
    + "        return new SqlBasaltMerge(s.addAll(clauses).pos(), tableRef, alias,\n"
    + "            sourceTableRef, condition, clauses);\n"
    + "    }\n")>
${patched}
