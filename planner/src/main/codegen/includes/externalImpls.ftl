<#--
  External (Redshift Spectrum and federated) schemas and tables for Basalt's parser: CREATE
  EXTERNAL SCHEMA, CREATE EXTERNAL TABLE [AS], MSCK REPAIR TABLE and CRAWL. ALTER TABLE's
  partition forms are in alterImpls.ftl.
-->

/** Parses what follows CREATE [OR REPLACE] EXTERNAL: a SCHEMA or a TABLE. */
SqlCreate BasaltCreateExternal(Span s, boolean replace) :
{
    final SqlCreate create;
}
{
    <EXTERNAL>
    (
        create = BasaltCreateExternalSchema(s, replace)
    |
        create = BasaltCreateExternalTable(s, replace)
    )
    { return create; }
}

/**
 * Parses SCHEMA [IF NOT EXISTS] s FROM [DATA CATALOG | POSTGRES | MYSQL] followed by options in
 * any order; see SqlCreateExternalSchema for which source takes which.
 */
SqlCreate BasaltCreateExternalSchema(Span s, boolean replace) :
{
    final boolean ifNotExists;
    final SqlIdentifier name;
    SqlCreateExternalSchema.SourceKind kind = SqlCreateExternalSchema.SourceKind.DATA_CATALOG;
    final Map<String, String> options = new LinkedHashMap<String, String>();
}
{
    <SCHEMA> ifNotExists = BasaltIfNotExists()
    name = SimpleIdentifier()
    <FROM>
    [
        <DATA> <CATALOG>
    |
        <POSTGRES> { kind = SqlCreateExternalSchema.SourceKind.POSTGRES; }
    |
        <MYSQL> { kind = SqlCreateExternalSchema.SourceKind.MYSQL; }
    ]
    ( BasaltExternalSchemaOption(name, kind, options) )*
    {
        return SqlCreateExternalSchema.create(s.end(this), replace, ifNotExists, name, kind,
            options);
    }
}

/**
 * Parses one option of CREATE EXTERNAL SCHEMA: DATABASE, SCHEMA, REGION, URI, USER, PASSWORD or
 * SECRET_ARN 'value'; PORT n; IAM_ROLE {'arn' | default}; CATALOG_ROLE {'arn' | SESSION}; or
 * CREATE EXTERNAL DATABASE IF NOT EXISTS. Any other word is parsed to be refused by name.
 */
void BasaltExternalSchemaOption(SqlIdentifier schema, SqlCreateExternalSchema.SourceKind kind,
    Map<String, String> options) :
{
    final String option;
    String value = "";
    final SqlParserPos pos;
    final int number;
}
{
    (
        (
            <DATABASE> | <SCHEMA> | <REGION> | <URI> | <USER> | <PASSWORD> | <SECRET_ARN>
        )
        { option = token.image.toUpperCase(Locale.ROOT); pos = getPos(); }
        value = SimpleStringLiteral()
    |
        <PORT> { option = "PORT"; pos = getPos(); }
        number = UnsignedIntLiteral() { value = Integer.toString(number); }
    |
        <IAM_ROLE> { option = "IAM_ROLE"; pos = getPos(); }
        (
            value = SimpleStringLiteral()
        |
            <DEFAULT_> { value = SqlCreateExternalSchema.DEFAULT_ROLE; }
        )
    |
        <CATALOG_ROLE> { option = "CATALOG_ROLE"; pos = getPos(); }
        (
            value = SimpleStringLiteral()
        |
            <SESSION> { value = SqlCreateExternalSchema.SESSION_ROLE; }
        )
    |
        <CREATE> { option = "CREATE EXTERNAL DATABASE"; pos = getPos(); }
        <EXTERNAL> <DATABASE> <IF> <NOT> <EXISTS>
    |
        // Any other word: refused by addOption with a message naming it.
        <IDENTIFIER> { option = token.image.toUpperCase(Locale.ROOT); pos = getPos(); }
        [ value = SimpleStringLiteral() | number = UnsignedIntLiteral() ]
    )
    { SqlCreateExternalSchema.addOption(schema, kind, options, option, value, pos); }
}

/**
 * Parses TABLE [IF NOT EXISTS] s.t [(col type, ...)] [PARTITIONED BY (col [type], ...)]
 * [ROW FORMAT ...] [STORED AS ...] LOCATION 's3://...' [TABLE PROPERTIES (...)] [AS query];
 * SqlCreateExternalTable.create checks which combinations are allowed. LOCATION is optional here
 * so that leaving it out gives a clear message rather than a list of expected tokens.
 */
SqlCreate BasaltCreateExternalTable(Span s, boolean replace) :
{
    final boolean ifNotExists;
    final SqlIdentifier name;
    final List<SqlBasaltColumn> columns = new ArrayList<SqlBasaltColumn>();
    final List<SqlCreateExternalTable.PartitionColumn> partitionColumns =
        new ArrayList<SqlCreateExternalTable.PartitionColumn>();
    SqlCreateExternalTable.RowFormat rowFormat = null;
    String storedAs = null;
    String inputFormat = null;
    String outputFormat = null;
    String location = null;
    Map<String, String> tableProperties = new LinkedHashMap<String, String>();
    SqlNode query = null;
}
{
    <TABLE> ifNotExists = BasaltIfNotExists()
    name = CompoundIdentifier()
    [
        <LPAREN>
        BasaltExternalColumn(name, columns)
        ( <COMMA> BasaltExternalColumn(name, columns) )*
        <RPAREN>
    ]
    [
        <PARTITIONED> <BY> <LPAREN>
        BasaltPartitionColumn(name, partitionColumns)
        ( <COMMA> BasaltPartitionColumn(name, partitionColumns) )*
        <RPAREN>
    ]
    [ rowFormat = BasaltRowFormat(name) ]
    [
        <STORED> <AS>
        (
            (
                <PARQUET> | <TEXTFILE> | <JSON> | <ORC> | <AVRO> | <SEQUENCEFILE> | <RCFILE>
            )
            { storedAs = token.image.toUpperCase(Locale.ROOT); }
        |
            <INPUTFORMAT> inputFormat = SimpleStringLiteral()
            <OUTPUTFORMAT> outputFormat = SimpleStringLiteral()
        )
    ]
    [ <LOCATION> location = SimpleStringLiteral() ]
    [
        ( <TABLE> <PROPERTIES> | <TBLPROPERTIES> )
        tableProperties = BasaltPropertyList(SqlCreateExternalTable.errorPrefix(name))
    ]
    [ <AS> query = OrderedQueryOrExpr(ExprContext.ACCEPT_QUERY) ]
    {
        return SqlCreateExternalTable.create(s.end(this), replace, ifNotExists, name, columns,
            partitionColumns, rowFormat, storedAs, inputFormat, outputFormat, location,
            tableProperties, query);
    }
}

/**
 * Parses an external table's column: a name and a Redshift type. Nested types (ARRAY<...>,
 * MAP<...>, STRUCT<...>, ROW(...)) are rejected with a message of their own.
 */
void BasaltExternalColumn(SqlIdentifier table, List<SqlBasaltColumn> columns) :
{
    final SqlIdentifier id;
    final SqlDataTypeSpec type;
}
{
    id = SimpleIdentifier()
    (
        LOOKAHEAD({ getToken(2).kind == LT && (getToken(1).kind == ARRAY
            || getToken(1).kind == MAP || getToken(1).kind == IDENTIFIER
            && getToken(1).image.equalsIgnoreCase("STRUCT")) })
        ( <ARRAY> | <MAP> | <IDENTIFIER> ) {
            throw ParseErrors.at(getPos(), SqlCreateExternalTable.errorPrefix(table) + "column \""
                + id.getSimple() + "\" has the nested type "
                + token.image.toUpperCase(Locale.ROOT) + ", which is not supported");
        }
    |
        type = DataType() {
            SqlTypeNameSpec spec = type.getTypeNameSpec();
            if (spec instanceof SqlMapTypeNameSpec || spec instanceof SqlRowTypeNameSpec
                || spec instanceof SqlCollectionTypeNameSpec) {
                throw ParseErrors.at(type.getParserPosition(),
                    SqlCreateExternalTable.errorPrefix(table) + "column \"" + id.getSimple()
                    + "\" has a nested type, which is not supported");
            }
            columns.add(new SqlBasaltColumn(id.getParserPosition().plus(getPos()), id, type,
                true, null, null, null));
        }
    )
}

/** Parses a PARTITIONED BY column: a name, with a type unless the table is created AS a query. */
void BasaltPartitionColumn(SqlIdentifier table,
    List<SqlCreateExternalTable.PartitionColumn> columns) :
{
    final SqlIdentifier id;
    SqlDataTypeSpec type = null;
}
{
    id = SimpleIdentifier()
    [ type = DataType() ]
    {
        for (SqlCreateExternalTable.PartitionColumn column : columns) {
            if (column.name().equals(id.getSimple())) {
                throw ParseErrors.at(id.getParserPosition(),
                    SqlCreateExternalTable.errorPrefix(table) + "partition column \""
                    + id.getSimple() + "\" is declared more than once");
            }
        }
        columns.add(new SqlCreateExternalTable.PartitionColumn(id.getSimple(), type));
    }
}

/**
 * Parses ROW FORMAT DELIMITED [FIELDS TERMINATED BY 'x'] [ESCAPED BY 'x'] [LINES TERMINATED BY
 * 'x'] [NULL DEFINED AS 'x'], the clauses in any order, or ROW FORMAT SERDE 'class' [WITH
 * SERDEPROPERTIES ('key' = 'value', ...)].
 */
SqlCreateExternalTable.RowFormat BasaltRowFormat(SqlIdentifier table) :
{
    final Map<String, String> properties = new LinkedHashMap<String, String>();
    Map<String, String> serdeProperties = new LinkedHashMap<String, String>();
    final String serdeClass;
    String key;
    String value;
    SqlParserPos pos;
}
{
    <ROW> <FORMAT>
    (
        <DELIMITED>
        (
            (
                <FIELDS> { pos = getPos(); } <TERMINATED> <BY> {
                    key = SqlCreateExternalTable.Delimited.FIELD_DELIMITER;
                }
            |
                <ESCAPED> { pos = getPos(); } <BY> {
                    key = SqlCreateExternalTable.Delimited.ESCAPE;
                }
            |
                <LINES> { pos = getPos(); } <TERMINATED> <BY> {
                    key = SqlCreateExternalTable.Delimited.LINE_DELIMITER;
                }
            |
                <NULL> { pos = getPos(); } <DEFINED> <AS> {
                    key = SqlCreateExternalTable.Delimited.NULL_FORMAT;
                }
            )
            value = SimpleStringLiteral() {
                SqlCreateExternalTable.Delimited.add(table, properties, key, value, pos);
            }
        )*
        { return new SqlCreateExternalTable.Delimited(properties); }
    |
        <SERDE> serdeClass = SimpleStringLiteral()
        [
            <WITH> <SERDEPROPERTIES>
            serdeProperties = BasaltPropertyList(SqlCreateExternalTable.errorPrefix(table))
        ]
        { return new SqlCreateExternalTable.Serde(serdeClass, serdeProperties); }
    )
}

/**
 * Parses ('key' = 'value' [, ...]), keeping the order written and rejecting a key given twice;
 * {@code action} starts the error message.
 */
Map<String, String> BasaltPropertyList(String action) :
{
    final Map<String, String> properties = new LinkedHashMap<String, String>();
    String key;
    String value;
}
{
    <LPAREN>
    key = SimpleStringLiteral() <EQ> value = SimpleStringLiteral() {
        properties.put(key, value);
    }
    (
        <COMMA> key = SimpleStringLiteral() <EQ> value = SimpleStringLiteral() {
            if (properties.put(key, value) != null) {
                throw ParseErrors.at(getPos(),
                    action + "property '" + key + "' is specified more than once");
            }
        }
    )*
    <RPAREN>
    { return properties; }
}

/** Parses Athena's MSCK REPAIR TABLE t. */
SqlNode BasaltMsckRepair() :
{
    final Span s;
    final SqlIdentifier table;
}
{
    <MSCK> { s = span(); } <REPAIR> <TABLE>
    table = CompoundIdentifier()
    { return new SqlMsckRepair(s.end(this), table); }
}

/** Parses CRAWL 's3://...' INTO DATABASE {db | 'db'} [WITH (key = value [, ...])]. */
SqlNode BasaltCrawl() :
{
    final Span s;
    final String location;
    final String database;
    final SqlIdentifier id;
    final Map<String, String> options = new LinkedHashMap<String, String>();
}
{
    <CRAWL> { s = span(); }
    location = SimpleStringLiteral()
    <INTO> <DATABASE>
    (
        id = SimpleIdentifier() { database = id.getSimple(); }
    |
        database = SimpleStringLiteral()
    )
    [
        <WITH> <LPAREN>
        BasaltCrawlOption(location, options)
        ( <COMMA> BasaltCrawlOption(location, options) )*
        <RPAREN>
    ]
    { return new SqlCrawl(s.end(this), location, database, options); }
}

/** Parses one CRAWL option: key = 'string' | number | TRUE | FALSE. */
void BasaltCrawlOption(String location, Map<String, String> options) :
{
    final SqlIdentifier key;
    final String value;
    final SqlLiteral number;
}
{
    key = SimpleIdentifier() <EQ>
    (
        value = SimpleStringLiteral()
    |
        number = NumericLiteral() { value = number.toValue(); }
    |
        <TRUE> { value = "true"; }
    |
        <FALSE> { value = "false"; }
    )
    { SqlCrawl.addOption(location, options, key.getSimple(), value, key.getParserPosition()); }
}
