package io.basalt.planner.rel;

import io.basalt.planner.catalog.ExternalCatalog;
import io.basalt.planner.catalog.StatementEnvironment;
import io.basalt.planner.catalog.TypeMapping;
import io.basalt.planner.exec.Batch;
import io.basalt.planner.exec.Column;
import io.basalt.planner.source.PredicateSupport;
import io.basalt.planner.source.ScanContext;
import io.basalt.planner.source.ScanMetrics;
import io.basalt.planner.source.ScanSpec;
import io.basalt.planner.source.SourceScan;
import io.basalt.planner.source.SourceStatistics;
import io.basalt.planner.source.SourceTable;
import io.basalt.planner.source.Split;
import io.basalt.planner.source.SplitReader;
import io.basalt.planner.source.TableSource;
import io.basalt.planner.source.TableVersion;
import io.basalt.planner.source.VersionedSourceTable;
import io.basalt.storage.ColumnDefinition;
import io.basalt.storage.ColumnPredicate;
import io.basalt.storage.ColumnType;
import io.basalt.storage.StorageException;
import io.basalt.storage.TypeName;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.SqlNode;

/**
 * An external schema "ice" whose table {@code t (id BIGINT, label VARCHAR)} has versions, as an
 * Iceberg table has: its rows depend on the version a scan asks for, and it records every
 * version it was scanned at. Snapshot 1 has one row, snapshot 2 three, the latest two; a scan
 * as of an instant returns one row whose label describes the instant; any other snapshot id
 * is unknown. A second table, {@code flat}, has no versions.
 */
final class VersionedSourceFixture implements ExternalCatalog {
  /** Every version the table was scanned at, in order. */
  final List<TableVersion> scanned = new CopyOnWriteArrayList<>();

  private final TableSource versioned = new FakeSource("ice.t", true);
  private final TableSource flat = new FakeSource("ice.flat", false);

  @Override
  public Set<String> schemaNames() {
    return Set.of("ice");
  }

  @Override
  public Schema schema(String name) {
    if (!name.equals("ice")) {
      return null;
    }
    return new AbstractSchema() {
      @Override
      protected Map<String, Table> getTableMap() {
        return Map.of("t", new VersionedTable(versioned), "flat", new FlatTable(flat));
      }
    };
  }

  @Override
  public Optional<ExternalStatement> statement(SqlNode statement, StatementEnvironment env) {
    return Optional.empty();
  }

  /** The rows of the table at a version: ids and labels. */
  private static List<Object[]> rows(TableVersion version) {
    if (version instanceof TableVersion.SnapshotId snapshot) {
      if (snapshot.id() == 1) {
        return List.<Object[]>of(new Object[] {1L, "v1"});
      }
      if (snapshot.id() == 2) {
        return List.of(new Object[] {1L, "v2"}, new Object[] {2L, "v2"},
            new Object[] {3L, "v2"});
      }
      throw new StorageException("22023", "Cannot find snapshot with ID " + snapshot.id());
    }
    if (version instanceof TableVersion.AsOfTime) {
      return List.<Object[]>of(new Object[] {1L, version.describe()});
    }
    return List.of(new Object[] {1L, "latest"}, new Object[] {2L, "latest"});
  }

  /** A source of the rows above; only the versioned one is asked for versions. */
  private final class FakeSource implements TableSource {
    private final String name;
    private final boolean versions;

    FakeSource(String name, boolean versions) {
      this.name = name;
      this.versions = versions;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public String kind() {
      return "fake";
    }

    @Override
    public List<ColumnDefinition> columns() {
      return List.of(new ColumnDefinition("id", ColumnType.of(TypeName.BIGINT), false, null),
          new ColumnDefinition("label", ColumnType.varchar(40), false, null));
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
    public boolean supportsVersions() {
      return versions;
    }

    @Override
    public SourceScan scan(ScanSpec spec, ScanContext context) {
      scanned.add(spec.version());
      List<Object[]> rows = rows(spec.version());
      return new SourceScan() {
        @Override
        public List<Split> splits(int partitions) {
          return List.of(() -> name + " at " + spec.version().describe());
        }

        @Override
        public SplitReader open(Split split, BooleanSupplier canceled) {
          return new SplitReader() {
            private boolean done;

            @Override
            public Batch next() {
              if (done) {
                return null;
              }
              done = true;
              return batch(rows, spec.columns());
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
  }

  /** The rows as a batch of the scan's columns (0 id, 1 label), in the scan's order. */
  private static Batch batch(List<Object[]> rows, int[] columns) {
    Column[] out = new Column[columns.length];
    for (int c = 0; c < columns.length; c++) {
      if (columns[c] == 0) {
        long[] ids = new long[rows.size()];
        for (int r = 0; r < rows.size(); r++) {
          ids[r] = (Long) rows.get(r)[0];
        }
        out[c] = Column.ofLongs(rows.size(), ids, null);
      } else {
        Object[] labels = new Object[rows.size()];
        for (int r = 0; r < rows.size(); r++) {
          labels[r] = rows.get(r)[1];
        }
        out[c] = Column.ofStrings(rows.size(), labels, null);
      }
    }
    return new Batch(rows.size(), out);
  }

  /** The Calcite table of a source without versions. */
  private static class FlatTable extends AbstractTable implements TranslatableTable, SourceTable {
    private final TableSource source;

    FlatTable(TableSource source) {
      this.source = source;
    }

    @Override
    public TableSource source() {
      return source;
    }

    @Override
    public RelDataType getRowType(RelDataTypeFactory typeFactory) {
      return TypeMapping.rowType(typeFactory, source.columns());
    }

    @Override
    public RelNode toRel(RelOptTable.ToRelContext context, RelOptTable relOptTable) {
      return SourceTableScan.create(context.getCluster(), relOptTable, source);
    }
  }

  /** The Calcite table of the versioned source. */
  private static final class VersionedTable extends FlatTable implements VersionedSourceTable {
    VersionedTable(TableSource source) {
      super(source);
    }
  }
}
