package io.basalt.planner.rel;

import io.basalt.planner.rel.pushdown.RemoteCosts;
import java.util.List;
import java.util.OptionalDouble;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.metadata.BuiltInMetadata;
import org.apache.calcite.rel.metadata.ChainedRelMetadataProvider;
import org.apache.calcite.rel.metadata.DefaultRelMetadataProvider;
import org.apache.calcite.rel.metadata.MetadataDef;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.metadata.MetadataHandler;
import org.apache.calcite.rel.metadata.ReflectiveRelMetadataProvider;
import org.apache.calcite.rel.metadata.RelMdUtil;
import org.apache.calcite.rel.metadata.RelMetadataProvider;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.util.ImmutableBitSet;
import org.apache.calcite.util.ImmutableIntList;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Statistics the optimizer reads about source scans and joins: distinct-value counts of columns
 * (from each {@link io.basalt.planner.source.TableSource}'s statistics) and, from them, the selectivity of an
 * equi-join as 1 / max(distinct values of the two sides), instead of Calcite's fixed guess.
 * Good join-size estimates are what keep the heuristic join order away from huge intermediates.
 */
public final class ScanMetadata {
  /** Basalt's handlers first, then Calcite's defaults. */
  public static final RelMetadataProvider PROVIDER = ChainedRelMetadataProvider.of(List.of(
      ReflectiveRelMetadataProvider.reflectiveSource(new DistinctValues(),
          BuiltInMetadata.DistinctRowCount.Handler.class),
      ReflectiveRelMetadataProvider.reflectiveSource(new JoinSelectivity(),
          BuiltInMetadata.Selectivity.Handler.class),
      ReflectiveRelMetadataProvider.reflectiveSource(new RemoteCosts(),
          BuiltInMetadata.NonCumulativeCost.Handler.class),
      ReflectiveRelMetadataProvider.reflectiveSource(new RemoteCosts.JoinRows(),
          BuiltInMetadata.RowCount.Handler.class),
      DefaultRelMetadataProvider.INSTANCE));

  private ScanMetadata() {}

  /** Distinct values of source scan columns. */
  public static final class DistinctValues
      implements MetadataHandler<BuiltInMetadata.DistinctRowCount> {
    @Override
    public MetadataDef<BuiltInMetadata.DistinctRowCount> getDef() {
      return BuiltInMetadata.DistinctRowCount.DEF;
    }

    public @Nullable Double getDistinctRowCount(SourceTableScan scan, RelMetadataQuery mq,
        ImmutableBitSet groupKey, @Nullable RexNode predicate) {
      return distinct(scan, scan.columns, mq.getRowCount(scan), groupKey, predicate);
    }

    public @Nullable Double getDistinctRowCount(EnumerableSourceScan scan, RelMetadataQuery mq,
        ImmutableBitSet groupKey, @Nullable RexNode predicate) {
      return distinct(scan.logical(), scan.logical().columns, mq.getRowCount(scan), groupKey,
          predicate);
    }

    /** Physical scans of other conventions (Basalt's engine). */
    public @Nullable Double getDistinctRowCount(TableScan scan, RelMetadataQuery mq,
        ImmutableBitSet groupKey, @Nullable RexNode predicate) {
      if (scan instanceof SourceScanWrapper wrapper) {
        return distinct(wrapper.logical(), wrapper.logical().columns, mq.getRowCount(scan),
            groupKey, predicate);
      }
      return null;
    }

    private static @Nullable Double distinct(SourceTableScan scan, ImmutableIntList columns,
        @Nullable Double rows, ImmutableBitSet groupKey, @Nullable RexNode predicate) {
      if (rows == null) {
        return null;
      }
      double product = 1;
      for (int position : groupKey) {
        OptionalDouble known = scan.source.statistics().column(columns.get(position))
            .distinctCount();
        if (known.isEmpty()) {
          return null;
        }
        product *= known.getAsDouble();
      }
      double selected = rows * (predicate == null ? 1 : RelMdUtil.guessSelectivity(predicate));
      return Math.max(1, Math.min(product, selected));
    }
  }

  /** Selectivity of join conditions from the distinct values on each side. */
  public static final class JoinSelectivity
      implements MetadataHandler<BuiltInMetadata.Selectivity> {
    @Override
    public MetadataDef<BuiltInMetadata.Selectivity> getDef() {
      return BuiltInMetadata.Selectivity.DEF;
    }

    public @Nullable Double getSelectivity(Join join, RelMetadataQuery mq,
        @Nullable RexNode predicate) {
      if (predicate == null || predicate.isAlwaysTrue()) {
        return 1.0;
      }
      int leftWidth = join.getLeft().getRowType().getFieldCount();
      double selectivity = 1;
      boolean equiJoined = false;
      for (RexNode conjunct : RelOptUtil.conjunctions(predicate)) {
        Double equality = equiJoinSelectivity(join, mq, conjunct, leftWidth);
        if (equality != null) {
          // Further key columns of a multi-column join rarely filter independently.
          selectivity *= equiJoined ? Math.sqrt(equality) : equality;
          equiJoined = true;
        } else {
          selectivity *= RelMdUtil.guessSelectivity(conjunct);
        }
      }
      return selectivity;
    }

    private static @Nullable Double equiJoinSelectivity(Join join, RelMetadataQuery mq,
        RexNode conjunct, int leftWidth) {
      if (conjunct.getKind() != SqlKind.EQUALS
          || !(((RexCall) conjunct).getOperands().get(0) instanceof RexInputRef a)
          || !(((RexCall) conjunct).getOperands().get(1) instanceof RexInputRef b)) {
        return null;
      }
      RexInputRef left = a.getIndex() < b.getIndex() ? a : b;
      RexInputRef right = left == a ? b : a;
      if (left.getIndex() >= leftWidth || right.getIndex() < leftWidth) {
        return null;
      }
      Double leftDistinct = distinct(mq, join.getLeft(), left.getIndex());
      Double rightDistinct = distinct(mq, join.getRight(), right.getIndex() - leftWidth);
      if (leftDistinct == null || rightDistinct == null) {
        return null;
      }
      return 1.0 / Math.max(1, Math.max(leftDistinct, rightDistinct));
    }

    private static @Nullable Double distinct(RelMetadataQuery mq, RelNode input, int column) {
      return mq.getDistinctRowCount(input, ImmutableBitSet.of(column), null);
    }
  }
}
