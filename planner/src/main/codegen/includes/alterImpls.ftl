<#--
  Redshift's ALTER TABLE for Basalt's parser; it reuses the column grammar of parserImpls.ftl and
  the property list of externalImpls.ftl.
-->

/**
 * Parses ALTER TABLE t followed by ADD [COLUMN], DROP [COLUMN], RENAME TO, RENAME [COLUMN] ... TO,
 * ALTER COLUMN ... TYPE, ALTER DISTSTYLE, ALTER DISTKEY or ALTER [COMPOUND] SORTKEY, which give a
 * SqlAlterBasaltTable; or, for an external table, by ADD [IF NOT EXISTS] PARTITION, DROP [IF
 * EXISTS] PARTITION, [PARTITION (...)] SET LOCATION or SET TABLE PROPERTIES, which give a
 * SqlAlterExternalTable.
 */
SqlNode BasaltAlterTable() :
{
    final Span s;
    final SqlIdentifier table;
    final SqlAlterBasaltTable.Action action;
    final SqlAlterExternalTable.Action externalAction;
}
{
    <ALTER> { s = span(); } <TABLE>
    table = CompoundIdentifier()
    (
        // Iceberg's partition evolution and Athena's ADD COLUMNS (...), before the other ADD,
        // DROP and SET forms they share their first words with.
        LOOKAHEAD(3) action = BasaltAlterPartitionField()
    |
        LOOKAHEAD(2) <SET> <PARTITION> <SPEC> {
            action = new SqlAlterBasaltTable.ChangePartitioning("SET",
                BasaltTransformList());
        }
    |
        LOOKAHEAD(3) action = BasaltAlterTableAddColumns(table)
    |
        action = BasaltAlterTableExecute()
    |
        action = BasaltAlterTableCreateRef()
    |
        // "tag" may name a column: DROP tag drops it, DROP TAG name drops a tag.
        LOOKAHEAD(3) action = BasaltAlterTableDropRef()
    |
        // "if" may name a column: ADD if INT adds it, ADD IF NOT EXISTS PARTITION does not.
        LOOKAHEAD(3) externalAction = BasaltAlterTableAddPartitions(table) {
            return new SqlAlterExternalTable(s.end(this), table, externalAction);
        }
    |
        LOOKAHEAD(3) externalAction = BasaltAlterTableDropPartitions(table) {
            return new SqlAlterExternalTable(s.end(this), table, externalAction);
        }
    |
        externalAction = BasaltAlterTableSet(table) {
            return new SqlAlterExternalTable(s.end(this), table, externalAction);
        }
    |
        action = BasaltAlterTableAdd(table)
    |
        action = BasaltAlterTableDrop()
    |
        action = BasaltAlterTableRename()
    |
        <ALTER> action = BasaltAlterTableAlter()
    )
    { return new SqlAlterBasaltTable(s.end(this), table, action); }
}

/** Parses EXECUTE procedure [(argument, ...)]. */
SqlAlterBasaltTable.Action BasaltAlterTableExecute() :
{
    final SqlIdentifier procedure;
    List<SqlNode> arguments = Collections.<SqlNode>emptyList();
}
{
    <EXECUTE> procedure = SimpleIdentifier()
    [ arguments = BasaltTransformList() ]
    {
        return new SqlAlterBasaltTable.Execute(
            procedure.getSimple().toLowerCase(Locale.ROOT), arguments);
    }
}

/**
 * Parses Spark's CREATE [OR REPLACE] TAG | BRANCH [IF NOT EXISTS] name [AS OF VERSION id]
 * [RETAIN n DAYS] for Iceberg tables.
 */
SqlAlterBasaltTable.Action BasaltAlterTableCreateRef() :
{
    boolean replace = false;
    final boolean branch;
    boolean ifNotExists = false;
    final SqlIdentifier name;
    SqlNode snapshot = null;
    SqlNode days = null;
}
{
    <CREATE> [ <OR> <REPLACE> { replace = true; } ]
    ( <TAG> { branch = false; } | <BRANCH> { branch = true; } )
    [ <IF> <NOT> <EXISTS> { ifNotExists = true; } ]
    name = SimpleIdentifier()
    [ <AS> <OF> <VERSION> snapshot = UnsignedNumericLiteral() ]
    [ <RETAIN> days = UnsignedNumericLiteral() <DAYS> ]
    {
        return new SqlAlterBasaltTable.CreateRef(branch, name.getSimple(), replace, ifNotExists,
            snapshot == null ? null : ((SqlLiteral) snapshot).longValue(true),
            days == null ? null : ((SqlLiteral) days).longValue(true));
    }
}

/** Parses DROP TAG | BRANCH [IF EXISTS] name. */
SqlAlterBasaltTable.Action BasaltAlterTableDropRef() :
{
    final boolean branch;
    boolean ifExists = false;
    final SqlIdentifier name;
}
{
    <DROP> ( <TAG> { branch = false; } | <BRANCH> { branch = true; } )
    [ <IF> <EXISTS> { ifExists = true; } ]
    name = SimpleIdentifier()
    { return new SqlAlterBasaltTable.DropRef(branch, name.getSimple(), ifExists); }
}

/** Parses ADD PARTITION FIELD transform or DROP PARTITION FIELD transform. */
SqlAlterBasaltTable.Action BasaltAlterPartitionField() :
{
    final String kind;
    final SqlNode transform;
}
{
    ( <ADD> { kind = "ADD"; } | <DROP> { kind = "DROP"; } )
    <PARTITION> <FIELD>
    transform = Expression(ExprContext.ACCEPT_NON_QUERY) {
        return new SqlAlterBasaltTable.ChangePartitioning(kind,
            Collections.singletonList(transform));
    }
}

/** Parses (transform, ...) of SET PARTITION SPEC; empty parentheses unpartition the table. */
List<SqlNode> BasaltTransformList() :
{
    final List<SqlNode> transforms = new ArrayList<SqlNode>();
    SqlNode transform;
}
{
    <LPAREN>
    [
        transform = Expression(ExprContext.ACCEPT_NON_QUERY) { transforms.add(transform); }
        (
            <COMMA>
            transform = Expression(ExprContext.ACCEPT_NON_QUERY) { transforms.add(transform); }
        )*
    ]
    <RPAREN>
    { return transforms; }
}

/** Parses Athena's ADD COLUMNS (name type, ...). */
SqlAlterBasaltTable.Action BasaltAlterTableAddColumns(SqlIdentifier table) :
{
    final Span s;
    final List<SqlNode> columns = new ArrayList<SqlNode>();
    final List<SqlNode> constraints = new ArrayList<SqlNode>();
    final TableAttributesBuilder attributes = new TableAttributesBuilder(table.toString());
    SqlIdentifier name;
}
{
    <ADD> { s = span(); } <COLUMNS> <LPAREN>
    name = SimpleIdentifier() BasaltColumnDefinition(name, columns, constraints, attributes)
    (
        <COMMA>
        name = SimpleIdentifier() BasaltColumnDefinition(name, columns, constraints, attributes)
    )*
    <RPAREN>
    {
        if (!constraints.isEmpty() || !attributes.build().equals(TableAttributes.NONE)) {
            throw ParseErrors.at(s.end(this), "Cannot alter table \"" + table
                + "\": ADD COLUMNS cannot declare keys or constraints");
        }
        List<SqlBasaltColumn> added = new ArrayList<SqlBasaltColumn>();
        for (SqlNode column : columns) {
            added.add((SqlBasaltColumn) column);
        }
        return new SqlAlterBasaltTable.AddColumns(added);
    }
}

/** Parses ADD [IF NOT EXISTS] PARTITION (k = v, ...) [LOCATION '...'] [[,] PARTITION ...]. */
SqlAlterExternalTable.Action BasaltAlterTableAddPartitions(SqlIdentifier table) :
{
    final boolean ifNotExists;
    final List<SqlAlterExternalTable.NewPartition> partitions =
        new ArrayList<SqlAlterExternalTable.NewPartition>();
    SqlAlterExternalTable.PartitionSpec partition;
    String location;
}
{
    <ADD> ifNotExists = BasaltIfNotExists()
    partition = BasaltPartitionSpec(table) { location = null; }
    [ <LOCATION> location = SimpleStringLiteral() ]
    { partitions.add(new SqlAlterExternalTable.NewPartition(partition, location)); }
    (
        [ <COMMA> ]
        partition = BasaltPartitionSpec(table) { location = null; }
        [ <LOCATION> location = SimpleStringLiteral() ]
        { partitions.add(new SqlAlterExternalTable.NewPartition(partition, location)); }
    )*
    { return new SqlAlterExternalTable.AddPartitions(ifNotExists, partitions); }
}

/** Parses DROP [IF EXISTS] PARTITION (k = v, ...) [, PARTITION ...]. */
SqlAlterExternalTable.Action BasaltAlterTableDropPartitions(SqlIdentifier table) :
{
    final boolean ifExists;
    final List<SqlAlterExternalTable.PartitionSpec> partitions =
        new ArrayList<SqlAlterExternalTable.PartitionSpec>();
    SqlAlterExternalTable.PartitionSpec partition;
}
{
    <DROP> ifExists = BasaltIfExists()
    partition = BasaltPartitionSpec(table) { partitions.add(partition); }
    (
        [ <COMMA> ]
        partition = BasaltPartitionSpec(table) { partitions.add(partition); }
    )*
    { return new SqlAlterExternalTable.DropPartitions(ifExists, partitions); }
}

/**
 * Parses [PARTITION (k = v, ...)] SET LOCATION '...', or SET TABLE PROPERTIES ('k' = 'v', ...)
 * (also spelled SET TBLPROPERTIES).
 */
SqlAlterExternalTable.Action BasaltAlterTableSet(SqlIdentifier table) :
{
    SqlAlterExternalTable.PartitionSpec partition = null;
    final String location;
    final Map<String, String> properties;
}
{
    partition = BasaltPartitionSpec(table)
    <SET> <LOCATION> location = SimpleStringLiteral() {
        return new SqlAlterExternalTable.SetLocation(partition, location);
    }
|
    <SET>
    (
        <LOCATION> location = SimpleStringLiteral() {
            return new SqlAlterExternalTable.SetLocation(null, location);
        }
    |
        ( <TABLE> <PROPERTIES> | <TBLPROPERTIES> )
        properties = BasaltPropertyList(SqlAlterExternalTable.errorPrefix(table)) {
            return new SqlAlterExternalTable.SetTableProperties(properties);
        }
    )
}

/**
 * Parses PARTITION (k = v [, ...]), where each value is a number, a string or a date/time
 * literal.
 */
SqlAlterExternalTable.PartitionSpec BasaltPartitionSpec(SqlIdentifier table) :
{
    final Map<String, SqlLiteral> values = new LinkedHashMap<String, SqlLiteral>();
}
{
    <PARTITION> <LPAREN>
    BasaltPartitionValue(table, values)
    ( <COMMA> BasaltPartitionValue(table, values) )*
    <RPAREN>
    { return new SqlAlterExternalTable.PartitionSpec(values); }
}

/** Parses one key = value of a partition. */
void BasaltPartitionValue(SqlIdentifier table, Map<String, SqlLiteral> values) :
{
    final SqlIdentifier key;
    final SqlNode value;
}
{
    key = SimpleIdentifier() <EQ> value = NonIntervalLiteral() {
        SqlAlterExternalTable.PartitionSpec.add(table, values, key.getSimple(),
            (SqlLiteral) value, value.getParserPosition());
    }
}

/** Parses ADD [COLUMN] name type [DEFAULT e] [ENCODE x] [NOT NULL | NULL]. */
SqlAlterBasaltTable.Action BasaltAlterTableAdd(SqlIdentifier table) :
{
    final Span s;
    final SqlIdentifier name;
    final List<SqlNode> columns = new ArrayList<SqlNode>();
    final List<SqlNode> constraints = new ArrayList<SqlNode>();
    final TableAttributesBuilder attributes = new TableAttributesBuilder(table.toString());
}
{
    <ADD> { s = span(); } [ <COLUMN> ]
    name = SimpleIdentifier()
    BasaltColumnDefinition(name, columns, constraints, attributes)
    {
        // The column grammar is shared with CREATE TABLE, which also allows keys.
        if (!constraints.isEmpty() || !attributes.build().equals(TableAttributes.NONE)) {
            throw ParseErrors.at(s.end(this), "Cannot alter table \"" + table
                + "\": ADD COLUMN cannot declare keys or constraints");
        }
        return new SqlAlterBasaltTable.AddColumn((SqlBasaltColumn) columns.get(0));
    }
}

/** Parses DROP [COLUMN] name [CASCADE | RESTRICT]. */
SqlAlterBasaltTable.Action BasaltAlterTableDrop() :
{
    final SqlIdentifier name;
    final boolean cascade;
}
{
    <DROP> [ <COLUMN> ]
    name = SimpleIdentifier()
    cascade = BasaltCascadeOpt()
    { return new SqlAlterBasaltTable.DropColumn(name.getSimple(), cascade); }
}

/** Parses RENAME TO new_name or RENAME [COLUMN] name TO new_name. */
SqlAlterBasaltTable.Action BasaltAlterTableRename() :
{
    final SqlIdentifier name;
    final SqlIdentifier newName;
}
{
    <RENAME>
    (
        <TO> newName = SimpleIdentifier() {
            return new SqlAlterBasaltTable.RenameTable(newName.getSimple());
        }
    |
        [ <COLUMN> ] name = SimpleIdentifier()
        <TO> newName = SimpleIdentifier() {
            return new SqlAlterBasaltTable.RenameColumn(name.getSimple(), newName.getSimple());
        }
    )
}

/**
 * Parses what follows ALTER TABLE t ALTER: COLUMN name TYPE type, DISTSTYLE {ALL | EVEN | AUTO |
 * KEY DISTKEY col}, DISTKEY col, [COMPOUND] SORTKEY (cols) or SORTKEY {AUTO | NONE}.
 */
SqlAlterBasaltTable.Action BasaltAlterTableAlter() :
{
    final SqlIdentifier name;
    final SqlDataTypeSpec type;
    final List<String> columns;
}
{
    <COLUMN> name = SimpleIdentifier() <TYPE> type = DataType() {
        return new SqlAlterBasaltTable.AlterColumnType(name.getSimple(), type);
    }
|
    <DISTSTYLE>
    (
        ( <ALL> | <EVEN> | <AUTO> ) {
            return new SqlAlterBasaltTable.AlterDistribution(
                token.image.toUpperCase(Locale.ROOT), null);
        }
    |
        <KEY> <DISTKEY> name = SimpleIdentifier() {
            return new SqlAlterBasaltTable.AlterDistribution("KEY", name.getSimple());
        }
    )
|
    <DISTKEY> name = SimpleIdentifier() {
        return new SqlAlterBasaltTable.AlterDistribution("KEY", name.getSimple());
    }
|
    <COMPOUND> <SORTKEY> columns = BasaltNameList() {
        return new SqlAlterBasaltTable.AlterSortKey("COMPOUND", columns);
    }
|
    <SORTKEY>
    (
        columns = BasaltNameList() {
            return new SqlAlterBasaltTable.AlterSortKey("COMPOUND", columns);
        }
    |
        ( <AUTO> | <NONE> ) {
            return new SqlAlterBasaltTable.AlterSortKey(token.image.toUpperCase(Locale.ROOT),
                Collections.<String>emptyList());
        }
    )
}
