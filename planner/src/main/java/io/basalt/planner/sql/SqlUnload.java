package io.basalt.planner.sql;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.calcite.sql.SqlDdl;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Redshift's {@code UNLOAD ('query') TO 's3://...' [option ...]}, which writes a query's rows
 * to files.
 *
 * <p>The query is kept as SQL text, with the doubled quotes of the string literal undone, for
 * the executor to parse. Typed options have fields of their own; {@link #options} keeps the
 * rest in the order written, keyed by upper-case name with the value unquoted: {@code IAM_ROLE}
 * ({@code default} for {@code IAM_ROLE default}), {@code CREDENTIALS}, {@code DELIMITER},
 * {@code NULL}, {@code REGION} and {@code EXTENSION}. Sizes are in bytes, where {@code MB} is
 * 2<sup>20</sup> and {@code GB} 2<sup>30</sup> bytes, and a size without a unit is in MB.
 */
public final class SqlUnload extends SqlDdl {
  private static final SqlOperator OPERATOR = new SqlSpecialOperator("UNLOAD", SqlKind.OTHER_DDL);
  private static final long MB = 1L << 20;
  private static final long GB = 1L << 30;
  private static final Set<String> STRING_OPTIONS =
      Set.of("IAM_ROLE", "CREDENTIALS", "DELIMITER", "NULL", "REGION", "EXTENSION");
  /** The options each format rejects, as Redshift does; CSV rejects only ADDQUOTES and ESCAPE. */
  private static final Map<String, List<String>> FORMAT_CONFLICTS = Map.of(
      "CSV", List.of("ADDQUOTES", "ESCAPE"),
      "JSON", List.of("DELIMITER", "HEADER", "ADDQUOTES", "ESCAPE", "NULL"),
      "PARQUET", List.of("DELIMITER", "HEADER", "ADDQUOTES", "ESCAPE", "NULL", "GZIP", "ZSTD",
          "BZIP2"));

  /** An UNLOAD option without a value. */
  public enum Flag {
    /** Replace files already under the target prefix. */
    ALLOWOVERWRITE,
    /** Delete the files under the target prefix first. */
    CLEANPATH,
    /** Also write a manifest listing the files. */
    MANIFEST,
    /** {@code MANIFEST VERBOSE}: the manifest also lists columns and row counts. */
    MANIFEST_VERBOSE,
    /** Write a header row with the column names. */
    HEADER,
    /** Quote every field. */
    ADDQUOTES,
    /** Escape delimiters, quotes and line breaks in fields with a backslash. */
    ESCAPE,
    /** Compress each file with gzip. */
    GZIP,
    /** Compress each file with Zstandard. */
    ZSTD,
    /** Compress each file with bzip2. */
    BZIP2,
    /** Encrypt the files. */
    ENCRYPTED
  }

  /** The query whose rows to write, as SQL text. */
  public final String query;
  /** The S3 prefix the files' names start with, e.g. {@code s3://bucket/unload/sales_}. */
  public final String target;
  /** {@code CSV}, {@code PARQUET} or {@code JSON}; null for Redshift's delimited text. */
  public final @Nullable String format;
  /** The {@code PARTITION BY} columns, in order; empty when none are written. */
  public final List<String> partitionBy;
  /** Whether {@code PARTITION BY (...) INCLUDE} keeps the partition columns in the files. */
  public final boolean partitionInclude;
  /** {@code MAXFILESIZE} in bytes, or null for Redshift's default (6.2 GB). */
  public final @Nullable Long maxFileSizeBytes;
  /** {@code ROWGROUPSIZE} in bytes (Parquet), or null for the default. */
  public final @Nullable Long rowGroupSizeBytes;
  /** False for {@code PARALLEL OFF}, which writes serially; true by default and for ON. */
  public final boolean parallel;
  /** The flags written; {@link Flag#MANIFEST_VERBOSE} comes with {@link Flag#MANIFEST}. */
  public final Set<Flag> flags;
  /** Other options in the order written, keyed by upper-case name. */
  public final Map<String, String> options;

  public SqlUnload(SqlParserPos pos, String query, String target, @Nullable String format,
      List<String> partitionBy, boolean partitionInclude, @Nullable Long maxFileSizeBytes,
      @Nullable Long rowGroupSizeBytes, boolean parallel, Set<Flag> flags,
      Map<String, String> options) {
    super(OPERATOR, pos);
    this.query = requireNonNull(query, "query is null");
    this.target = requireNonNull(target, "target is null");
    this.format = format;
    this.partitionBy = List.copyOf(requireNonNull(partitionBy, "partitionBy is null"));
    this.partitionInclude = partitionInclude;
    this.maxFileSizeBytes = maxFileSizeBytes;
    this.rowGroupSizeBytes = rowGroupSizeBytes;
    this.parallel = parallel;
    EnumSet<Flag> flagSet = EnumSet.noneOf(Flag.class);
    flagSet.addAll(requireNonNull(flags, "flags is null"));
    this.flags = Collections.unmodifiableSet(flagSet);
    this.options = Collections.unmodifiableMap(
        new LinkedHashMap<>(requireNonNull(options, "options is null")));
    if (partitionInclude && this.partitionBy.isEmpty()) {
      throw new IllegalArgumentException("INCLUDE needs PARTITION BY columns");
    }
    if (flagSet.contains(Flag.MANIFEST_VERBOSE) && !flagSet.contains(Flag.MANIFEST)) {
      throw new IllegalArgumentException("MANIFEST_VERBOSE comes with MANIFEST");
    }
    for (String option : this.options.keySet()) {
      if (!STRING_OPTIONS.contains(option)) {
        throw new IllegalArgumentException("not an UNLOAD option with a string value: " + option);
      }
    }
  }

  /**
   * Adds an option while parsing, rejecting one given twice; public only for the generated
   * parser. Flags map to "", sizes to their text ({@code 6.2 GB}), {@code PARTITION BY} to
   * "INCLUDE" or "", {@code MANIFEST} to "VERBOSE" or "" and {@code PARALLEL} to ON or OFF.
   */
  public static void addOption(String target, Map<String, String> options, String name,
      String value, SqlParserPos pos) {
    if (options.putIfAbsent(name, value) != null) {
      throw ParseErrors.at(pos, action(target) + "option " + name
          + " is specified more than once");
    }
  }

  /**
   * Builds an UNLOAD from the options that {@link #addOption} collected, rejecting combinations
   * that Redshift rejects; public only for the generated parser.
   */
  public static SqlUnload create(SqlParserPos pos, String query, String target,
      List<String> partitionBy, Map<String, String> parsed) {
    Map<String, String> rest = new LinkedHashMap<>(parsed);
    String format = rest.remove("FORMAT");
    String partition = rest.remove("PARTITION BY");
    Long maxFileSize = bytes(rest.remove("MAXFILESIZE"));
    Long rowGroupSize = bytes(rest.remove("ROWGROUPSIZE"));
    boolean parallel = !"OFF".equals(rest.remove("PARALLEL"));
    EnumSet<Flag> flags = EnumSet.noneOf(Flag.class);
    String manifest = rest.remove("MANIFEST");
    if (manifest != null) {
      flags.add(Flag.MANIFEST);
      if (manifest.equals("VERBOSE")) {
        flags.add(Flag.MANIFEST_VERBOSE);
      }
    }
    for (Flag flag : Flag.values()) {
      if (rest.remove(flag.name()) != null) {
        flags.add(flag);
      }
    }
    if (parsed.containsKey("IAM_ROLE") && parsed.containsKey("CREDENTIALS")) {
      throw ParseErrors.at(pos, action(target) + "IAM_ROLE and CREDENTIALS cannot be combined");
    }
    List<String> compressions = new ArrayList<>();
    for (Flag flag : List.of(Flag.GZIP, Flag.ZSTD, Flag.BZIP2)) {
      if (flags.contains(flag)) {
        compressions.add(flag.name());
      }
    }
    if (compressions.size() > 1) {
      throw ParseErrors.at(pos, action(target) + String.join(" and ", compressions)
          + " cannot be combined");
    }
    if (format != null) {
      for (String conflict : FORMAT_CONFLICTS.get(format)) {
        if (parsed.containsKey(conflict)) {
          throw ParseErrors.at(pos, action(target) + "FORMAT " + format + " cannot be combined "
              + "with " + conflict);
        }
      }
    }
    return new SqlUnload(pos, query, target, format, partitionBy, "INCLUDE".equals(partition),
        maxFileSize, rowGroupSize, parallel, flags, rest);
  }

  /** Converts {@code 100}, {@code 100 MB} or {@code 6.2 GB} into bytes. */
  private static @Nullable Long bytes(@Nullable String size) {
    if (size == null) {
      return null;
    }
    String[] parts = size.split(" ");
    long unit = parts.length > 1 && parts[1].equals("GB") ? GB : MB;
    return new BigDecimal(parts[0]).multiply(BigDecimal.valueOf(unit)).longValue();
  }

  private static String action(String target) {
    return "Cannot unload to '" + target + "': ";
  }

  @Override public SqlOperator getOperator() {
    return OPERATOR;
  }

  @SuppressWarnings("nullness")
  @Override public List<SqlNode> getOperandList() {
    List<SqlNode> optionList = new ArrayList<>();
    options.forEach((name, value) -> {
      optionList.add(SqlLiteral.createCharString(name, SqlParserPos.ZERO));
      optionList.add(SqlLiteral.createCharString(value, SqlParserPos.ZERO));
    });
    List<SqlNode> partitionList = new ArrayList<>();
    partitionBy.forEach(column -> partitionList.add(new SqlIdentifier(column, SqlParserPos.ZERO)));
    return Arrays.asList(SqlLiteral.createCharString(query, SqlParserPos.ZERO),
        SqlLiteral.createCharString(target, SqlParserPos.ZERO),
        format == null ? null : SqlLiteral.createCharString(format, SqlParserPos.ZERO),
        new SqlNodeList(partitionList, SqlParserPos.ZERO),
        new SqlNodeList(optionList, SqlParserPos.ZERO));
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("UNLOAD");
    SqlWriter.Frame frame = writer.startList("(", ")");
    SqlDdlWriting.string(writer, query);
    writer.endList(frame);
    writer.keyword("TO");
    SqlDdlWriting.string(writer, target);
    options.forEach((name, value) -> {
      writer.keyword(name);
      if (name.equals("IAM_ROLE") && value.equals(SqlCreateExternalSchema.DEFAULT_ROLE)) {
        writer.keyword("DEFAULT");
        return;
      }
      if (!name.equals("IAM_ROLE") && !name.equals("EXTENSION")) {
        writer.keyword("AS");
      }
      SqlDdlWriting.string(writer, value);
    });
    if (format != null) {
      writer.keyword("FORMAT AS");
      writer.keyword(format);
    }
    if (!partitionBy.isEmpty()) {
      writer.keyword("PARTITION BY");
      SqlDdlWriting.names(writer, partitionBy);
      if (partitionInclude) {
        writer.keyword("INCLUDE");
      }
    }
    size(writer, "MAXFILESIZE", maxFileSizeBytes);
    size(writer, "ROWGROUPSIZE", rowGroupSizeBytes);
    if (!parallel) {
      writer.keyword("PARALLEL OFF");
    }
    for (Flag flag : flags) {
      if (flag == Flag.MANIFEST_VERBOSE) {
        writer.keyword("VERBOSE");
      } else {
        writer.keyword(flag.name());
      }
    }
  }

  /** Writes a size in GB when it is whole in GB, else in MB, exactly (MB is a power of two). */
  private static void size(SqlWriter writer, String option, @Nullable Long bytes) {
    if (bytes == null) {
      return;
    }
    writer.keyword(option);
    long unit = bytes % GB == 0 ? GB : MB;
    writer.literal(new BigDecimal(bytes).divide(BigDecimal.valueOf(unit)).stripTrailingZeros()
        .toPlainString());
    writer.keyword(unit == GB ? "GB" : "MB");
  }
}
