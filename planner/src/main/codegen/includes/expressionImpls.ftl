<#--
  Redshift query syntax for Basalt's parser: SELECT TOP, "::" casts, DATEADD-style date parts
  and time travel (FOR VERSION AS OF / FOR TIMESTAMP AS OF).
-->

/** Parses "TOP n" after SELECT; grammarEdits.ftl wires it into SqlSelect(). */
SqlNode BasaltSelectTop() :
{
    final SqlNode count;
}
{
    <TOP> count = UnsignedNumericLiteralOrParam() { return count; }
}

/**
 * Moves a SELECT's TOP n to the ORDER BY ... LIMIT node that wraps it, where the validator
 * expects the fetch; TOP together with LIMIT or FETCH is an error.
 */
JAVACODE SqlNode BasaltMoveTopToOrderBy(SqlNode query, SqlNode fetch) {
    if (!(query instanceof SqlSelect)) {
        return fetch;
    }
    final SqlSelect select = (SqlSelect) query;
    final SqlNode top = select.getFetch();
    if (top == null) {
        return fetch;
    }
    if (fetch != null) {
        throw ParseErrors.at(top.getParserPosition(),
            "Cannot select: TOP cannot be combined with LIMIT or FETCH");
    }
    select.setFetch(null);
    return top;
}

/** Parses the Redshift and PostgreSQL cast "expr::type", binding tighter than arithmetic. */
void BasaltInfixCast(List<Object> list, ExprContext exprContext, Span s) :
{
    final SqlDataTypeSpec type;
}
{
    <INFIX_CAST> {
        checkNonQueryExpression(exprContext);
        s.clear().add(this);
    }
    type = DataType() {
        list.add(
            new SqlParserUtil.ToTreeListItem(SqlLibraryOperators.INFIX_CAST, s.pos()));
        list.add(type);
    }
}

/**
 * Parses DATEADD(part, n, d), DATEDIFF(part, a, b) and DATEPART/DATE_PART(part, d), where part
 * is a bare word (day, month, yr, ...) or a string. The part becomes a lower-case character
 * literal, so that DATEADD(day, ...) and DATEADD('day', ...) give the same call; DATEPART is
 * named DATE_PART. The result is an unresolved function call, resolved by the operator table.
 */
SqlNode BasaltDatePartCall() :
{
    final Span s;
    final String name;
    final List<SqlNode> args = new ArrayList<SqlNode>();
    SqlNode e;
}
{
    (
        ( <DATEADD> | <DATEDIFF> ) {
            s = span();
            name = token.image.toUpperCase(Locale.ROOT);
        }
        <LPAREN> e = BasaltDatePart() { args.add(e); }
        <COMMA> e = Expression(ExprContext.ACCEPT_SUB_QUERY) { args.add(e); }
        <COMMA> e = Expression(ExprContext.ACCEPT_SUB_QUERY) { args.add(e); }
        <RPAREN>
    |
        ( <DATEPART> | <DATE_PART> ) {
            s = span();
            name = "DATE_PART";
        }
        <LPAREN> e = BasaltDatePart() { args.add(e); }
        <COMMA> e = Expression(ExprContext.ACCEPT_SUB_QUERY) { args.add(e); }
        <RPAREN>
    )
    {
        return createCall(new SqlIdentifier(name, s.pos()), s.end(this),
            SqlFunctionCategory.USER_DEFINED_FUNCTION, null, args);
    }
}

/** Parses a date part: a bare word, reserved (DAY) or not (qtr), or a string ('day'). */
SqlNode BasaltDatePart() :
{
    final String part;
    final SqlIdentifier id;
}
{
    (
        // These are also non-reserved, so SimpleIdentifier would match them too.
        LOOKAHEAD(1)
        ( <YEAR> | <MONTH> | <DAY> | <HOUR> | <MINUTE> | <SECOND> ) { part = token.image; }
    |
        id = SimpleIdentifier() { part = id.getSimple(); }
    |
        part = SimpleStringLiteral()
    )
    { return SqlLiteral.createCharString(part.toLowerCase(Locale.ROOT), getPos()); }
}

/**
 * Parses the time-travel clause after a table name, in place of Calcite's FOR SYSTEM_TIME AS OF
 * (grammarEdits.ftl wires it into TableRef3()): FOR VERSION AS OF n and FOR SYSTEM_VERSION AS OF
 * n name a snapshot id, FOR TIMESTAMP AS OF t and FOR SYSTEM_TIME AS OF t an instant. Any
 * expression parses here; TimeTravelOperator checks it when the query is validated. An alias
 * follows the clause, as in Calcite: FROM t FOR VERSION AS OF 1 AS a.
 */
SqlSnapshot BasaltTimeTravel(SqlNode tableRef) :
{
    final Span s;
    final TimeTravelOperator operator;
    final SqlNode e;
}
{
    <FOR> { s = span(); }
    (
        <VERSION> { operator = TimeTravelOperator.VERSION; }
    |
        <SYSTEM_VERSION> { operator = TimeTravelOperator.SYSTEM_VERSION; }
    |
        <TIMESTAMP> { operator = TimeTravelOperator.TIMESTAMP; }
    |
        <SYSTEM_TIME> { operator = TimeTravelOperator.SYSTEM_TIME; }
    )
    <AS> <OF>
    e = Expression(ExprContext.ACCEPT_NON_QUERY) {
        return SqlTimeTravel.of(s.end(this), tableRef, operator, e);
    }
}
