package io.basalt.tpch;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** The options {@code basalt tpch} and {@code basalt bench tpch} share (a picocli mixin). */
final class TpchOptions {
  @Option(names = "--sf", description = "Scale factor (default: ${DEFAULT-VALUE}).",
      defaultValue = "1")
  private String scaleFactor;

  @Option(names = "--queries", split = ",", paramLabel = "N",
      description = "Queries to run, e.g. 1,3,5 (default: all 22).")
  private List<Integer> queries;

  @Option(names = "--data-dir", defaultValue = "./basalt-data-tpch",
      description = "Folder for generated data (tbl/sf<SF>), the Basalt server and DuckDB's "
          + "database (default: ${DEFAULT-VALUE}); all are reused across runs.")
  Path dataDirectory;

  @Option(names = "--tpch-dir",
      description = "The TPC-H kit folder with queries/ and answers/ (default: the "
          + "basalt.tpch.dir system property, else the first shared/tpch above the working "
          + "directory).")
  private Path tpchDirectory;

  @Option(names = "--slices",
      description = "Slices of the in-process server, and DuckDB's threads (default: cores).")
  Integer slices;

  @Option(names = "--reload",
      description = "Load the data (and, with --format parquet or iceberg, write the Parquet "
          + "files or the Iceberg tables) even if it is already there.")
  boolean reload;

  @Option(names = "--format", defaultValue = "native", paramLabel = "native|parquet|iceberg",
      description = "Tables the queries read: native (Basalt's store), parquet (the native "
          + "tables unloaded to Parquet in the server's object store, read as external tables) "
          + "or iceberg (the native tables copied by CREATE TABLE AS into Iceberg tables there) "
          + "(default: ${DEFAULT-VALUE}).")
  private String format;

  /** What a run works on: the scale, the kit, the query numbers and the tables' format. */
  record Workload(TpchScale scale, TpchQueries kit, List<Integer> numbers, TableFormat format) {}

  /**
   * Checks the options (usage errors of {@code spec}'s command) and notes on {@code out} when
   * the kit has no answers to check against.
   */
  Workload workload(CommandSpec spec, PrintStream out) {
    TpchScale scale;
    TpchQueries kit;
    TableFormat tableFormat;
    try {
      scale = TpchScale.parse(scaleFactor);
      tableFormat = TableFormat.parse(format);
      kit = TpchQueries.locate(Optional.ofNullable(tpchDirectory));
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
    List<Integer> numbers =
        queries == null || queries.isEmpty() ? TpchQueries.ALL : List.copyOf(queries);
    for (int number : numbers) {
      if (number < 1 || number > 22) {
        throw new ParameterException(
            spec.commandLine(), "Cannot run TPC-H query " + number + ": queries are 1 to 22");
      }
    }
    if (kit.answer(scale, numbers.get(0)).isEmpty()) {
      out.printf("note: the kit has no answers for scale factor %s; results are unchecked%n",
          scale.label());
    }
    return new Workload(scale, kit, numbers, tableFormat);
  }
}
