<#--
  Statements of federated schemas for Basalt's parser: CREATE SECRET, DROP SECRET and REFRESH
  EXTERNAL SCHEMA. CREATE EXTERNAL SCHEMA ... FROM POSTGRES | MYSQL is in externalImpls.ftl.
-->

/** Parses what follows CREATE [OR REPLACE]: SECRET [IF NOT EXISTS] s USER 'u' PASSWORD 'p'. */
SqlCreate BasaltCreateSecret(Span s, boolean replace) :
{
    final boolean ifNotExists;
    final SqlIdentifier name;
    final String user;
    final String password;
}
{
    <SECRET> ifNotExists = BasaltIfNotExists()
    name = SimpleIdentifier()
    <USER> user = SimpleStringLiteral()
    <PASSWORD> password = SimpleStringLiteral()
    {
        return SqlCreateSecret.create(s.end(this), replace, ifNotExists, name, user, password);
    }
}

/** Parses what follows DROP: SECRET [IF EXISTS] s. */
SqlDrop BasaltDropSecret(Span s, boolean replace) :
{
    final boolean ifExists;
    final SqlIdentifier name;
}
{
    <SECRET> ifExists = BasaltIfExists()
    name = SimpleIdentifier()
    { return new SqlDropSecret(s.end(this), ifExists, name); }
}

/** Parses REFRESH EXTERNAL SCHEMA s. */
SqlNode BasaltRefresh() :
{
    final Span s;
    final SqlIdentifier name;
}
{
    <REFRESH> { s = span(); } <EXTERNAL> <SCHEMA>
    name = SimpleIdentifier()
    { return new SqlRefreshExternalSchema(s.end(this), name); }
}
