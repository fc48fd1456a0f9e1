package io.basalt.federation.iceberg;

import io.basalt.planner.exec.MemoryTracker;
import io.basalt.storage.ColumnDefinition;
import io.basalt.storage.ColumnType;
import io.basalt.storage.RowBatch;
import io.basalt.storage.StorageException;
import io.basalt.storage.TypeName;
import io.basalt.storage.format.FileBatchReader;
import io.basalt.storage.format.FileReadRequest;
import io.basalt.storage.format.FileReaders;
import io.basalt.storage.format.FileSplit;
import io.basalt.storage.format.FormatOptions;
import io.basalt.storage.format.ParquetFooters;
import io.basalt.storage.format.RowPositions;
import io.basalt.storage.format.ScanCounters;
import io.basalt.storage.objectstore.ObjectInfo;
import io.basalt.storage.objectstore.ObjectStore;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.apache.iceberg.DeleteFile;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.types.Types;
import org.roaringbitmap.RoaringBitmap;

/**
 * The rows of one scan's data files that Iceberg equality delete files delete. A delete file
 * with equality field ids {@code (a, b)} deletes each row of the data files it applies to whose
 * values of fields a and b equal those of one of its rows, NULL matching NULL (as Iceberg's own
 * readers compare). Each delete file is read once per scan into a shared index, per set of field
 * ids, from key tuple to the delete files that hold it: a key that many delete files repeat (a
 * Flink upsert table's checkpoints) is one entry, and a data file's row is one lookup however many
 * delete files apply to it. A data file's equality columns are then read whole with Basalt's
 * Parquet reader, with row positions, and each row whose key one of the data file's own delete
 * files holds is deleted.
 *
 * <p>Both kinds of file find the columns by field id (a column renamed since matches) and read
 * them as the type of the newest schema that has the field (so an int written before a promotion
 * to long matches a long), timestamps in microseconds (the precision Iceberg stores); the keys'
 * values are normalised besides (integers as longs, REAL as DOUBLE, decimals without trailing
 * zeros). A file without the column reads it as NULL.
 *
 * <p>Memory: the index holds every distinct key of the delete files the scan has read, until the
 * execution ends. It is charged to the query's memory budget ({@code query_memory_limit_mb}), so
 * deletes that do not fit fail the query with 53200 naming the table rather than the server.
 */
final class EqualityDeletes {
  /** A NULL in a key (a map key or list element cannot be null). */
  private enum Null { VALUE }

  /** What one more key costs, besides its values: a map node, its slot and a file list. */
  private static final long ENTRY_BYTES = 80;

  private final ObjectStore store;
  /** The table's schemas, newest first: where a field's type is looked up. */
  private final List<Schema> schemas;
  private final String name;
  private final MemoryTracker memory;
  /** Per set of field ids (ascending): each key, to the numbers of the delete files holding it. */
  private final Map<List<Integer>, Map<Object, int[]>> index = new ConcurrentHashMap<>();
  /** The number of each delete file read into the index, by location. */
  private final Map<String, ComputedOnce<Integer>> loaded = new ConcurrentHashMap<>();
  private final AtomicInteger numbers = new AtomicInteger();

  EqualityDeletes(ObjectStore store, Table table, String name, MemoryTracker memory) {
    this.store = store;
    this.schemas = table.schemas().values().stream()
        .sorted(Comparator.comparingInt(Schema::schemaId).reversed()).toList();
    this.name = name;
    this.memory = memory;
  }

  /** Adds the positions of {@code dataFile}'s rows that {@code deletes} (Parquet) delete. */
  void addTo(RoaringBitmap deleted, ObjectInfo dataFile, List<DeleteFile> deletes,
      ParquetFooters footers, BooleanSupplier canceled, ScanCounters counters) {
    // The data file's delete files by their field ids, as numbers into the index.
    Map<List<Integer>, RoaringBitmap> applicable = new LinkedHashMap<>();
    for (DeleteFile delete : deletes) {
      List<Integer> ids = fieldIds(delete);
      int number = loaded.computeIfAbsent(delete.location(), location -> new ComputedOnce<>())
          .get(() -> load(delete, ids, footers, canceled, counters));
      applicable.computeIfAbsent(ids, k -> new RoaringBitmap()).add(number);
    }
    applicable.keySet().removeIf(ids -> index.get(ids).isEmpty());
    if (applicable.isEmpty()) {
      return;
    }
    // One read of the data file's columns that any set of field ids compares.
    List<Integer> fields = applicable.keySet().stream().flatMap(List::stream).distinct()
        .toList();
    List<ColumnDefinition> columns = columns(dataFile, fields, footers);
    List<Group> groups = applicable.entrySet().stream()
        .map(e -> new Group(index.get(e.getKey()), e.getValue(),
            e.getKey().stream().mapToInt(fields::indexOf).toArray()))
        .toList();
    FileReadRequest request = new FileReadRequest(columns, all(columns.size()), List.of(),
        FormatOptions.parquet(), canceled, counters, FileReadRequest.DEFAULT_BATCH_ROWS)
        .withPositions(new RowPositions(null, true));
    try (FileBatchReader reader = FileReaders.open(store, FileSplit.whole(dataFile), request,
        footers)) {
      while (reader.hasNext()) {
        RowBatch batch = reader.next();
        for (int row = 0; row < batch.rowCount(); row++) {
          for (Group group : groups) {
            if (group.deletes(batch, row)) {
              deleted.add(Math.toIntExact(batch.column(columns.size()).getLong(row)));
              break;
            }
          }
        }
      }
    } catch (StorageException e) {
      throw e;
    } catch (Exception e) {
      throw new StorageException("58030", "Cannot apply equality deletes to data file '"
          + dataFile.uri() + "' of Iceberg table '" + name + "': " + e.getMessage(), e);
    }
  }

  /**
   * The keys of one set of field ids, the numbers of the data file's delete files among them,
   * and where the fields' columns are in the data file's read.
   */
  private record Group(Map<Object, int[]> keys, RoaringBitmap files, int[] columns) {
    boolean deletes(RowBatch batch, int row) {
      int[] holders = keys.get(key(batch, row, columns));
      if (holders != null) {
        for (int holder : holders) {
          if (files.contains(holder)) {
            return true;
          }
        }
      }
      return false;
    }
  }

  /** Reads one delete file's keys into the index; returns the number it has there. */
  private int load(DeleteFile delete, List<Integer> ids, ParquetFooters footers,
      BooleanSupplier canceled, ScanCounters counters) {
    int number = numbers.getAndIncrement();
    Map<Object, int[]> keys = index.computeIfAbsent(ids, k -> new ConcurrentHashMap<>());
    ObjectInfo file = RowDeletes.file(delete);
    List<ColumnDefinition> columns = columns(file, ids, footers);
    int[] all = all(columns.size());
    FileReadRequest request = new FileReadRequest(columns, all, List.of(),
        FormatOptions.parquet(), canceled, counters, FileReadRequest.DEFAULT_BATCH_ROWS);
    try (FileBatchReader reader = FileReaders.open(store, FileSplit.whole(file), request,
        footers)) {
      while (reader.hasNext()) {
        RowBatch batch = reader.next();
        long bytes = 0;
        for (int row = 0; row < batch.rowCount(); row++) {
          Object key = key(batch, row, all);
          int[] holders = keys.putIfAbsent(key, new int[] {number});
          if (holders == null) {
            bytes += ENTRY_BYTES + bytes(key);
          } else if (!contains(holders, number)) {
            keys.compute(key, (k, current) -> contains(current, number) ? current
                : with(current, number));
            bytes += Integer.BYTES;
          }
        }
        reserve(bytes, delete);
      }
    } catch (StorageException e) {
      throw e;
    } catch (Exception e) {
      throw RowDeletes.unreadable(delete, name, e);
    }
    return number;
  }

  private void reserve(long bytes, DeleteFile delete) {
    try {
      memory.reserve(bytes);
    } catch (StorageException e) {
      throw new StorageException(e.sqlState(), "Cannot apply equality delete file '"
          + delete.location() + "' of Iceberg table '" + name + "': " + e.getMessage(), e);
    }
  }

  /** The delete file's field ids, ascending (the order of its keys' values). */
  private List<Integer> fieldIds(DeleteFile delete) {
    List<Integer> ids = delete.equalityFieldIds();
    if (ids == null || ids.isEmpty()) {
      throw new StorageException("22P04", "Cannot read Iceberg table '" + name
          + "': equality delete file '" + delete.location() + "' has no equality field ids");
    }
    return ids.stream().distinct().sorted().toList();
  }

  /** The columns of fields {@code ids} as {@code file} names them, typed alike for every file. */
  private List<ColumnDefinition> columns(ObjectInfo file, List<Integer> ids,
      ParquetFooters footers) {
    Map<Integer, String> byId = footers.topLevelNamesById(store, file);
    List<ColumnDefinition> columns = new ArrayList<>();
    for (int id : ids) {
      Types.NestedField field = field(id, file);
      columns.add(new ColumnDefinition(IcebergScan.nameInFile(byId, field), type(field), true,
          null));
    }
    return columns;
  }

  /** The top-level field {@code id} of the newest schema that has it. */
  private Types.NestedField field(int id, ObjectInfo file) {
    for (Schema schema : schemas) {
      for (Types.NestedField field : schema.columns()) {
        if (field.fieldId() == id) {
          return field;
        }
      }
    }
    throw new StorageException("0A000", "Cannot read Iceberg table '" + name + "': equality "
        + "deletes compare field id " + id + " (reading '" + file.uri() + "'), which is not a "
        + "top-level column of the table");
  }

  private ColumnType type(Types.NestedField field) {
    ColumnType type = IcebergTypes.toBasalt(field.type(), name, field.name());
    return type.name() == TypeName.TIMESTAMP || type.name() == TypeName.TIMESTAMPTZ
        ? ColumnType.microseconds(type.name()) : type;
  }

  /** The key of one row: its normalised value, or a list of them for several columns. */
  private static Object key(RowBatch batch, int row, int[] columns) {
    if (columns.length == 1) {
      return normalised(batch.column(columns[0]).get(row));
    }
    Object[] values = new Object[columns.length];
    for (int i = 0; i < columns.length; i++) {
      values[i] = normalised(batch.column(columns[i]).get(row));
    }
    return List.of(values);
  }

  /** One value as every file's value of the same field compares: equal values are equal. */
  static Object normalised(Object value) {
    if (value == null) {
      return Null.VALUE;
    }
    if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    if (value instanceof Float f) {
      return f.doubleValue();
    }
    if (value instanceof BigDecimal decimal) {
      return decimal.stripTrailingZeros();
    }
    return value;
  }

  /** About what a key's values take on the heap. */
  private static long bytes(Object key) {
    if (key instanceof List<?> values) {
      long bytes = 16 + 8L * values.size();
      for (Object value : values) {
        bytes += bytes(value);
      }
      return bytes;
    }
    if (key instanceof String text) {
      return 40 + text.length();
    }
    if (key instanceof BigDecimal decimal) {
      return 40 + decimal.unscaledValue().bitLength() / 8;
    }
    return key == Null.VALUE || key instanceof Boolean ? 0 : 16;
  }

  private static boolean contains(int[] numbers, int number) {
    for (int n : numbers) {
      if (n == number) {
        return true;
      }
    }
    return false;
  }

  private static int[] with(int[] numbers, int number) {
    int[] more = Arrays.copyOf(numbers, numbers.length + 1);
    more[numbers.length] = number;
    return more;
  }

  private static int[] all(int count) {
    int[] all = new int[count];
    for (int i = 0; i < count; i++) {
      all[i] = i;
    }
    return all;
  }
}
