package io.basalt.planner.rel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.planner.sql.TimeTravelOperator;
import io.basalt.storage.StorageException;
import java.math.BigDecimal;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.tools.Frameworks;
import org.apache.calcite.tools.RelBuilder;
import org.junit.jupiter.api.Test;

/** A Snapshot folds into the scan under it, or planning fails: none is left to run. */
class TestSnapshotFolding {
  private final RelBuilder builder = RelBuilder.create(Frameworks.newConfigBuilder()
      .defaultSchema(Frameworks.createRootSchema(true)).build());

  private RexNode snapshotOne() {
    RexBuilder rexBuilder = builder.getRexBuilder();
    return rexBuilder.makeCall(TimeTravelOperator.VERSION,
        rexBuilder.makeExactLiteral(BigDecimal.ONE));
  }

  @Test
  void aSnapshotOverAnythingButAScanIsAnError() {
    RelNode plan = builder.values(new String[] {"x"}, 1).snapshot(snapshotOne())
        .project(builder.field(0)).build();
    assertThatThrownBy(() -> SnapshotFolding.fold(plan))
        .isInstanceOfSatisfying(StorageException.class,
            e -> assertThat(e.sqlState()).isEqualTo("0A000"))
        .hasMessage("Cannot read LogicalValues at a version: only a scan of an Iceberg table"
            + " has versions");
  }

  @Test
  void aPlanWithoutSnapshotsIsUnchanged() {
    RelNode plan = builder.values(new String[] {"x"}, 1).project(builder.field(0)).build();
    assertThat(SnapshotFolding.fold(plan)).isSameAs(plan);
  }
}
