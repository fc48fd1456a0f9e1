package io.basalt.storage.format;

import static java.util.Objects.requireNonNull;

import io.basalt.storage.objectstore.ObjectInfo;
import io.basalt.storage.objectstore.ObjectStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;

/**
 * Reads the data files of lake tables: plans a file's splits and opens a reader for one split.
 * Parquet is read through parquet-java's low-level column API over ranged object-store reads;
 * text and JSON are streamed.
 */
public final class FileReaders {
  private FileReaders() {}

  /** The file's splits of about {@code targetBytes} each; see the overload with a footer cache. */
  public static List<FileSplit> splits(ObjectStore store, ObjectInfo file, FormatOptions options,
      long targetBytes) {
    return splits(store, file, options, targetBytes, new ParquetFooters());
  }

  /**
   * The file's splits, in file order. A Parquet file is cut between row groups into runs of about
   * {@code targetBytes} compressed bytes (its footer is read once and kept in {@code footers});
   * a text or JSON file is one split, as compressed files cannot be cut and cutting quoted CSV
   * at a line break is unsafe.
   */
  public static List<FileSplit> splits(ObjectStore store, ObjectInfo file, FormatOptions options,
      long targetBytes, ParquetFooters footers) {
    requireNonNull(store, "store is null");
    requireNonNull(file, "file is null");
    requireNonNull(footers, "footers is null");
    if (targetBytes <= 0) {
      throw new IllegalArgumentException("targetBytes must be positive: " + targetBytes);
    }
    if (options.format() != FileFormat.PARQUET) {
      return List.of(FileSplit.whole(file));
    }
    ParquetMetadata footer = footers.footer(store, file);
    List<BlockMetaData> blocks = new ArrayList<>(footer.getBlocks());
    blocks.sort(Comparator.comparingLong(BlockMetaData::getStartingPos));
    List<FileSplit> splits = new ArrayList<>();
    long start = 0;
    long bytes = 0;
    for (int i = 0; i < blocks.size(); i++) {
      bytes += blocks.get(i).getCompressedSize();
      if (bytes >= targetBytes && i + 1 < blocks.size()) {
        long end = blocks.get(i + 1).getStartingPos();
        splits.add(new FileSplit(file, start, end - start));
        start = end;
        bytes = 0;
      }
    }
    splits.add(new FileSplit(file, start, file.size() - start));
    return splits;
  }

  /** Opens a reader of the split; see the overload with a footer cache. */
  public static FileBatchReader open(ObjectStore store, FileSplit split, FileReadRequest request) {
    return open(store, split, request, new ParquetFooters(request.counters()));
  }

  /**
   * Opens a reader of the split. Table columns are found in Parquet and JSON files by name,
   * ignoring case, and in text files by position; a column the file lacks reads as NULL.
   * Errors name the file: 42804 when a Parquet column's type cannot become the table's, 22P04
   * for a malformed file or value (with the line for text and JSON), 22003 for a number beyond
   * its column's range, 57014 once canceled.
   */
  public static FileBatchReader open(ObjectStore store, FileSplit split, FileReadRequest request,
      ParquetFooters footers) {
    requireNonNull(store, "store is null");
    requireNonNull(split, "split is null");
    requireNonNull(request, "request is null");
    requireNonNull(footers, "footers is null");
    return switch (request.options().format()) {
      case PARQUET -> new ParquetBatchReader(store, split, request, footers);
      case TEXT -> new TextBatchReader(store, split, request);
      case JSON -> new JsonBatchReader(store, split, request);
    };
  }
}
