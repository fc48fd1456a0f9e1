<#--
  Redshift statements and expressions for Basalt's parser: CREATE/DROP TABLE, SCHEMA and VIEW,
  TRUNCATE, VACUUM, ANALYZE, SELECT TOP, "::" casts and DATEADD-style date parts.
  Types are in typeImpls.ftl and COPY in copyImpls.ftl.
-->

boolean BasaltIfNotExists() :
{
}
{
    <IF> <NOT> <EXISTS> { return true; }
|
    { return false; }
}

boolean BasaltIfExists() :
{
}
{
    <IF> <EXISTS> { return true; }
|
    { return false; }
}

/** Parses CASCADE or RESTRICT, returning whether CASCADE was written. */
boolean BasaltCascadeOpt() :
{
}
{
    <CASCADE> { return true; }
|
    <RESTRICT> { return false; }
|
    { return false; }
}

/** Parses "(a, b, ...)" into plain names. */
List<String> BasaltNameList() :
{
    final List<String> names = new ArrayList<String>();
    SqlIdentifier id;
}
{
    <LPAREN>
    id = SimpleIdentifier() { names.add(id.getSimple()); }
    ( <COMMA> id = SimpleIdentifier() { names.add(id.getSimple()); } )*
    <RPAREN>
    { return names; }
}

/**
 * Parses CREATE [[LOCAL] TEMP | TEMPORARY] TABLE [IF NOT EXISTS] name
 * [( column definitions and constraints | column names | LIKE other [INCLUDING | EXCLUDING
 * DEFAULTS] )] [table attributes] [AS query].
 */
SqlCreate BasaltCreateTable(Span s, boolean replace) :
{
    boolean temporary = false;
    final boolean ifNotExists;
    final SqlIdentifier name;
    final List<SqlNode> columns = new ArrayList<SqlNode>();
    final List<SqlNode> constraints = new ArrayList<SqlNode>();
    final TableAttributesBuilder attributes = new TableAttributesBuilder();
    SqlIdentifier likeTable = null;
    boolean likeIncludingDefaults = false;
    SqlNode query = null;
}
{
    [
        <LOCAL> ( <TEMP> | <TEMPORARY> ) { temporary = true; }
    |
        ( <TEMP> | <TEMPORARY> ) { temporary = true; }
    ]
    <TABLE>
    ifNotExists = BasaltIfNotExists()
    name = CompoundIdentifier()
    [
        <LPAREN>
        (
            <LIKE> likeTable = CompoundIdentifier()
            [
                <INCLUDING> <DEFAULTS> { likeIncludingDefaults = true; }
            |
                <EXCLUDING> <DEFAULTS>
            ]
        |
            BasaltTableElement(columns, constraints, attributes)
            ( <COMMA> BasaltTableElement(columns, constraints, attributes) )*
        )
        <RPAREN>
    ]
    ( BasaltTableAttribute(attributes) )*
    [ <AS> query = OrderedQueryOrExpr(ExprContext.ACCEPT_QUERY) ]
    {
        return SqlCreateBasaltTable.create(s.end(this), replace, temporary, ifNotExists, name,
            new SqlNodeList(columns, s.pos()), new SqlNodeList(constraints, s.pos()),
            likeTable, likeIncludingDefaults, query, attributes.build());
    }
}

/** Parses a column definition, a bare column name (CREATE TABLE AS) or a table constraint. */
void BasaltTableElement(List<SqlNode> columns, List<SqlNode> constraints,
    TableAttributesBuilder attributes) :
{
    SqlIdentifier constraintName = null;
    final SqlIdentifier id;
}
{
    [ <CONSTRAINT> constraintName = SimpleIdentifier() ]
    BasaltTableConstraint(constraintName, constraints)
|
    id = SimpleIdentifier()
    (
        BasaltColumnDefinition(id, columns, constraints, attributes)
    |
        { columns.add(id); }
    )
}

/** Parses PRIMARY KEY (cols), UNIQUE (cols) or FOREIGN KEY (cols) REFERENCES t [(cols)]. */
void BasaltTableConstraint(SqlIdentifier name, List<SqlNode> constraints) :
{
    final Span s;
    final SqlNodeList columns;
    final SqlIdentifier referencedTable;
    SqlNodeList referencedColumns = SqlNodeList.EMPTY;
}
{
    <PRIMARY> { s = span(); } <KEY>
    columns = ParenthesizedSimpleIdentifierList() {
        constraints.add(SqlDdlNodes.primary(s.end(this), name, columns));
    }
|
    <UNIQUE> { s = span(); }
    columns = ParenthesizedSimpleIdentifierList() {
        constraints.add(SqlDdlNodes.unique(s.end(this), name, columns));
    }
|
    <FOREIGN> { s = span(); } <KEY>
    columns = ParenthesizedSimpleIdentifierList()
    <REFERENCES> referencedTable = CompoundIdentifier()
    [ referencedColumns = ParenthesizedSimpleIdentifierList() ]
    {
        constraints.add(new SqlForeignKey(s.end(this), name, columns, referencedTable,
            referencedColumns));
    }
}

/**
 * Parses a column's type and attributes, in any order: NOT NULL | NULL | DEFAULT expr |
 * ENCODE encoding | DISTKEY | SORTKEY | PRIMARY KEY | UNIQUE | REFERENCES t [(c)].
 */
void BasaltColumnDefinition(SqlIdentifier id, List<SqlNode> columns, List<SqlNode> constraints,
    TableAttributesBuilder attributes) :
{
    final SqlDataTypeSpec type;
    boolean nullable = true;
    SqlNode defaultValue = null;
    String encoding = null;
    Span s;
    SqlIdentifier referencedTable;
    SqlNodeList referencedColumns;
    SqlIdentifier encodingName;
}
{
    type = DataType()
    (
        <NOT> <NULL> { nullable = false; }
    |
        <NULL> { nullable = true; }
    |
        <DEFAULT_> defaultValue = Expression(ExprContext.ACCEPT_SUB_QUERY)
    |
        <ENCODE> encodingName = SimpleIdentifier() {
            encoding = encodingName.getSimple().toUpperCase(Locale.ROOT);
        }
    |
        <DISTKEY> { attributes.distKey(id.getSimple(), getPos()); }
    |
        <SORTKEY> {
            attributes.sortKey(null, Collections.singletonList(id.getSimple()), getPos());
        }
    |
        <PRIMARY> { s = span(); } <KEY> {
            nullable = false;
            constraints.add(
                SqlDdlNodes.primary(s.end(this), null, SqlNodeList.of(id)));
        }
    |
        <UNIQUE> {
            constraints.add(SqlDdlNodes.unique(getPos(), null, SqlNodeList.of(id)));
        }
    |
        <REFERENCES> { s = span(); } referencedTable = CompoundIdentifier()
        (
            referencedColumns = ParenthesizedSimpleIdentifierList()
        |
            { referencedColumns = SqlNodeList.EMPTY; }
        )
        {
            constraints.add(new SqlForeignKey(s.end(this), null, SqlNodeList.of(id),
                referencedTable, referencedColumns));
        }
    )*
    {
        columns.add(new SqlBasaltColumn(id.getParserPosition().plus(getPos()), id, type,
            nullable, defaultValue, encoding));
    }
}

/**
 * Parses one table attribute: DISTSTYLE {AUTO | EVEN | KEY | ALL}, DISTKEY (col) or
 * [COMPOUND | INTERLEAVED] SORTKEY {(cols) | AUTO}.
 */
void BasaltTableAttribute(TableAttributesBuilder attributes) :
{
    final Span s;
    String kind = null;
    List<String> columns;
    SqlIdentifier id;
}
{
    <DISTSTYLE> { s = span(); }
    ( <AUTO> | <EVEN> | <KEY> | <ALL> ) {
        attributes.distStyle(token.image.toUpperCase(Locale.ROOT), s.end(this));
    }
|
    <DISTKEY> { s = span(); }
    <LPAREN> id = SimpleIdentifier() <RPAREN> {
        attributes.distKey(id.getSimple(), s.end(this));
    }
|
    (
        ( <COMPOUND> | <INTERLEAVED> ) {
            s = span();
            kind = token.image.toUpperCase(Locale.ROOT);
        }
        <SORTKEY>
    |
        <SORTKEY> { s = span(); }
    )
    (
        columns = BasaltNameList()
    |
        <AUTO> { columns = Collections.emptyList(); }
    )
    { attributes.sortKey(kind, columns, s.end(this)); }
}

/** Parses CREATE SCHEMA [IF NOT EXISTS] s [AUTHORIZATION user]. */
SqlCreate BasaltCreateSchema(Span s, boolean replace) :
{
    final boolean ifNotExists;
    final SqlIdentifier name;
    SqlIdentifier authorization = null;
}
{
    <SCHEMA> ifNotExists = BasaltIfNotExists()
    name = SimpleIdentifier()
    [ <AUTHORIZATION> authorization = SimpleIdentifier() ]
    {
        if (replace) {
            throw ParseErrors.at(s.end(this),
                "Cannot create schema: OR REPLACE is not supported for schemas");
        }
        return new SqlCreateBasaltSchema(s.end(this), ifNotExists, name, authorization);
    }
}

/** Parses CREATE [OR REPLACE] VIEW v [(cols)] AS query [WITH NO SCHEMA BINDING]. */
SqlCreate BasaltCreateView(Span s, boolean replace) :
{
    final SqlIdentifier name;
    SqlNodeList columns = null;
    final SqlNode query;
    boolean noSchemaBinding = false;
}
{
    <VIEW> name = CompoundIdentifier()
    [ columns = ParenthesizedSimpleIdentifierList() ]
    <AS> query = OrderedQueryOrExpr(ExprContext.ACCEPT_QUERY)
    [ <WITH> <NO> <SCHEMA> <BINDING> { noSchemaBinding = true; } ]
    {
        return new SqlCreateBasaltView(s.end(this), replace, name, columns, query,
            noSchemaBinding);
    }
}

/** Parses DROP TABLE [IF EXISTS] a [, b ...] [CASCADE | RESTRICT]. */
SqlDrop BasaltDropTable(Span s, boolean replace) :
{
    final boolean ifExists;
    final List<SqlIdentifier> names = new ArrayList<SqlIdentifier>();
    SqlIdentifier name;
    final boolean cascade;
}
{
    <TABLE> ifExists = BasaltIfExists()
    name = CompoundIdentifier() { names.add(name); }
    ( <COMMA> name = CompoundIdentifier() { names.add(name); } )*
    cascade = BasaltCascadeOpt()
    { return new SqlDropBasaltTable(s.end(this), ifExists, names, cascade); }
}

/** Parses DROP SCHEMA [IF EXISTS] s [CASCADE | RESTRICT]. */
SqlDrop BasaltDropSchema(Span s, boolean replace) :
{
    final boolean ifExists;
    final SqlIdentifier name;
    final boolean cascade;
}
{
    <SCHEMA> ifExists = BasaltIfExists()
    name = SimpleIdentifier()
    cascade = BasaltCascadeOpt()
    { return new SqlDropBasaltSchema(s.end(this), ifExists, name, cascade); }
}

/** Parses DROP VIEW [IF EXISTS] v into Calcite's own node. */
SqlDrop BasaltDropView(Span s, boolean replace) :
{
    final boolean ifExists;
    final SqlIdentifier name;
}
{
    <VIEW> ifExists = BasaltIfExists()
    name = CompoundIdentifier()
    { return SqlDdlNodes.dropView(s.end(this), ifExists, name); }
}

/** Parses TRUNCATE [TABLE] t into Calcite's own node. */
SqlTruncate BasaltTruncateTable(Span s) :
{
    final SqlIdentifier name;
}
{
    [ <TABLE> ]
    name = CompoundIdentifier()
    { return SqlDdlNodes.truncateTable(s.end(this), name, true); }
}

/** Parses VACUUM [FULL | SORT ONLY | DELETE ONLY | REINDEX] [table] [TO n PERCENT]. */
SqlNode BasaltVacuum() :
{
    final Span s;
    SqlVacuum.Mode mode = SqlVacuum.Mode.FULL;
    SqlIdentifier table = null;
    Integer thresholdPercent = null;
    int percent;
}
{
    <VACUUM> { s = span(); }
    // "sort" and "reindex" may also be table names; as in Redshift, the mode wins.
    [
        LOOKAHEAD(2)
        (
            <FULL> { mode = SqlVacuum.Mode.FULL; }
        |
            <SORT> <ONLY> { mode = SqlVacuum.Mode.SORT_ONLY; }
        |
            <DELETE> <ONLY> { mode = SqlVacuum.Mode.DELETE_ONLY; }
        |
            <REINDEX> { mode = SqlVacuum.Mode.REINDEX; }
        )
    ]
    [ table = CompoundIdentifier() ]
    [
        <TO> percent = UnsignedIntLiteral() <PERCENT> {
            if (percent > 100) {
                throw ParseErrors.at(getPos(),
                    "Cannot vacuum: TO " + percent + " PERCENT is not between 0 and 100");
            }
            thresholdPercent = percent;
        }
    ]
    { return new SqlVacuum(s.end(this), mode, table, thresholdPercent); }
}

/** Parses ANALYZE [table [(cols)]]. */
SqlNode BasaltAnalyze() :
{
    final Span s;
    SqlIdentifier table = null;
    List<String> columns = Collections.emptyList();
}
{
    <ANALYZE> { s = span(); }
    [
        table = CompoundIdentifier()
        [ columns = BasaltNameList() ]
    ]
    { return new SqlAnalyze(s.end(this), table, columns); }
}

/** Parses "TOP n" after SELECT; selectTop.ftl wires it into SqlSelect(). */
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
        ( <YEAR> | <MONTH> | <DAY> | <HOUR> | <MINUTE> | <SECOND> ) { part = token.image; }
    |
        id = SimpleIdentifier() { part = id.getSimple(); }
    |
        part = SimpleStringLiteral()
    )
    { return SqlLiteral.createCharString(part.toLowerCase(Locale.ROOT), getPos()); }
}
