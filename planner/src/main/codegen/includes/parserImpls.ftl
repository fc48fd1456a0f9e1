<#--
  Redshift statements for Basalt's parser: CREATE/DROP TABLE, SCHEMA and VIEW, TRUNCATE, VACUUM,
  ANALYZE and EXPLAIN ANALYZE. ALTER TABLE is in alterImpls.ftl, query syntax in
  expressionImpls.ftl, types in typeImpls.ftl, COPY in copyImpls.ftl, external schemas and tables
  in externalImpls.ftl, UNLOAD in unloadImpls.ftl and the WHEN clauses of MERGE in
  mergeImpls.ftl.
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
    TableAttributesBuilder attributes;
    SqlIdentifier likeTable = null;
    boolean likeIncludingDefaults = false;
    SqlNode query = null;
    SqlParserPos lakePos = null;
    final List<SqlNode> partitioning = new ArrayList<SqlNode>();
    SqlNode partition;
    String location = null;
    Map<String, String> properties = Map.of();
}
{
    [
        <LOCAL> ( <TEMP> | <TEMPORARY> ) { temporary = true; }
    |
        ( <TEMP> | <TEMPORARY> ) { temporary = true; }
    ]
    <TABLE>
    ifNotExists = BasaltIfNotExists()
    name = CompoundIdentifier() { attributes = new TableAttributesBuilder(name.toString()); }
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
    (
        BasaltTableAttribute(attributes)
    |
        // Athena's clauses of an Iceberg table: PARTITIONED BY (transforms), LOCATION and
        // TBLPROPERTIES, in any order among the table attributes.
        <PARTITIONED> { lakePos = getPos(); } <BY> <LPAREN>
        partition = Expression(ExprContext.ACCEPT_NON_QUERY) { partitioning.add(partition); }
        (
            <COMMA>
            partition = Expression(ExprContext.ACCEPT_NON_QUERY) { partitioning.add(partition); }
        )*
        <RPAREN>
    |
        <LOCATION> { lakePos = getPos(); } location = SimpleStringLiteral()
    |
        ( <TABLE> <PROPERTIES> | <TBLPROPERTIES> ) { lakePos = getPos(); }
        properties = BasaltPropertyList("Cannot create table \"" + name + "\": ")
    )*
    [ <AS> query = OrderedQueryOrExpr(ExprContext.ACCEPT_QUERY) ]
    {
        return SqlCreateBasaltTable.create(s.end(this), replace, temporary, ifNotExists, name,
            new SqlNodeList(columns, s.pos()), new SqlNodeList(constraints, s.pos()),
            likeTable, likeIncludingDefaults, query, attributes.build(),
            new SqlCreateBasaltTable.LakeClauses(lakePos, partitioning, location, properties));
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
 * IDENTITY(seed, step) | GENERATED BY DEFAULT AS IDENTITY(seed, step) | ENCODE encoding |
 * DISTKEY | SORTKEY | PRIMARY KEY | UNIQUE | REFERENCES t [(c)].
 */
void BasaltColumnDefinition(SqlIdentifier id, List<SqlNode> columns, List<SqlNode> constraints,
    TableAttributesBuilder attributes) :
{
    final SqlDataTypeSpec type;
    boolean nullable = true;
    SqlNode defaultValue = null;
    String encoding = null;
    SqlBasaltColumn.Identity identity = null;
    boolean generatedByDefault = false;
    int seed;
    int step;
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
        (
            <IDENTITY>
        |
            <GENERATED> <BY> <DEFAULT_> <AS> <IDENTITY> { generatedByDefault = true; }
        )
        <LPAREN> seed = IntLiteral() <COMMA> step = IntLiteral() <RPAREN> {
            identity = new SqlBasaltColumn.Identity(seed, step, generatedByDefault);
        }
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
            nullable, defaultValue, encoding, identity));
    }
}

/**
 * Parses one table attribute: DISTSTYLE {AUTO | EVEN | KEY | ALL}, DISTKEY (col),
 * [COMPOUND | INTERLEAVED] SORTKEY {(cols) | AUTO}, ENCODE AUTO or BACKUP {YES | NO}.
 * ENCODE AUTO and BACKUP are accepted and dropped: the first is Basalt's only behaviour, and
 * Basalt has no cluster snapshots for the second to exclude a table from; Redshift's own DDL
 * export writes both.
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
|
    <ENCODE> <AUTO>
|
    <BACKUP> ( <YES> | <NO> )
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
            throw ParseErrors.at(s.end(this), "Cannot create schema \"" + name
                + "\": OR REPLACE is not supported for schemas");
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

/**
 * Parses DROP TABLE [IF EXISTS] a [, b ...] [CASCADE | RESTRICT] [PURGE]; PURGE (for Iceberg
 * tables) also deletes the table's files.
 */
SqlDrop BasaltDropTable(Span s, boolean replace) :
{
    final boolean ifExists;
    final List<SqlIdentifier> names = new ArrayList<SqlIdentifier>();
    SqlIdentifier name;
    final boolean cascade;
    boolean purge = false;
}
{
    <TABLE> ifExists = BasaltIfExists()
    name = CompoundIdentifier() { names.add(name); }
    ( <COMMA> name = CompoundIdentifier() { names.add(name); } )*
    cascade = BasaltCascadeOpt()
    [ <PURGE> { purge = true; } ]
    { return new SqlDropBasaltTable(s.end(this), ifExists, names, cascade, purge); }
}

/** Parses DROP SCHEMA [IF EXISTS] s [DROP EXTERNAL DATABASE] [CASCADE | RESTRICT]. */
SqlDrop BasaltDropSchema(Span s, boolean replace) :
{
    final boolean ifExists;
    final SqlIdentifier name;
    boolean dropExternalDatabase = false;
    final boolean cascade;
}
{
    <SCHEMA> ifExists = BasaltIfExists()
    name = SimpleIdentifier()
    [ <DROP> <EXTERNAL> <DATABASE> { dropExternalDatabase = true; } ]
    cascade = BasaltCascadeOpt()
    {
        return new SqlDropBasaltSchema(s.end(this), ifExists, name, dropExternalDatabase,
            cascade);
    }
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
                throw ParseErrors.at(getPos(), "Cannot vacuum"
                    + (table == null ? "" : " \"" + table + "\"") + ": TO " + percent
                    + " PERCENT is not between 0 and 100");
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

/**
 * Parses EXPLAIN ANALYZE query; SqlStmt() tries it before Calcite's SqlExplain(), which keeps
 * plain EXPLAIN query.
 */
SqlNode BasaltExplainAnalyze() :
{
    final Span s;
    final SqlNode query;
}
{
    <EXPLAIN> { s = span(); } <ANALYZE>
    query = SqlQueryOrDml()
    { return new SqlExplainAnalyze(s.end(this), query); }
}

/** One name, or a comma-separated list of names (SET search_path TO a, b) as a SqlNodeList. */
SqlNode BasaltSetNames() :
{
    final List<SqlNode> names = new ArrayList<SqlNode>();
    SqlIdentifier name;
}
{
    name = SimpleIdentifier() { names.add(name); }
    ( <COMMA> name = SimpleIdentifier() { names.add(name); } )*
    {
        return names.size() == 1 ? names.get(0) : new SqlNodeList(names, getPos());
    }
}

/**
 * Parses OPTIMIZE t REWRITE DATA USING BIN_PACK [WHERE condition] (Athena's compaction of an
 * Iceberg table).
 */
SqlNode BasaltOptimize() :
{
    final Span s;
    final SqlIdentifier table;
    SqlNode where = null;
}
{
    <OPTIMIZE> { s = span(); }
    table = CompoundIdentifier()
    <REWRITE> <DATA> <USING> <BIN_PACK>
    [ <WHERE> where = Expression(ExprContext.ACCEPT_NON_QUERY) ]
    { return new SqlOptimize(s.end(this), table, where); }
}
