package io.basalt.planner.rel.vector;

import io.basalt.planner.exec.ProfiledNode;
import io.basalt.planner.exec.SourceScanNode;
import io.basalt.planner.source.ScanMetrics;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.externalize.RelWriterImpl;
import org.apache.calcite.sql.SqlExplainLevel;
import org.apache.calcite.util.Pair;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * What EXPLAIN ANALYZE collects while it runs a query: for every engine plan the execution ran,
 * each operator's rows, batches and time, and each table scan's source metrics. An execution
 * finds its profile in its data context under {@link #KEY}.
 */
public final class ExecutionProfile {
  /** The data-context name an execution looks its profile up by. */
  public static final String KEY = "basalt.executionProfile";

  private final List<Run> runs = new ArrayList<>();

  /** One engine plan's execution: its root and the profiled node of every operator. */
  private record Run(RelNode root, Map<RelNode, ProfiledNode> nodes) {}

  synchronized void record(RelNode root, Map<RelNode, ProfiledNode> nodes) {
    runs.add(new Run(root, nodes));
  }

  /** The plans with each operator's figures, one line per operator. */
  public synchronized List<String> report() {
    List<String> lines = new ArrayList<>();
    for (Run run : runs) {
      append(run, run.root(), 0, lines);
    }
    return lines;
  }

  private void append(Run run, RelNode rel, int depth, List<String> lines) {
    StringBuilder line = new StringBuilder("  ".repeat(depth)).append(describe(rel));
    ProfiledNode profiled = run.nodes().get(rel);
    if (profiled != null) {
      line.append(String.format(Locale.ROOT, " (actual rows=%d batches=%d time=%.1f ms)",
          profiled.rows(), profiled.batches(), profiled.millis()));
      if (profiled.node() instanceof SourceScanNode scan && scan.resolvedScan() != null) {
        ScanMetrics.Counts counts = scan.resolvedScan().metrics().counts();
        line.append(String.format(Locale.ROOT,
            " [%s: splits=%d files=%d bytes=%d rows read=%d blocks read=%d skipped=%d",
            scan.source().kind(), counts.splitsRead(), counts.filesRead(), counts.bytesRead(),
            counts.rowsRead(), counts.blocksRead(), counts.blocksSkipped()));
        if (counts.partitionsTotal() > 0) {
          line.append(String.format(Locale.ROOT, " partitions=%d of %d",
              counts.partitionsQualified(), counts.partitionsTotal()));
        }
        String details = scan.resolvedScan().details();
        if (!details.isEmpty()) {
          line.append(' ').append(details);
        }
        line.append(']');
      }
    }
    lines.add(line.toString());
    for (RelNode input : rel.getInputs()) {
      append(run, input, depth + 1, lines);
    }
  }

  /** One operator's line as EXPLAIN prints it, without its inputs. */
  private static String describe(RelNode rel) {
    StringWriter text = new StringWriter();
    RelWriterImpl writer = new RelWriterImpl(new PrintWriter(text),
        SqlExplainLevel.EXPPLAN_ATTRIBUTES, false) {
      @Override
      protected void explain_(RelNode node, List<Pair<String, @Nullable Object>> values) {
        StringBuilder s = new StringBuilder(node.getRelTypeName());
        int shown = 0;
        for (Pair<String, @Nullable Object> value : values) {
          if (value.right instanceof RelNode) {
            continue;
          }
          s.append(shown++ == 0 ? "(" : ", ").append(value.left).append("=[")
              .append(value.right).append(']');
        }
        if (shown > 0) {
          s.append(')');
        }
        text.append(s);
      }
    };
    rel.explain(writer);
    return text.toString().trim();
  }

  /** Collects the profiled nodes of one compilation. */
  static final class Collector {
    private final Map<RelNode, ProfiledNode> nodes = new IdentityHashMap<>();

    void put(RelNode rel, ProfiledNode node) {
      nodes.put(rel, node);
    }

    Map<RelNode, ProfiledNode> nodes() {
      return nodes;
    }
  }
}
