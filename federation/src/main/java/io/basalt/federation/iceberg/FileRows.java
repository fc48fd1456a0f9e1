package io.basalt.federation.iceberg;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.ContentFile;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.DeleteFile;
import org.apache.iceberg.ManifestContent;
import org.apache.iceberg.ManifestFile;
import org.apache.iceberg.ManifestFiles;
import org.apache.iceberg.PartitionField;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.io.FileIO;
import org.apache.iceberg.transforms.Transform;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.TypeUtil;

/**
 * The rows of {@code $files}: the live data and delete files of the current snapshot, read
 * from its manifests one manifest at a time as the rows are consumed. {@code content} is 0 for
 * data files, 1 for position deletes and 2 for equality deletes; {@code partition} is keyed by
 * partition field name, the metrics maps by column field id.
 */
final class FileRows {
  private FileRows() {}

  static CloseableIterable<Object[]> files(Table table) {
    Map<Integer, Type> types = fieldTypes(table);
    Map<Integer, Map<Integer, Transform<?, ?>>> transforms = new HashMap<>();
    table.specs().forEach((id, spec) -> transforms.put(id, transforms(List.of(spec))));
    return CloseableIterable.transform(currentFiles(table, false), file -> {
      PartitionSpec spec = table.specs().get(file.specId());
      return new Object[] {file.content().id(), file.location(), file.format().name(),
          file.specId(),
          MetadataJson.partition(spec.partitionType(), transforms.get(file.specId()),
              file.partition()),
          file.recordCount(), file.fileSizeInBytes(),
          MetadataJson.counts(file.columnSizes()),
          MetadataJson.counts(file.valueCounts()),
          MetadataJson.counts(file.nullValueCounts()),
          MetadataJson.counts(file.nanValueCounts()),
          MetadataJson.bounds(file.lowerBounds(), types),
          MetadataJson.bounds(file.upperBounds(), types),
          MetadataJson.numbers(file.splitOffsets()),
          MetadataJson.numbers(file.equalityFieldIds()),
          file.sortOrderId()};
    });
  }

  /**
   * The live files of the current snapshot (none without one): data files only, or data and
   * delete files. A manifest is opened when the files before it have been read.
   */
  static CloseableIterable<ContentFile<?>> currentFiles(Table table, boolean dataOnly) {
    Snapshot current = table.currentSnapshot();
    if (current == null) {
      return CloseableIterable.empty();
    }
    FileIO io = table.io();
    Map<Integer, PartitionSpec> specs = table.specs();
    List<ManifestFile> manifests = dataOnly ? current.dataManifests(io)
        : current.allManifests(io);
    Iterable<CloseableIterable<ContentFile<?>>> readers = () -> manifests.stream()
        .map(manifest -> open(manifest, io, specs)).iterator();
    return CloseableIterable.concat(readers);
  }

  private static CloseableIterable<ContentFile<?>> open(ManifestFile manifest, FileIO io,
      Map<Integer, PartitionSpec> specs) {
    if (manifest.content() == ManifestContent.DATA) {
      return CloseableIterable.<DataFile, ContentFile<?>>transform(
          ManifestFiles.read(manifest, io, specs), file -> file);
    }
    return CloseableIterable.<DeleteFile, ContentFile<?>>transform(
        ManifestFiles.readDeleteManifest(manifest, io, specs), file -> file);
  }

  /**
   * The type of every column field id the table's schemas have had, as the current schema has
   * it when it still has the field (Iceberg reads older, narrower bounds of promoted types).
   */
  static Map<Integer, Type> fieldTypes(Table table) {
    Map<Integer, Type> types = new HashMap<>();
    for (Schema schema : table.schemas().values()) {
      TypeUtil.indexById(schema.asStruct()).forEach((id, field) -> types.put(id, field.type()));
    }
    TypeUtil.indexById(table.schema().asStruct())
        .forEach((id, field) -> types.put(id, field.type()));
    return types;
  }

  /** The transforms of the partition fields of {@code specs}, by partition field id. */
  static Map<Integer, Transform<?, ?>> transforms(Iterable<PartitionSpec> specs) {
    Map<Integer, Transform<?, ?>> transforms = new HashMap<>();
    for (PartitionSpec spec : specs) {
      for (PartitionField field : spec.fields()) {
        transforms.put(field.fieldId(), field.transform());
      }
    }
    return transforms;
  }
}
