package io.basalt.federation.iceberg;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.iceberg.ContentFile;
import org.apache.iceberg.Partitioning;
import org.apache.iceberg.StructLike;
import org.apache.iceberg.Table;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.transforms.Transform;
import org.apache.iceberg.types.Comparators;
import org.apache.iceberg.types.Conversions;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.Types;
import org.apache.iceberg.util.PartitionUtil;

/**
 * The rows of {@code $partitions}: the live data files of the current snapshot summed per
 * partition, ordered by partition text. Partitions are those of the table's combined partition
 * type (every spec's fields), as in Iceberg's own partitions table, so files written before a
 * spec change fall in the same rows as later ones where they agree; an unpartitioned table has
 * one row, partition {@code {}}. {@code data} holds, per top-level column of the current schema,
 * the smallest lower bound and largest upper bound of the files ({@code null} when a file with
 * non-null values has no bound) and the summed null and NaN counts ({@code null} when a file
 * does not count them).
 */
final class PartitionRows {
  private PartitionRows() {}

  static List<Object[]> partitions(Table table) {
    Types.StructType type = Partitioning.partitionType(table);
    Map<Integer, Transform<?, ?>> transforms = FileRows.transforms(table.specs().values());
    List<Types.NestedField> columns = new ArrayList<>();
    for (Types.NestedField column : table.schema().columns()) {
      if (column.type().isPrimitiveType()) {
        columns.add(column);
      }
    }
    Map<String, Partition> partitions = new TreeMap<>();
    try (CloseableIterable<ContentFile<?>> files = FileRows.currentFiles(table, true)) {
      for (ContentFile<?> file : files) {
        StructLike partition = PartitionUtil.coercePartition(type,
            table.specs().get(file.specId()), file.partition());
        partitions.computeIfAbsent(MetadataJson.partition(type, transforms, partition),
            text -> new Partition(columns)).add(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Object[]> rows = new ArrayList<>();
    partitions.forEach((text, partition) -> rows.add(new Object[] {text, partition.records,
        partition.files, partition.bytes, partition.data()}));
    return rows;
  }

  /** The sums of one partition's files so far. */
  private static final class Partition {
    private final List<ColumnSummary> columns = new ArrayList<>();
    private long records;
    private long files;
    private long bytes;

    Partition(List<Types.NestedField> fields) {
      fields.forEach(field -> columns.add(new ColumnSummary(field)));
    }

    void add(ContentFile<?> file) {
      records += file.recordCount();
      files++;
      bytes += file.fileSizeInBytes();
      columns.forEach(column -> column.add(file));
    }

    String data() {
      StringBuilder json = new StringBuilder("{");
      for (ColumnSummary column : columns) {
        if (json.length() > 1) {
          json.append(',');
        }
        json.append(MetadataJson.quote(column.field.name())).append(':').append(column.json());
      }
      return json.append('}').toString();
    }
  }

  /** The bounds and counts of one column over the files of a partition so far. */
  private static final class ColumnSummary {
    private final Types.NestedField field;
    private final Comparator<Object> order;
    private Object min;
    private Object max;
    private boolean boundsKnown = true;
    private Long nulls = 0L;
    private Long nans;

    ColumnSummary(Types.NestedField field) {
      this.field = field;
      this.order = Comparators.forType(field.type().asPrimitiveType());
      Type.TypeID id = field.type().typeId();
      this.nans = id == Type.TypeID.FLOAT || id == Type.TypeID.DOUBLE ? Long.valueOf(0) : null;
    }

    void add(ContentFile<?> file) {
      int id = field.fieldId();
      Long values = get(file.valueCounts(), id);
      Long nullValues = get(file.nullValueCounts(), id);
      // A file whose values are all NULL has no bounds, and needs none.
      boolean allNull = values != null && values.equals(nullValues);
      ByteBuffer lower = get(file.lowerBounds(), id);
      ByteBuffer upper = get(file.upperBounds(), id);
      if (!allNull && (lower == null || upper == null)) {
        boundsKnown = false;
      } else if (!allNull) {
        Object low = Conversions.fromByteBuffer(field.type(), lower);
        Object high = Conversions.fromByteBuffer(field.type(), upper);
        min = min == null || order.compare(low, min) < 0 ? low : min;
        max = max == null || order.compare(high, max) > 0 ? high : max;
      }
      nulls = nulls == null || nullValues == null ? null : nulls + nullValues;
      if (nans != null) {
        Long nanValues = get(file.nanValueCounts(), id);
        nans = nanValues == null ? null : nans + nanValues;
      }
    }

    private static <V> V get(Map<Integer, V> map, int id) {
      return map == null ? null : map.get(id);
    }

    String json() {
      return "{\"min\":" + MetadataJson.value(field.type(), boundsKnown ? min : null)
          + ",\"max\":" + MetadataJson.value(field.type(), boundsKnown ? max : null)
          + ",\"null_count\":" + nulls + ",\"nan_count\":" + nans + "}";
    }
  }
}
