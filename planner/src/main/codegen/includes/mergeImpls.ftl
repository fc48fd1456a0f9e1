<#--
  The WHEN clauses of MERGE, as Athena, Trino and Spark write them for Iceberg tables. Calcite's
  SqlMerge() production still reads MERGE INTO target [AS alias] USING source ON condition;
  grammarEdits.ftl makes it read these clauses after that and build a SqlBasaltMerge.
-->

/** Parses one or more WHEN clauses, kept in the order written. */
SqlNodeList BasaltMergeClauses() :
{
    final List<SqlNode> clauses = new ArrayList<SqlNode>();
    SqlMergeClause clause;
    final Span s;
}
{
    { s = span(); }
    ( clause = BasaltMergeClause() { clauses.add(clause); } )+
    { return new SqlNodeList(clauses, s.end(this)); }
}

/**
 * Parses WHEN MATCHED [AND condition] THEN UPDATE SET ... | DELETE, or WHEN NOT MATCHED [AND
 * condition] THEN INSERT ...; the wrong action for the kind of clause is an error at the action.
 */
SqlMergeClause BasaltMergeClause() :
{
    final Span s;
    SqlNode condition = null;
    final SqlMergeClause clause;
}
{
    <WHEN> { s = span(); }
    (
        <MATCHED>
        [ <AND> condition = Expression(ExprContext.ACCEPT_SUB_QUERY) ]
        <THEN> clause = BasaltMergeMatchedAction(s, condition)
    |
        <NOT> <MATCHED>
        [ <AND> condition = Expression(ExprContext.ACCEPT_SUB_QUERY) ]
        <THEN> clause = BasaltMergeNotMatchedAction(s, condition)
    )
    { return clause; }
}

/** Parses UPDATE SET column = value, ... or DELETE. */
SqlMergeClause BasaltMergeMatchedAction(Span s, SqlNode condition) :
{
    final SqlNodeList columns = new SqlNodeList(SqlParserPos.ZERO);
    final SqlNodeList values = new SqlNodeList(SqlParserPos.ZERO);
    SqlIdentifier id;
}
{
    <UPDATE> <SET>
    id = CompoundIdentifier() { columns.add(id); }
    <EQ> AddExpression(values, ExprContext.ACCEPT_SUB_QUERY)
    (
        <COMMA>
        id = CompoundIdentifier() { columns.add(id); }
        <EQ> AddExpression(values, ExprContext.ACCEPT_SUB_QUERY)
    )*
    { return SqlMergeClause.update(s.end(this), condition, columns, values); }
|
    <DELETE> { return SqlMergeClause.delete(s.end(this), condition); }
|
    <INSERT> {
        throw ParseErrors.at(getPos(), "Cannot INSERT in a WHEN MATCHED clause: a matched "
            + "target row can only be updated or deleted (INSERT belongs in WHEN NOT MATCHED)");
    }
}

/**
 * Parses INSERT [(column, ...)] VALUES (value, ...); Calcite's own unparse wraps the VALUES in
 * parentheses, which is accepted too.
 */
SqlMergeClause BasaltMergeNotMatchedAction(Span s, SqlNode condition) :
{
    SqlNodeList columns = null;
    final SqlNodeList values = new SqlNodeList(SqlParserPos.ZERO);
}
{
    <INSERT>
    [ LOOKAHEAD(2) columns = ParenthesizedSimpleIdentifierList() ]
    (
        <VALUES> BasaltMergeRow(values)
    |
        <LPAREN> <VALUES> BasaltMergeRow(values) <RPAREN>
    )
    { return SqlMergeClause.insert(s.end(this), condition, columns, values); }
|
    ( <UPDATE> | <DELETE> ) {
        throw ParseErrors.at(getPos(), "Cannot " + token.image.toUpperCase(Locale.ROOT)
            + " in a WHEN NOT MATCHED clause: no target row matched, so the clause can only "
            + "INSERT");
    }
}

/** Parses the row of an INSERT: (value, ...). */
void BasaltMergeRow(SqlNodeList values) :
{
}
{
    <LPAREN>
    AddExpression(values, ExprContext.ACCEPT_SUB_QUERY)
    ( <COMMA> AddExpression(values, ExprContext.ACCEPT_SUB_QUERY) )*
    <RPAREN>
}
