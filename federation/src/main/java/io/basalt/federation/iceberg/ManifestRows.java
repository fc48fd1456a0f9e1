package io.basalt.federation.iceberg;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.apache.iceberg.ManifestContent;
import org.apache.iceberg.ManifestFile;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.transforms.Transform;
import org.apache.iceberg.types.Conversions;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.Types;

/**
 * The rows of {@code $manifests}: the manifests of the current snapshot, from its manifest
 * list. As in Iceberg's own manifests table, a data manifest counts data files and a delete
 * manifest delete files (the other counts are 0); the rows counts are the files' records
 * either way. {@code partition_summaries} is a JSON array with one object per partition field
 * ({@code contains_null}, {@code contains_nan}, {@code lower_bound}, {@code upper_bound}).
 */
final class ManifestRows {
  private ManifestRows() {}

  static List<Object[]> manifests(Table table) {
    Snapshot current = table.currentSnapshot();
    List<Object[]> rows = new ArrayList<>();
    if (current == null) {
      return rows;
    }
    for (ManifestFile manifest : current.allManifests(table.io())) {
      boolean data = manifest.content() == ManifestContent.DATA;
      rows.add(new Object[] {manifest.path(), manifest.length(), manifest.partitionSpecId(),
          manifest.snapshotId(),
          data ? manifest.addedFilesCount() : Integer.valueOf(0),
          manifest.addedRowsCount(),
          data ? manifest.existingFilesCount() : Integer.valueOf(0),
          manifest.existingRowsCount(),
          data ? manifest.deletedFilesCount() : Integer.valueOf(0),
          manifest.deletedRowsCount(),
          data ? Integer.valueOf(0) : manifest.addedFilesCount(),
          data ? Integer.valueOf(0) : manifest.existingFilesCount(),
          data ? Integer.valueOf(0) : manifest.deletedFilesCount(),
          summaries(table.specs().get(manifest.partitionSpecId()), manifest)});
    }
    return rows;
  }

  private static String summaries(PartitionSpec spec, ManifestFile manifest) {
    StringBuilder json = new StringBuilder("[");
    List<ManifestFile.PartitionFieldSummary> summaries = manifest.partitions();
    if (summaries == null || spec == null) {
      return json.append(']').toString();
    }
    List<Types.NestedField> fields = spec.partitionType().fields();
    for (int i = 0; i < summaries.size() && i < fields.size(); i++) {
      ManifestFile.PartitionFieldSummary summary = summaries.get(i);
      Type type = fields.get(i).type();
      Transform<?, ?> transform = spec.fields().get(i).transform();
      if (i > 0) {
        json.append(',');
      }
      json.append("{\"contains_null\":").append(summary.containsNull())
          .append(",\"contains_nan\":").append(summary.containsNaN())
          .append(",\"lower_bound\":").append(bound(type, transform, summary.lowerBound()))
          .append(",\"upper_bound\":").append(bound(type, transform, summary.upperBound()))
          .append('}');
    }
    return json.append(']').toString();
  }

  private static String bound(Type type, Transform<?, ?> transform, ByteBuffer bound) {
    return MetadataJson.partitionValue(type, transform,
        bound == null ? null : Conversions.fromByteBuffer(type, bound));
  }
}
