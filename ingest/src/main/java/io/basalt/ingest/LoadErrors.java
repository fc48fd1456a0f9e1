package io.basalt.ingest;

import io.basalt.distribution.SliceMap;
import io.basalt.storage.ColumnDefinition;
import io.basalt.storage.ColumnType;
import io.basalt.storage.DistStyle;
import io.basalt.storage.SortKeyKind;
import io.basalt.storage.StorageEngine;
import io.basalt.storage.TableDefinition;
import io.basalt.storage.TableWriter;
import io.basalt.storage.TypeName;
import io.basalt.storage.WriteMode;
import java.util.List;

/**
 * The load-error log: the native table {@code pg_internal.stl_load_errors}, with the columns of
 * Redshift's STL_LOAD_ERRORS, where every rejected COPY row is recorded in a commit of its own.
 */
public final class LoadErrors {
  /** The schema of the log table. */
  public static final String SCHEMA = "pg_internal";

  /** The name of the log table. */
  public static final String TABLE = "stl_load_errors";

  /** The log table as it is created on first use; the planner shows it as STL_LOAD_ERRORS. */
  public static final TableDefinition TABLE_DEFINITION = new TableDefinition(
      0,
      SCHEMA,
      TABLE,
      List.of(
          column("userid", ColumnType.of(TypeName.INTEGER)),
          column("slice", ColumnType.of(TypeName.INTEGER)),
          column("tbl", ColumnType.of(TypeName.INTEGER)),
          column("starttime", ColumnType.of(TypeName.TIMESTAMP)),
          column("session", ColumnType.of(TypeName.INTEGER)),
          column("query", ColumnType.of(TypeName.BIGINT)),
          column("filename", ColumnType.varchar(256)),
          column("line_number", ColumnType.of(TypeName.BIGINT)),
          column("colname", ColumnType.varchar(127)),
          column("type", ColumnType.varchar(10)),
          column("col_length", ColumnType.varchar(10)),
          column("position", ColumnType.of(TypeName.INTEGER)),
          column("raw_line", ColumnType.varchar(1024)),
          column("raw_field_value", ColumnType.varchar(1024)),
          column("err_code", ColumnType.of(TypeName.INTEGER)),
          column("err_reason", ColumnType.varchar(100))),
      DistStyle.EVEN,
      null,
      SortKeyKind.NONE,
      List.of(),
      false);

  private LoadErrors() {
  }

  private static ColumnDefinition column(String name, ColumnType type) {
    return new ColumnDefinition(name, type, true, null);
  }

  /** One rejected row as it is logged; strings are cut to their column widths on write. */
  record Entry(
      long tableId,
      long startMillis,
      long query,
      String fileName,
      long lineNumber,
      String columnName,
      String type,
      String columnLength,
      int position,
      String rawLine,
      String rawFieldValue,
      int errorCode,
      String reason) {
  }

  /** Creates the log table if needed and appends the entries in one commit. */
  static void record(StorageEngine engine, List<Entry> entries) {
    if (entries.isEmpty()) {
      return;
    }
    engine.createSchema(SCHEMA, true);
    engine.createTable(TABLE_DEFINITION, true);
    SliceMap slices = SliceMap.of(TABLE_DEFINITION, engine.config().slices());
    try (TableWriter writer = engine.newWriter(SCHEMA, TABLE, WriteMode.APPEND)) {
      for (Entry entry : entries) {
        Object[] row = row(entry);
        writer.append(slices.sliceOf(row), row);
      }
      writer.commit();
    }
  }

  private static Object[] row(Entry entry) {
    return new Object[] {
        // No user accounts yet: every load runs as the first user, as on a fresh cluster.
        100,
        // One thread parses every file of a COPY; Redshift would name the slice that read it.
        0,
        (int) entry.tableId(),
        entry.startMillis(),
        // Sessions are the server's; the log keys loads by query id.
        0,
        entry.query(),
        Utf8.truncate(entry.fileName(), 256),
        entry.lineNumber(),
        Utf8.truncate(entry.columnName(), 127),
        Utf8.truncate(entry.type(), 10),
        Utf8.truncate(entry.columnLength(), 10),
        entry.position(),
        Utf8.truncate(entry.rawLine(), 1024),
        Utf8.truncate(entry.rawFieldValue(), 1024),
        entry.errorCode(),
        Utf8.truncate(entry.reason(), 100)};
  }

  /** The type name Redshift puts in STL_LOAD_ERRORS.type, e.g. {@code int4}, {@code varchar}. */
  static String typeName(ColumnType type) {
    return type.internalName();
  }

  /** The length Redshift puts in STL_LOAD_ERRORS.col_length: {@code 25}, {@code 15,2} or 0. */
  static String columnLength(ColumnType type) {
    return switch (type.name()) {
      case CHAR, VARCHAR -> String.valueOf(type.precision());
      case DECIMAL -> type.precision() + "," + type.scale();
      default -> "0";
    };
  }
}
