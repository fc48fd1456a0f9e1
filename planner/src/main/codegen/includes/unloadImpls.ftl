<#--
  Redshift's UNLOAD statement for Basalt's parser.
-->

/** Parses UNLOAD ('query') TO 's3://...' [option ...]; see SqlUnload for the options. */
SqlNode BasaltUnload() :
{
    final Span s;
    final String query;
    final String target;
    final List<String> partitionBy = new ArrayList<String>();
    final Map<String, String> options = new LinkedHashMap<String, String>();
}
{
    <UNLOAD> { s = span(); }
    <LPAREN> query = SimpleStringLiteral() <RPAREN>
    <TO> target = SimpleStringLiteral()
    ( BasaltUnloadOption(target, partitionBy, options) )*
    { return SqlUnload.create(s.end(this), query, target, partitionBy, options); }
}

/**
 * Parses one UNLOAD option and adds it to {@code options} under its upper-case name; the
 * columns of PARTITION BY go to {@code partitionBy}.
 */
void BasaltUnloadOption(String target, List<String> partitionBy, Map<String, String> options) :
{
    final String name;
    String value = "";
    final SqlParserPos pos;
    final SqlNumericLiteral size;
    final List<String> columns;
}
{
    (
        <IAM_ROLE> { name = "IAM_ROLE"; pos = getPos(); }
        (
            value = SimpleStringLiteral()
        |
            <DEFAULT_> { value = SqlCreateExternalSchema.DEFAULT_ROLE; }
        )
    |
        <EXTENSION> { name = "EXTENSION"; pos = getPos(); }
        value = SimpleStringLiteral()
    |
        ( <CREDENTIALS> | <DELIMITER> | <NULL> | <REGION> )
        { name = token.image.toUpperCase(Locale.ROOT); pos = getPos(); }
        [ <AS> ] value = SimpleStringLiteral()
    |
        <FORMAT> { name = "FORMAT"; pos = getPos(); } [ <AS> ]
        ( <CSV> | <PARQUET> | <JSON> ) { value = token.image.toUpperCase(Locale.ROOT); }
    |
        ( <CSV> | <PARQUET> | <JSON> ) {
            name = "FORMAT";
            pos = getPos();
            value = token.image.toUpperCase(Locale.ROOT);
        }
    |
        <PARTITION> { name = "PARTITION BY"; pos = getPos(); } <BY>
        columns = BasaltNameList()
        [ <INCLUDE> { value = "INCLUDE"; } ]
        { partitionBy.addAll(columns); }
    |
        ( <MAXFILESIZE> | <ROWGROUPSIZE> )
        { name = token.image.toUpperCase(Locale.ROOT); pos = getPos(); }
        [ <AS> ] size = UnsignedNumericLiteral() { value = size.toValue(); }
        [ ( <MB> | <GB> ) { value = value + " " + token.image.toUpperCase(Locale.ROOT); } ]
    |
        <PARALLEL> { name = "PARALLEL"; pos = getPos(); value = "ON"; }
        [
            ( <ON> | <TRUE> ) { value = "ON"; }
        |
            ( <OFF> | <FALSE> ) { value = "OFF"; }
        ]
    |
        <MANIFEST> { name = "MANIFEST"; pos = getPos(); }
        [ <VERBOSE> { value = "VERBOSE"; } ]
    |
        (
            <ALLOWOVERWRITE> | <CLEANPATH> | <HEADER> | <ADDQUOTES> | <ESCAPE> | <GZIP>
        |   <ZSTD> | <BZIP2> | <ENCRYPTED>
        )
        { name = token.image.toUpperCase(Locale.ROOT); pos = getPos(); }
    )
    { SqlUnload.addOption(target, options, name, value, pos); }
}
