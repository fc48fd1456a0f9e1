package io.basalt.storage.format;

import io.basalt.storage.ColumnDefinition;
import io.basalt.storage.ColumnPredicate;
import io.basalt.storage.DistStyle;
import io.basalt.storage.SortKeyKind;
import io.basalt.storage.TableDefinition;
import io.basalt.storage.ValueRange;
import io.basalt.storage.predicate.BoundPredicate;
import io.basalt.storage.zonemap.ZoneMap;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.parquet.column.Dictionary;
import org.apache.parquet.column.EncodingStats;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.page.DictionaryPageReadStore;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.ColumnPath;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

/**
 * Decides from a row group's column statistics (min, max, null count), and then from the
 * dictionaries of fully dictionary-encoded columns, whether any of its rows can pass the scan's
 * predicates. Inclusive: it answers false only when no row can match, so skipping on false never
 * loses a row. Statistics and dictionary values are turned into the store's zone maps and tested
 * with the same {@link BoundPredicate}s the native store uses.
 */
final class RowGroupPruner {
  /** {@code points}: every range is one value, the case (IN lists) where dictionaries help. */
  private record Entry(BoundPredicate predicate, ParquetColumnBinding binding, boolean points) {}

  private final List<Entry> entries = new ArrayList<>();

  RowGroupPruner(List<ColumnDefinition> tableColumns, List<ColumnPredicate> predicates,
      Map<Integer, ParquetColumnBinding> bindings) {
    if (predicates.isEmpty()) {
      return;
    }
    TableDefinition table = new TableDefinition(0, "lake", "file", tableColumns, DistStyle.EVEN,
        null, SortKeyKind.NONE, List.of(), false);
    for (ColumnPredicate predicate : predicates) {
      boolean points = !predicate.ranges().isEmpty();
      for (ValueRange range : predicate.ranges()) {
        points &= range.lower() != null && range.lowerInclusive() && range.upperInclusive()
            && range.lower().equals(range.upper());
      }
      entries.add(new Entry(BoundPredicate.bind(predicate, table),
          bindings.get(predicate.column()), points));
    }
  }

  /** Dictionaries larger than this are not worth testing value by value. */
  private static final int MAX_DICTIONARY_VALUES = 1 << 16;

  boolean mayMatch(BlockMetaData block) {
    for (Entry entry : entries) {
      ZoneMap zone = zone(entry.binding(), block);
      if (zone != null && !entry.predicate().mayMatch(zone)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether {@link #dictionariesMayMatch} would read a dictionary: some predicate lists values
   * of a column whose pages are all dictionary-encoded.
   */
  boolean usesDictionaries(BlockMetaData block) {
    for (Entry entry : entries) {
      if (entry.points() && dictionaryOnly(entry.binding(), block) != null) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether some row may pass, judged by the dictionary values of each predicate column whose
   * pages are all dictionary-encoded (every non-NULL value is then in the dictionary).
   */
  boolean dictionariesMayMatch(BlockMetaData block, DictionaryPageReadStore dictionaries)
      throws IOException {
    for (Entry entry : entries) {
      ColumnChunkMetaData chunk = entry.points() ? dictionaryOnly(entry.binding(), block) : null;
      if (chunk == null) {
        continue;
      }
      BoundPredicate predicate = entry.predicate();
      Statistics<?> statistics = chunk.getStatistics();
      boolean mayHaveNulls = statistics == null || !statistics.isNumNullsSet()
          || statistics.getNumNulls() > 0;
      if (mayHaveNulls && predicate.mayMatch(new ZoneMap(1, 1, null, null))) {
        continue;
      }
      DictionaryPage page = dictionaries.readDictionaryPage(entry.binding().descriptor());
      if (page == null || page.getDictionarySize() > MAX_DICTIONARY_VALUES) {
        continue;
      }
      Dictionary dictionary = page.getEncoding().initDictionary(entry.binding().descriptor(),
          page);
      if (!anyValueMayMatch(predicate, entry.binding(), dictionary)) {
        return false;
      }
    }
    return true;
  }

  private static boolean anyValueMayMatch(BoundPredicate predicate,
      ParquetColumnBinding binding, Dictionary dictionary) {
    ParquetDecoders.Decoder decoder = binding.decoder();
    PrimitiveTypeName type = binding.descriptor().getPrimitiveType().getPrimitiveTypeName();
    for (int id = 0; id <= dictionary.getMaxId(); id++) {
      Object raw = switch (type) {
        case INT32 -> dictionary.decodeToInt(id);
        case INT64 -> dictionary.decodeToLong(id);
        case FLOAT -> dictionary.decodeToFloat(id);
        case DOUBLE -> dictionary.decodeToDouble(id);
        case BOOLEAN -> dictionary.decodeToBoolean(id);
        default -> dictionary.decodeToBinary(id);
      };
      Comparable<?> value = decoder.zoneValue(raw);
      if (value == null || predicate.mayMatch(new ZoneMap(1, 0, value, value))) {
        return true;
      }
    }
    return false;
  }

  /** The column's chunk when all its data pages are dictionary-encoded, else null. */
  private static ColumnChunkMetaData dictionaryOnly(ParquetColumnBinding binding,
      BlockMetaData block) {
    if (binding.missing()) {
      return null;
    }
    ColumnChunkMetaData chunk = chunk(block, binding.path());
    EncodingStats encodings = chunk == null ? null : chunk.getEncodingStats();
    return encodings != null && encodings.hasDictionaryPages()
        && encodings.hasDictionaryEncodedPages() && !encodings.hasNonDictionaryEncodedPages()
        ? chunk : null;
  }

  /** The row group's zone map for the column, or null when its statistics say nothing. */
  private static ZoneMap zone(ParquetColumnBinding binding, BlockMetaData block) {
    long rows = block.getRowCount();
    if (rows <= 0 || rows > Integer.MAX_VALUE) {
      return null;
    }
    if (binding.missing()) {
      return new ZoneMap((int) rows, (int) rows, null, null);
    }
    ColumnChunkMetaData chunk = chunk(block, binding.path());
    Statistics<?> statistics = chunk == null ? null : chunk.getStatistics();
    if (statistics == null || statistics.isEmpty()) {
      return null;
    }
    long nulls = statistics.isNumNullsSet() ? statistics.getNumNulls() : -1;
    if (!statistics.hasNonNullValue()) {
      return nulls == rows ? new ZoneMap((int) rows, (int) rows, null, null) : null;
    }
    if (nulls < 0 || nulls >= rows) {
      // Unknown (or inconsistent): at least one value is not NULL, others may be.
      nulls = rows > 1 ? 1 : 0;
    }
    ParquetDecoders.Decoder decoder = binding.decoder();
    Comparable<?> min = decoder.zoneValue(statistics.genericGetMin());
    Comparable<?> max = decoder.zoneValue(statistics.genericGetMax());
    if (binding.floating()
        && !(statistics.isNanCountSet() && statistics.getNanCount() == 0)) {
      // Writers leave NaN (which sorts above every number) out of the maximum.
      max = null;
    }
    return new ZoneMap((int) rows, (int) nulls, min, max);
  }

  private static ColumnChunkMetaData chunk(BlockMetaData block, ColumnPath path) {
    for (ColumnChunkMetaData chunk : block.getColumns()) {
      if (chunk.getPath().equals(path)) {
        return chunk;
      }
    }
    return null;
  }
}
