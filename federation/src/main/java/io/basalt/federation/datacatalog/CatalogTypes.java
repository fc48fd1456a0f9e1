package io.basalt.federation.datacatalog;

import static java.util.Objects.requireNonNull;

import io.basalt.storage.ColumnType;
import io.basalt.storage.StorageException;
import io.basalt.storage.TypeName;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The mapping between the catalog's type strings (Hive's names, as Glue stores them, and
 * Redshift's aliases) and Basalt's {@link ColumnType}s.
 *
 * <p>Defaults follow the dialect each name comes from: {@code decimal} and {@code numeric}
 * without arguments are Hive's {@code decimal(10,0)}; Redshift's {@code varchar} and {@code text}
 * are {@code varchar(256)}, {@code char} is {@code char(1)} and {@code bpchar} is
 * {@code char(256)}; Hive's {@code string} is {@code varchar(65535)}, the longest Basalt has.
 * {@code tinyint} widens to {@code smallint}. Nested types and {@code binary} are not supported.
 */
public final class CatalogTypes {
  static final int MAX_VARCHAR_LENGTH = 65535;
  static final int MAX_CHAR_LENGTH = 4096;
  static final int MAX_DECIMAL_PRECISION = 38;

  /** A base name, optionally followed by one or two integer arguments. */
  private static final Pattern TYPE =
      Pattern.compile("([a-z][a-z0-9 ]*?)(?:\\((\\d{1,9})(?:,(\\d{1,9}))?\\))?");

  private CatalogTypes() {}

  /**
   * The Basalt type of a catalog type string; {@code columnName} is for the messages. Throws 0A000
   * for a type Basalt cannot read and 22023 for a length, precision or scale out of range.
   */
  public static ColumnType toColumnType(String type, String columnName) {
    requireNonNull(type, "type is null");
    requireNonNull(columnName, "columnName is null");
    String normalized = normalize(type);
    Matcher matcher = TYPE.matcher(normalized);
    if (!matcher.matches()) {
      throw unsupported(normalized, columnName);
    }
    String base = matcher.group(1);
    Integer first = matcher.group(2) == null ? null : Integer.valueOf(matcher.group(2));
    Integer second = matcher.group(3) == null ? null : Integer.valueOf(matcher.group(3));
    boolean noArguments = first == null;
    boolean atMostOne = second == null;
    ColumnType result = switch (base) {
      case "tinyint", "smallint", "int2" -> noArguments ? ColumnType.of(TypeName.SMALLINT) : null;
      case "int", "integer", "int4" -> noArguments ? ColumnType.of(TypeName.INTEGER) : null;
      case "bigint", "int8" -> noArguments ? ColumnType.of(TypeName.BIGINT) : null;
      case "float", "real", "float4" -> noArguments ? ColumnType.of(TypeName.REAL) : null;
      case "double", "double precision", "float8" ->
          noArguments ? ColumnType.of(TypeName.DOUBLE) : null;
      case "boolean", "bool" -> noArguments ? ColumnType.of(TypeName.BOOLEAN) : null;
      case "date" -> noArguments ? ColumnType.of(TypeName.DATE) : null;
      case "timestamp", "timestamp without time zone" ->
          noArguments ? ColumnType.of(TypeName.TIMESTAMP) : null;
      case "timestamptz", "timestamp with time zone" ->
          noArguments ? ColumnType.of(TypeName.TIMESTAMPTZ) : null;
      case "decimal", "numeric" -> decimal(normalized, columnName,
          noArguments ? 10 : first, atMostOne ? 0 : second);
      case "string" -> noArguments ? ColumnType.varchar(MAX_VARCHAR_LENGTH) : null;
      case "text" -> noArguments ? ColumnType.varchar(256) : null;
      case "varchar", "character varying", "nvarchar" -> atMostOne
          ? ColumnType.varchar(length(normalized, columnName, first, 256, MAX_VARCHAR_LENGTH))
          : null;
      case "char", "character", "nchar" -> atMostOne
          ? ColumnType.character(length(normalized, columnName, first, 1, MAX_CHAR_LENGTH))
          : null;
      case "bpchar" -> atMostOne
          ? ColumnType.character(length(normalized, columnName, first, 256, MAX_CHAR_LENGTH))
          : null;
      default -> null;
    };
    if (result == null) {
      throw unsupported(normalized, columnName);
    }
    return result;
  }

  /**
   * The canonical catalog type string of a Basalt type (Hive's spelling, e.g. {@code int},
   * {@code decimal(12,2)}, {@code varchar(20)}), which {@link #toColumnType} maps back to it.
   */
  public static String toCatalogType(ColumnType type) {
    requireNonNull(type, "type is null");
    return switch (type.name()) {
      case SMALLINT -> "smallint";
      case INTEGER -> "int";
      case BIGINT -> "bigint";
      case DECIMAL -> "decimal(" + type.precision() + "," + type.scale() + ")";
      case REAL -> "float";
      case DOUBLE -> "double";
      case BOOLEAN -> "boolean";
      case CHAR -> "char(" + type.precision() + ")";
      case VARCHAR -> "varchar(" + type.precision() + ")";
      case DATE -> "date";
      case TIMESTAMP -> "timestamp";
      case TIMESTAMPTZ -> "timestamptz";
    };
  }

  /** Lower case, single spaces, and no spaces around parentheses and commas. */
  private static String normalize(String type) {
    return type.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ")
        .replaceAll(" ?([(),<>:]) ?", "$1");
  }

  private static int length(String type, String columnName, Integer length, int defaultLength,
      int maximum) {
    if (length == null) {
      return defaultLength;
    }
    if (length < 1 || length > maximum) {
      throw new StorageException("22023", "Cannot use column '" + columnName + "': type '" + type
          + "' has a length out of the range 1 to " + maximum);
    }
    return length;
  }

  private static ColumnType decimal(String type, String columnName, int precision, int scale) {
    if (precision < 1 || precision > MAX_DECIMAL_PRECISION) {
      throw new StorageException("22023", "Cannot use column '" + columnName + "': type '" + type
          + "' has a precision out of the range 1 to " + MAX_DECIMAL_PRECISION);
    }
    if (scale > precision) {
      throw new StorageException("22023", "Cannot use column '" + columnName + "': type '" + type
          + "' has a scale greater than its precision");
    }
    return ColumnType.decimal(precision, scale);
  }

  private static StorageException unsupported(String type, String columnName) {
    return new StorageException("0A000", "Cannot use column '" + columnName + "': type '" + type
        + "' is not supported");
  }
}
