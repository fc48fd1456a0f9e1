<#--
  Redshift's ALTER TABLE for Basalt's parser; it reuses the column grammar of parserImpls.ftl.
-->

/**
 * Parses ALTER TABLE t followed by ADD [COLUMN], DROP [COLUMN], RENAME TO, RENAME [COLUMN] ... TO,
 * ALTER COLUMN ... TYPE, ALTER DISTSTYLE, ALTER DISTKEY or ALTER [COMPOUND] SORTKEY.
 */
SqlNode BasaltAlterTable() :
{
    final Span s;
    final SqlIdentifier table;
    final SqlAlterBasaltTable.Action action;
}
{
    <ALTER> { s = span(); } <TABLE>
    table = CompoundIdentifier()
    (
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
