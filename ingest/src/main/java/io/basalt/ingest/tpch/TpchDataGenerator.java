package io.basalt.ingest.tpch;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.nio.file.StandardCopyOption.ATOMIC_MOVE;
import static java.nio.file.StandardCopyOption.REPLACE_EXISTING;
import static java.util.Objects.requireNonNull;

import io.trino.tpch.TpchEntity;
import io.trino.tpch.TpchTable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Writes the eight TPC-H tables of one scale factor as dbgen {@code .tbl} files, one file per
 * table, byte for byte what io.trino.tpch's generators (and so the TPC's own dbgen) produce.
 *
 * <p>Each table is cut into chunks that worker threads generate in parallel, while the calling
 * thread appends the finished chunks in order to a hidden temporary file; the file is renamed to
 * {@code <table>.tbl} only when complete, next to a {@code _<table>.rows} file holding its row
 * count and scale factor. A later run of the same scale factor finds complete tables and skips
 * them, and a killed run leaves at worst a hidden temporary file that the next run overwrites.
 * Temporary and row-count files start with {@code .} or {@code _}, never with the table name, so
 * a COPY of the prefix {@code <table>} or {@code <table>.tbl} sees only the data.
 */
public final class TpchDataGenerator {
  /** Rows per chunk: large enough to amortize a task, small enough to bound memory (~15 MB). */
  private static final long DEFAULT_ROWS_PER_CHUNK = 100_000;

  /** Approximate rows per table at scale factor 1, used only to cut tables into chunks. */
  private static final Map<String, Long> ROWS_AT_SF1 =
      Map.of(
          "lineitem", 6_000_000L,
          "orders", 1_500_000L,
          "partsupp", 800_000L,
          "part", 200_000L,
          "customer", 150_000L,
          "supplier", 10_000L,
          "nation", 25L,
          "region", 5L);

  /** Largest tables first, so that the small ones fill the tail of the run. */
  private static final List<String> GENERATION_ORDER =
      List.of("lineitem", "orders", "partsupp", "part", "customer", "supplier", "nation", "region");

  private final double scaleFactor;
  private final int threads;
  private final long rowsPerChunk;

  /** Creates a generator for {@code scaleFactor} that uses every available processor. */
  public TpchDataGenerator(double scaleFactor) {
    this(scaleFactor, Runtime.getRuntime().availableProcessors());
  }

  /** Creates a generator for {@code scaleFactor} that runs {@code threads} worker threads. */
  public TpchDataGenerator(double scaleFactor, int threads) {
    this(scaleFactor, threads, DEFAULT_ROWS_PER_CHUNK);
  }

  /** Creates a generator cutting tables into chunks of about {@code rowsPerChunk} rows. */
  TpchDataGenerator(double scaleFactor, int threads, long rowsPerChunk) {
    if (!(scaleFactor > 0) || Double.isInfinite(scaleFactor)) {
      throw new IllegalArgumentException(
          "Cannot generate TPC-H data: scale factor must be positive, was " + scaleFactor);
    }
    if (threads < 1) {
      throw new IllegalArgumentException(
          "Cannot generate TPC-H data: threads must be at least 1, was " + threads);
    }
    if (rowsPerChunk < 1) {
      throw new IllegalArgumentException("rowsPerChunk must be at least 1, was " + rowsPerChunk);
    }
    this.scaleFactor = scaleFactor;
    this.threads = threads;
    this.rowsPerChunk = rowsPerChunk;
  }

  /** Returns the path of {@code table}'s data file in {@code directory}. */
  public static Path tableFile(Path directory, String table) {
    return directory.resolve(table + ".tbl");
  }

  /**
   * Writes every table that is not already complete in {@code directory} (created if missing)
   * and returns all eight files, in {@link TpchSchema#TABLES} order.
   */
  public TpchData generate(Path directory, TpchProgressListener listener) throws IOException {
    requireNonNull(directory, "directory is null");
    requireNonNull(listener, "listener is null");
    Files.createDirectories(directory);
    List<TpchTableFile> files = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (String table : GENERATION_ORDER) {
      Optional<Long> rows = completeRows(directory, table);
      if (rows.isPresent()) {
        TpchTableFile file =
            new TpchTableFile(table, tableFile(directory, table), rows.get(), true, Duration.ZERO);
        files.add(file);
        listener.completed(file);
      } else {
        missing.add(table);
      }
    }
    if (!missing.isEmpty()) {
      files.addAll(write(directory, missing, listener));
    }
    List<TpchTableFile> ordered = new ArrayList<>();
    for (String table : TpchSchema.TABLES) {
      files.stream().filter(file -> file.table().equals(table)).forEach(ordered::add);
    }
    return new TpchData(scaleFactor, directory, ordered);
  }

  private List<TpchTableFile> write(
      Path directory, List<String> tables, TpchProgressListener listener) throws IOException {
    List<Chunk> chunks = new ArrayList<>();
    for (String table : tables) {
      int parts = chunkCount(table);
      for (int part = 1; part <= parts; part++) {
        chunks.add(new Chunk(table, part, parts));
      }
    }
    ExecutorService workers =
        Executors.newFixedThreadPool(
            threads,
            runnable -> {
              Thread thread = new Thread(runnable, "tpch-generator");
              thread.setDaemon(true);
              return thread;
            });
    try {
      return writeInOrder(directory, chunks, workers, listener);
    } finally {
      workers.shutdownNow();
    }
  }

  /** Keeps a bounded window of chunks generating ahead while appending finished ones in order. */
  private List<TpchTableFile> writeInOrder(
      Path directory,
      List<Chunk> chunks,
      ExecutorService workers,
      TpchProgressListener listener)
      throws IOException {
    int window = threads * 2 + 1;
    Deque<Future<GeneratedChunk>> pending = new ArrayDeque<>();
    int next = 0;
    List<TpchTableFile> written = new ArrayList<>();
    OutputStream out = null;
    long rows = 0;
    long started = 0;
    try {
      while (next < chunks.size() || !pending.isEmpty()) {
        while (next < chunks.size() && pending.size() < window) {
          Chunk chunk = chunks.get(next++);
          pending.add(workers.submit(() -> chunk.generate(scaleFactor)));
        }
        GeneratedChunk generated = await(pending.removeFirst());
        Chunk chunk = generated.chunk();
        if (chunk.part() == 1) {
          out = Files.newOutputStream(temporaryFile(directory, chunk.table()));
          rows = 0;
          started = System.nanoTime();
        }
        out.write(generated.text());
        rows += generated.rows();
        listener.progress(chunk.table(), rows);
        if (chunk.part() == chunk.parts()) {
          out.close();
          out = null;
          TpchTableFile file =
              publish(
                  directory, chunk.table(), rows, Duration.ofNanos(System.nanoTime() - started));
          written.add(file);
          listener.completed(file);
        }
      }
      return written;
    } finally {
      if (out != null) {
        out.close();
      }
      pending.forEach(future -> future.cancel(true));
    }
  }

  private static GeneratedChunk await(Future<GeneratedChunk> future) throws IOException {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("Cannot generate TPC-H data: interrupted", e);
    } catch (ExecutionException e) {
      throw new IOException("Cannot generate TPC-H data: " + e.getCause(), e.getCause());
    }
  }

  /** Writes the row count, then renames the data file into place: its presence means complete. */
  private TpchTableFile publish(Path directory, String table, long rows, Duration elapsed)
      throws IOException {
    Path rowsTemporary = directory.resolve("." + table + ".rows.tmp");
    Files.writeString(rowsTemporary, rows + " " + scaleFactor + "\n", UTF_8);
    Files.move(rowsTemporary, rowsFile(directory, table), REPLACE_EXISTING, ATOMIC_MOVE);
    Path file = tableFile(directory, table);
    Files.move(temporaryFile(directory, table), file, REPLACE_EXISTING, ATOMIC_MOVE);
    return new TpchTableFile(table, file, rows, false, elapsed);
  }

  /** Returns the row count of a complete file of this scale factor, else empty. */
  private Optional<Long> completeRows(Path directory, String table) throws IOException {
    Path rowsFile = rowsFile(directory, table);
    if (!Files.isRegularFile(tableFile(directory, table)) || !Files.isRegularFile(rowsFile)) {
      return Optional.empty();
    }
    String[] fields = Files.readString(rowsFile, UTF_8).trim().split(" ");
    try {
      if (fields.length != 2 || Double.parseDouble(fields[1]) != scaleFactor) {
        return Optional.empty();
      }
      return Optional.of(Long.parseLong(fields[0]));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static Path rowsFile(Path directory, String table) {
    return directory.resolve("_" + table + ".rows");
  }

  private static Path temporaryFile(Path directory, String table) {
    return directory.resolve("." + table + ".tbl.tmp");
  }

  private int chunkCount(String table) {
    if (table.equals("nation") || table.equals("region")) {
      // Their generators ignore the scale factor and the part: one chunk holds the fixed rows.
      return 1;
    }
    double rows = ROWS_AT_SF1.get(table) * scaleFactor;
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, Math.ceil(rows / rowsPerChunk)));
  }

  /** Part {@code part} of {@code parts} of a table, as io.trino.tpch's generators split it. */
  private record Chunk(String table, int part, int parts) {
    GeneratedChunk generate(double scaleFactor) {
      TpchTable<?> tpchTable = TpchTable.getTable(table);
      StringBuilder text = new StringBuilder(1 << 16);
      long rows = 0;
      for (TpchEntity entity : tpchTable.createGenerator(scaleFactor, part, parts)) {
        text.append(entity.toLine()).append('\n');
        rows++;
      }
      return new GeneratedChunk(this, text.toString().getBytes(UTF_8), rows);
    }
  }

  /** The dbgen text of one chunk and its row count. */
  private record GeneratedChunk(Chunk chunk, byte[] text, long rows) {}
}
