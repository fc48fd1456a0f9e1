<#--
  Redshift's COPY statement for Basalt's parser.
-->

/** Parses COPY table [(columns)] FROM 'source' [option ...]; see SqlCopy for the options. */
SqlNode BasaltCopy() :
{
    final Span s;
    final SqlIdentifier table;
    List<String> columns = Collections.emptyList();
    final String source;
    final Map<String, String> options = new LinkedHashMap<String, String>();
}
{
    <COPY> { s = span(); }
    table = CompoundIdentifier()
    [ columns = BasaltNameList() ]
    <FROM> source = SimpleStringLiteral()
    ( BasaltCopyOption(table, options) )*
    { return new SqlCopy(s.end(this), table, columns, source, options); }
}

/** Parses one COPY option and adds it to {@code options} under its upper-case name. */
void BasaltCopyOption(SqlIdentifier table, Map<String, String> options) :
{
    final String name;
    String value = "";
    final int number;
    final SqlParserPos pos;
}
{
    (
        (
            <IAM_ROLE> | <CREDENTIALS> | <DELIMITER> | <REGION> | <DATEFORMAT> | <TIMEFORMAT>
        |
            // QUOTE is not a keyword: Calcite's grammar already names the "'" token QUOTE.
            LOOKAHEAD({ getToken(1).kind == IDENTIFIER
                && getToken(1).image.equalsIgnoreCase("QUOTE") })
            <IDENTIFIER>
        )
        { name = token.image.toUpperCase(Locale.ROOT); pos = getPos(); }
        [ <AS> ] value = SimpleStringLiteral()
    |
        ( <IGNOREHEADER> | <MAXERROR> )
        { name = token.image.toUpperCase(Locale.ROOT); pos = getPos(); }
        [ <AS> ] number = UnsignedIntLiteral() { value = Integer.toString(number); }
    |
        <NULL> { name = "NULL"; pos = getPos(); }
        <AS> value = SimpleStringLiteral()
    |
        <FORMAT> [ <AS> ] BasaltCopyFormat(table, options) { return; }
    |
        BasaltCopyFormat(table, options) { return; }
    |
        <ACCEPTINVCHARS> { name = "ACCEPTINVCHARS"; pos = getPos(); }
        [ [ <AS> ] value = SimpleStringLiteral() ]
    |
        ( <COMPUPDATE> | <STATUPDATE> )
        { name = token.image.toUpperCase(Locale.ROOT); pos = getPos(); value = "ON"; }
        [
            ( <ON> | <TRUE> ) { value = "ON"; }
        |
            ( <OFF> | <FALSE> ) { value = "OFF"; }
        ]
    |
        (
            <GZIP> | <ZSTD> | <BZIP2> | <MANIFEST> | <EMPTYASNULL> | <BLANKSASNULL>
        |   <TRIMBLANKS> | <TRUNCATECOLUMNS> | <REMOVEQUOTES> | <ESCAPE> | <FILLRECORD>
        |   <ROUNDEC> | <IGNOREBLANKLINES> | <ACCEPTANYDATE>
        )
        { name = token.image.toUpperCase(Locale.ROOT); pos = getPos(); }
    )
    { SqlCopy.addOption(table, options, name, value, pos); }
}

/** Parses a data format: CSV, PARQUET, JSON ['auto' | 'jsonpaths'] or AVRO ['auto']. */
void BasaltCopyFormat(SqlIdentifier table, Map<String, String> options) :
{
    final String format;
    final SqlParserPos pos;
    String argument = null;
}
{
    (
        ( <CSV> | <PARQUET> )
        { format = token.image.toUpperCase(Locale.ROOT); pos = getPos(); }
    |
        ( <JSON> | <AVRO> )
        { format = token.image.toUpperCase(Locale.ROOT); pos = getPos(); }
        [ argument = SimpleStringLiteral() ]
    )
    {
        SqlCopy.addOption(table, options, "FORMAT", format, pos);
        if (argument != null) {
            SqlCopy.addOption(table, options, format, argument, getPos());
        }
    }
}
