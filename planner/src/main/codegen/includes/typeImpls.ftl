<#--
  Redshift's type names and defaults for Basalt's parser, tried before Calcite's own.
-->

/**
 * Parses a Redshift type name, mapping it onto Calcite's types:
 * INT2/INT4/INT8 to SMALLINT/INTEGER/BIGINT; FLOAT4 and FLOAT(1..24) to REAL; FLOAT8 and FLOAT to
 * DOUBLE; BOOL to BOOLEAN; TEXT and VARCHAR, NVARCHAR, CHARACTER VARYING without length to
 * VARCHAR(256), and with MAX to VARCHAR(65535); CHAR, CHARACTER, NCHAR without length to CHAR(1)
 * and with MAX to CHAR(4096); BPCHAR to CHAR(256); DECIMAL/NUMERIC without precision to
 * DECIMAL(18, 0); TIMESTAMPTZ and TIMESTAMP WITH TIME ZONE to TIMESTAMP WITH LOCAL TIME ZONE.
 * These are Redshift's documented defaults. Other types fall through to Calcite's grammar.
 */
SqlTypeNameSpec BasaltTypeName() :
{
    final Token first = getToken(1);
    SqlTypeName typeName;
    int precision = RelDataType.PRECISION_NOT_SPECIFIED;
    int scale = RelDataType.SCALE_NOT_SPECIFIED;
}
{
    (
        <INT2> { typeName = SqlTypeName.SMALLINT; }
    |
        <INT4> { typeName = SqlTypeName.INTEGER; }
    |
        <INT8> { typeName = SqlTypeName.BIGINT; }
    |
        <FLOAT4> { typeName = SqlTypeName.REAL; }
    |
        <FLOAT8> { typeName = SqlTypeName.DOUBLE; }
    |
        <FLOAT> precision = PrecisionOpt() {
            typeName = precision >= 1 && precision <= 24 ? SqlTypeName.REAL : SqlTypeName.DOUBLE;
            precision = -1;
        }
    |
        <BOOL> { typeName = SqlTypeName.BOOLEAN; }
    |
        <TEXT> { typeName = SqlTypeName.VARCHAR; precision = 256; }
    |
        ( <VARCHAR> | <NVARCHAR> ) { typeName = SqlTypeName.VARCHAR; }
        precision = BasaltLength(256, 65535)
    |
        ( <CHAR> | <CHARACTER> | <NCHAR> )
        (
            <VARYING> { typeName = SqlTypeName.VARCHAR; }
            precision = BasaltLength(256, 65535)
        |
            { typeName = SqlTypeName.CHAR; }
            precision = BasaltLength(1, 4096)
        )
    |
        <BPCHAR> { typeName = SqlTypeName.CHAR; }
        precision = BasaltLength(256, 4096)
    |
        ( <DECIMAL> | <DEC> | <NUMERIC> ) {
            typeName = SqlTypeName.DECIMAL;
            precision = 18;
            scale = 0;
        }
        [
            <LPAREN> precision = UnsignedIntLiteral()
            [ <COMMA> scale = UnsignedIntLiteral() ]
            <RPAREN>
        ]
    |
        <TIMESTAMPTZ> { typeName = SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE; }
    |
        <TIMESTAMP> precision = PrecisionOpt()
        (
            LOOKAHEAD(3)
            <WITHOUT> <TIME> <ZONE> { typeName = SqlTypeName.TIMESTAMP; }
        |
            LOOKAHEAD(3)
            <WITH> <TIME> <ZONE> { typeName = SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE; }
        |
            // Calcite's own spelling, which generated SQL (casts in INSERT) uses.
            <WITH> <LOCAL> <TIME> <ZONE>
            { typeName = SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE; }
        |
            { typeName = SqlTypeName.TIMESTAMP; }
        )
    )
    {
        final SqlParserPos pos =
            new SqlParserPos(first.beginLine, first.beginColumn, token.endLine, token.endColumn);
        // Built as Calcite's grammar builds them, so that "unspecified" looks the same.
        if (precision < 0) {
            return new SqlBasicTypeNameSpec(typeName, pos);
        }
        if (scale < 0) {
            return new SqlBasicTypeNameSpec(typeName, precision, pos);
        }
        return new SqlBasicTypeNameSpec(typeName, precision, scale, pos);
    }
}

/** Parses an optional "(n)" or "(MAX)" after a character type. */
int BasaltLength(int defaultLength, int maxLength) :
{
    int length;
}
{
    <LPAREN>
    (
        length = UnsignedIntLiteral()
    |
        <MAX> { length = maxLength; }
    )
    <RPAREN>
    { return length; }
|
    { return defaultLength; }
}
