package io.basalt.tpch;

import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code basalt bench}: runs a benchmark workload: {@code tpch}, Basalt and in-process DuckDB
 * side by side ({@link BenchTpchCommand}), or {@code federated}, TPC-H with two tables in
 * PostgreSQL ({@link BenchFederatedCommand}).
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Benchmark Basalt; workloads: tpch (against DuckDB), federated (with "
        + "PostgreSQL).")
public final class BenchCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  /** Runs {@code basalt bench} and exits with its exit code. */
  public static void main(String[] args) {
    System.exit(commandLine(System.out).execute(args));
  }

  /** Returns the command line of {@code bench} and its workloads, printing to {@code out}. */
  static CommandLine commandLine(PrintStream out) {
    return new CommandLine(new BenchCommand())
        .addSubcommand("tpch", new BenchTpchCommand(out))
        .addSubcommand("federated", new BenchFederatedCommand(out));
  }

  @Override
  public Integer call() {
    throw new ParameterException(
        spec.commandLine(), "Cannot run the benchmark: name a workload, as in 'bench tpch --sf 1'");
  }
}
