package io.basalt.federation.iceberg;

import io.basalt.storage.ColumnDefinition;
import io.basalt.storage.ColumnType;
import io.basalt.storage.TypeName;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.iceberg.Table;
import org.apache.iceberg.io.CloseableIterable;

/**
 * The metadata tables of every Iceberg table, named by the suffix after {@code $} as in Athena
 * and Trino ({@code "orders$snapshots"}), with Trino's columns. Maps, structs and lists (a
 * snapshot's {@code summary}, a file's {@code partition} and {@code lower_bounds}, ...) are
 * VARCHAR columns of JSON text ({@link MetadataJson}); timestamps are TIMESTAMPTZ.
 */
enum MetadataTable {
  /** Every snapshot the table's metadata keeps. */
  SNAPSHOTS(List.of(
      column("committed_at", TypeName.TIMESTAMPTZ, false),
      column("snapshot_id", TypeName.BIGINT, false),
      column("parent_id", TypeName.BIGINT, true),
      column("operation", TypeName.VARCHAR, true),
      column("manifest_list", TypeName.VARCHAR, true),
      column("summary", TypeName.VARCHAR, true))),
  /** When each snapshot became the current one, and whether it still leads to the current one. */
  HISTORY(List.of(
      column("made_current_at", TypeName.TIMESTAMPTZ, false),
      column("snapshot_id", TypeName.BIGINT, false),
      column("parent_id", TypeName.BIGINT, true),
      column("is_current_ancestor", TypeName.BOOLEAN, false))),
  /** The data and delete files of the current snapshot, with their column metrics. */
  FILES(List.of(
      column("content", TypeName.INTEGER, false),
      column("file_path", TypeName.VARCHAR, false),
      column("file_format", TypeName.VARCHAR, false),
      column("spec_id", TypeName.INTEGER, false),
      column("partition", TypeName.VARCHAR, false),
      column("record_count", TypeName.BIGINT, false),
      column("file_size_in_bytes", TypeName.BIGINT, false),
      column("column_sizes", TypeName.VARCHAR, true),
      column("value_counts", TypeName.VARCHAR, true),
      column("null_value_counts", TypeName.VARCHAR, true),
      column("nan_value_counts", TypeName.VARCHAR, true),
      column("lower_bounds", TypeName.VARCHAR, true),
      column("upper_bounds", TypeName.VARCHAR, true),
      column("split_offsets", TypeName.VARCHAR, true),
      column("equality_ids", TypeName.VARCHAR, true),
      column("sort_order_id", TypeName.INTEGER, true))),
  /** The manifests of the current snapshot, data and delete manifests alike. */
  MANIFESTS(List.of(
      column("path", TypeName.VARCHAR, false),
      column("length", TypeName.BIGINT, false),
      column("partition_spec_id", TypeName.INTEGER, false),
      column("added_snapshot_id", TypeName.BIGINT, true),
      column("added_data_files_count", TypeName.INTEGER, true),
      column("added_rows_count", TypeName.BIGINT, true),
      column("existing_data_files_count", TypeName.INTEGER, true),
      column("existing_rows_count", TypeName.BIGINT, true),
      column("deleted_data_files_count", TypeName.INTEGER, true),
      column("deleted_rows_count", TypeName.BIGINT, true),
      column("added_delete_files_count", TypeName.INTEGER, true),
      column("existing_delete_files_count", TypeName.INTEGER, true),
      column("deleted_delete_files_count", TypeName.INTEGER, true),
      column("partition_summaries", TypeName.VARCHAR, false))),
  /** The data files of the current snapshot summed per partition, with per-column bounds. */
  PARTITIONS(List.of(
      column("partition", TypeName.VARCHAR, false),
      column("record_count", TypeName.BIGINT, false),
      column("file_count", TypeName.BIGINT, false),
      column("total_size", TypeName.BIGINT, false),
      column("data", TypeName.VARCHAR, false))),
  /** The table's branches and tags. */
  REFS(List.of(
      column("name", TypeName.VARCHAR, false),
      column("type", TypeName.VARCHAR, false),
      column("snapshot_id", TypeName.BIGINT, false),
      column("max_reference_age_in_ms", TypeName.BIGINT, true),
      column("min_snapshots_to_keep", TypeName.INTEGER, true),
      column("max_snapshot_age_in_ms", TypeName.BIGINT, true)));

  private final List<ColumnDefinition> columns;

  MetadataTable(List<ColumnDefinition> columns) {
    this.columns = columns;
  }

  private static ColumnDefinition column(String name, TypeName type, boolean nullable) {
    return new ColumnDefinition(name, type == TypeName.VARCHAR
        ? ColumnType.varchar(IcebergTypes.STRING_LENGTH) : ColumnType.of(type), nullable, null);
  }

  /** The name after {@code $}. */
  String suffix() {
    return name().toLowerCase(Locale.ROOT);
  }

  List<ColumnDefinition> columns() {
    return columns;
  }

  /** The metadata table a suffix names, whatever its case. */
  static Optional<MetadataTable> of(String suffix) {
    for (MetadataTable table : values()) {
      if (table.suffix().equalsIgnoreCase(suffix)) {
        return Optional.of(table);
      }
    }
    return Optional.empty();
  }

  /**
   * The rows of this metadata table of {@code table} as it is now, in the storage
   * representation of {@link #columns}; files and manifests are read as the rows are.
   */
  CloseableIterable<Object[]> rows(Table table) {
    return switch (this) {
      case SNAPSHOTS -> CloseableIterable.withNoopClose(SnapshotRows.snapshots(table));
      case HISTORY -> CloseableIterable.withNoopClose(SnapshotRows.history(table));
      case REFS -> CloseableIterable.withNoopClose(SnapshotRows.refs(table));
      case FILES -> FileRows.files(table);
      case MANIFESTS -> CloseableIterable.withNoopClose(ManifestRows.manifests(table));
      case PARTITIONS -> CloseableIterable.withNoopClose(PartitionRows.partitions(table));
    };
  }
}
