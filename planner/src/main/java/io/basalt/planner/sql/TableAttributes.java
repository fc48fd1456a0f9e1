package io.basalt.planner.sql;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.apache.calcite.sql.SqlWriter;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Physical layout of a Redshift table: its distribution style, distribution key and sort key.
 *
 * <p>Column-level {@code DISTKEY} and {@code SORTKEY} are folded in here by the parser, so the
 * executor reads the layout from one place. A {@code DISTKEY} without {@code DISTSTYLE} yields
 * distStyle {@code KEY}, and a {@code SORTKEY} without {@code COMPOUND} or {@code INTERLEAVED}
 * yields {@code COMPOUND}, as in Redshift.
 *
 * @param distStyle {@code AUTO}, {@code EVEN}, {@code KEY}, {@code ALL}, or null if not declared
 * @param distKey the distribution key column, or null
 * @param sortKeyKind {@code COMPOUND}, {@code INTERLEAVED}, {@code AUTO} (for {@code SORTKEY
 *     AUTO}), or null if there is no sort key
 * @param sortKeyColumns the sort key columns in order; empty if there is no sort key
 */
public record TableAttributes(
    @Nullable String distStyle,
    @Nullable String distKey,
    @Nullable String sortKeyKind,
    List<String> sortKeyColumns) {

  /** A table that declares no layout at all. */
  public static final TableAttributes NONE = new TableAttributes(null, null, null, List.of());

  public TableAttributes {
    requireNonNull(sortKeyColumns, "sortKeyColumns is null");
    sortKeyColumns = List.copyOf(sortKeyColumns);
  }

  /** Writes the attributes as Redshift table attributes, e.g. {@code DISTSTYLE KEY DISTKEY(a)}. */
  void unparse(SqlWriter writer) {
    if (distStyle != null) {
      writer.keyword("DISTSTYLE");
      writer.keyword(distStyle);
    }
    if (distKey != null) {
      writer.keyword("DISTKEY");
      SqlWriter.Frame frame = writer.startList("(", ")");
      writer.identifier(distKey, true);
      writer.endList(frame);
    }
    if (sortKeyKind != null) {
      if ("AUTO".equals(sortKeyKind)) {
        writer.keyword("SORTKEY AUTO");
        return;
      }
      writer.keyword(sortKeyKind);
      writer.keyword("SORTKEY");
      SqlDdlWriting.names(writer, sortKeyColumns);
    }
  }
}
