package io.basalt.planner.cost;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.planner.exec.Batch;
import io.basalt.planner.exec.Column;
import io.basalt.planner.source.PredicateSupport;
import io.basalt.planner.source.ScanContext;
import io.basalt.planner.source.ScanMetrics;
import io.basalt.planner.source.ScanSpec;
import io.basalt.planner.source.SourceScan;
import io.basalt.planner.source.SourceStatistics;
import io.basalt.planner.source.Split;
import io.basalt.planner.source.SplitReader;
import io.basalt.planner.source.TableSource;
import io.basalt.storage.ColumnDefinition;
import io.basalt.storage.ColumnPredicate;
import io.basalt.storage.ColumnType;
import io.basalt.storage.TypeName;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.LongUnaryOperator;
import org.junit.jupiter.api.Test;

/** Distinct estimates from a sample of a source's first splits. */
class TestSourceSampler {
  private static final int SPLIT_ROWS = 100_000;

  /** A one-column source of {@code rows} values value(i), in splits of 100,000 rows. */
  private static TableSource source(long rows, LongUnaryOperator value) {
    return new TableSource() {
      @Override
      public String name() {
        return "t";
      }

      @Override
      public String kind() {
        return "fake";
      }

      @Override
      public List<ColumnDefinition> columns() {
        return List.of(new ColumnDefinition("c", ColumnType.of(TypeName.BIGINT), true, null));
      }

      @Override
      public SourceStatistics statistics() {
        return SourceStatistics.UNKNOWN;
      }

      @Override
      public PredicateSupport support(ColumnPredicate predicate) {
        return PredicateSupport.NONE;
      }

      @Override
      public SourceScan scan(ScanSpec spec, ScanContext context) {
        return new SourceScan() {
          @Override
          public List<Split> splits(int partitions) {
            List<Split> splits = new ArrayList<>();
            for (long start = 0; start < rows; start += SPLIT_ROWS) {
              long first = start;
              splits.add(() -> "rows from " + first);
            }
            return splits;
          }

          @Override
          public SplitReader open(Split split, BooleanSupplier canceled) {
            long first = Long.parseLong(split.description().substring("rows from ".length()));
            return new SplitReader() {
              private boolean done;

              @Override
              public Batch next() {
                if (done) {
                  return null;
                }
                done = true;
                int count = (int) Math.min(SPLIT_ROWS, rows - first);
                long[] values = new long[count];
                for (int i = 0; i < count; i++) {
                  values[i] = value.applyAsLong(first + i);
                }
                return new Batch(count, new Column[] {Column.ofLongs(count, values, null)});
              }

              @Override
              public void close() {}
            };
          }

          @Override
          public ScanMetrics metrics() {
            return new ScanMetrics();
          }
        };
      }
    };
  }

  @Test
  void aKeyIsScaledToTheTable() {
    double estimate = SourceSampler.distinctValues(source(3_000_000, i -> i), 0, 3_000_000,
        1_000_000);
    assertThat(estimate).isBetween(2_700_000.0, 3_300_000.0);
  }

  @Test
  void aColumnSortedByAKeyIsScaledToo() {
    double estimate = SourceSampler.distinctValues(source(4_000_000, i -> i / 4), 0, 4_000_000,
        1_000_000);
    assertThat(estimate).isBetween(900_000.0, 1_100_000.0);
  }

  @Test
  void aLowCardinalityColumnIsNotScaled() {
    double estimate = SourceSampler.distinctValues(source(3_000_000, i -> i % 100), 0,
        3_000_000, 1_000_000);
    assertThat(estimate).isBetween(95.0, 105.0);
  }

  @Test
  void aSmallTableIsCountedWhole() {
    double estimate = SourceSampler.distinctValues(source(50_000, i -> i % 7_000), 0, 50_000,
        1_000_000);
    assertThat(estimate).isBetween(6_800.0, 7_200.0);
  }
}
