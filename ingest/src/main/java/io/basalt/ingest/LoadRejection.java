package io.basalt.ingest;

/**
 * Why one input row was rejected: Redshift's STL_LOAD_ERRORS code and reason, the SQLSTATE the
 * COPY fails with if this row is one too many, the field (-1 for the whole row) and the
 * position of the problem inside the field. Thrown without a stack trace: it is data, not a bug.
 */
final class LoadRejection extends Exception {
  // Codes from Redshift's load error reference.
  static final int EXTRA_COLUMNS = 1202;
  static final int OUT_OF_RANGE = 1204;
  static final int STRING_TOO_LONG = 1204;
  static final int INVALID_DATE = 1205;
  static final int INVALID_TIMESTAMP = 1206;
  static final int INVALID_DIGIT = 1207;
  static final int INVALID_FLOAT = 1208;
  static final int INVALID_BOOLEAN = 1210;
  static final int EMPTY_LINE = 1211;
  static final int NOT_NULL = 1213;
  static final int DELIMITER_NOT_FOUND = 1214;
  static final int CHAR_FIELD = 1215;
  static final int INVALID_LINE = 1216;
  static final int INVALID_UTF8 = 1220;
  static final int INTEGER_OVERFLOW = 1222;

  private static final long serialVersionUID = 1L;

  private final int errorCode;
  private final String sqlState;
  private final int field;
  private final int position;

  private LoadRejection(int errorCode, String sqlState, String reason, int field, int position) {
    super(reason, null, false, false);
    this.errorCode = errorCode;
    this.sqlState = sqlState;
    this.field = field;
    this.position = position;
  }

  /** A rejection of the row as a whole (field count, quoting), located at {@code field}. */
  static LoadRejection row(int errorCode, String sqlState, String reason, int field) {
    return new LoadRejection(errorCode, sqlState, reason, field, 0);
  }

  /** A rejection of one value; {@code position} is the offset of the bad character. */
  static LoadRejection value(int errorCode, String sqlState, String reason, int position) {
    return new LoadRejection(errorCode, sqlState, reason, -1, position);
  }

  /** The same rejection attributed to {@code newField}. */
  LoadRejection atField(int newField) {
    return new LoadRejection(errorCode, sqlState, getMessage(), newField, position);
  }

  int errorCode() {
    return errorCode;
  }

  String sqlState() {
    return sqlState;
  }

  String reason() {
    return getMessage();
  }

  int field() {
    return field;
  }

  int position() {
    return position;
  }
}
