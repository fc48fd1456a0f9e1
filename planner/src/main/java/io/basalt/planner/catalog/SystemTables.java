package io.basalt.planner.catalog;

import io.basalt.storage.ScanRequest;
import io.basalt.storage.StorageEngine;
import io.basalt.storage.TableDefinition;
import io.basalt.storage.TableSnapshot;
import io.basalt.storage.TableStats;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.ScannableTable;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.schema.lookup.CompatibilityLookup;
import org.apache.calcite.schema.lookup.Lookup;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Redshift's system tables: SVV_TABLE_INFO and STL_LOAD_ERRORS here, plus those the external
 * catalog adds (SVV_EXTERNAL_*, SVL_S3QUERY_SUMMARY).
 */
final class SystemTables {
  static final String LOAD_ERRORS_TABLE = "stl_load_errors";
  private static final long MEGABYTE = 1024 * 1024;

  private final CatalogServices services;
  private final Map<String, Table> tables;

  SystemTables(CatalogServices services) {
    this.services = services;
    Map<String, Table> all = new java.util.HashMap<>(services.external().systemTables());
    all.put("svv_table_info", new TableInfo());
    all.put(LOAD_ERRORS_TABLE, new LoadErrors());
    this.tables = Map.copyOf(all);
  }

  Lookup<Table> lookup() {
    return new CompatibilityLookup<>(tables::get, this::names);
  }

  Set<String> names() {
    return tables.keySet();
  }

  /** SVV_TABLE_INFO: one row per native table, with its physical design and size. */
  private final class TableInfo extends AbstractTable implements ScannableTable {
    @Override
    public RelDataType getRowType(RelDataTypeFactory factory) {
      return factory.builder()
          .add("database", SqlTypeName.VARCHAR, 128)
          .add("schema", SqlTypeName.VARCHAR, 128)
          .add("table_id", SqlTypeName.BIGINT)
          .add("table", SqlTypeName.VARCHAR, 128)
          .add("encoded", SqlTypeName.VARCHAR, 32)
          .add("diststyle", SqlTypeName.VARCHAR, 140)
          .add("sortkey1", SqlTypeName.VARCHAR, 128).nullable(true)
          .add("max_varchar", SqlTypeName.INTEGER)
          .add("sortkey_num", SqlTypeName.INTEGER)
          .add("size", SqlTypeName.BIGINT)
          .add("pct_used", SqlTypeName.DECIMAL, 10, 4)
          .add("unsorted", SqlTypeName.DECIMAL, 5, 2).nullable(true)
          .add("stats_off", SqlTypeName.DECIMAL, 5, 2)
          .add("tbl_rows", SqlTypeName.DECIMAL, 38, 0)
          .add("skew_rows", SqlTypeName.DECIMAL, 19, 2).nullable(true)
          .add("estimated_visible_rows", SqlTypeName.DECIMAL, 38, 0)
          .build();
    }

    @Override
    public Schema.TableType getJdbcTableType() {
      return Schema.TableType.SYSTEM_TABLE;
    }

    @Override
    public Enumerable<Object[]> scan(DataContext root) {
      StorageEngine storage = services.storage();
      List<Object[]> rows = new ArrayList<>();
      for (String schema : storage.schemaNames()) {
        if (schema.equals(BasaltRootSchema.INTERNAL_SCHEMA) || TempSchemas.isTempSchema(schema)) {
          continue;
        }
        for (TableDefinition table : storage.tables(schema)) {
          TableStats stats = storage.snapshot(schema, table.name()).stats();
          rows.add(row(table, stats));
        }
      }
      return Linq4j.asEnumerable(rows);
    }

    private Object[] row(TableDefinition table, TableStats stats) {
      int maxVarchar = table.columns().stream()
          .filter(c -> c.type().name() == io.basalt.storage.TypeName.VARCHAR)
          .mapToInt(c -> c.type().precision()).max().orElse(0);
      BigDecimal unsorted = table.sortKeyColumns().isEmpty() || stats.rowCount() == 0 ? null
          : BigDecimal.valueOf(100.0 * stats.unsortedRows() / stats.rowCount())
              .setScale(2, RoundingMode.HALF_UP);
      long sizeMb = (stats.sizeBytes() + MEGABYTE - 1) / MEGABYTE;
      return new Object[] {
          "dev", table.schema(), table.id(), table.name(), "Y", distStyleLabel(table),
          table.sortKeyColumns().isEmpty() ? null : sortKeyLabel(table), maxVarchar,
          table.sortKeyColumns().size(), sizeMb, BigDecimal.ZERO.setScale(4), unsorted,
          BigDecimal.ZERO.setScale(2), BigDecimal.valueOf(stats.rowCount()),
          null, BigDecimal.valueOf(stats.rowCount())
      };
    }
  }

  /** How Redshift prints a table's distribution style in SVV_TABLE_INFO. */
  static String distStyleLabel(TableDefinition table) {
    return switch (table.distStyle()) {
      case KEY -> "KEY(" + table.distKey() + ")";
      case EVEN -> "EVEN";
      case ALL -> "ALL";
      case AUTO -> "AUTO(ALL)";
    };
  }

  private static String sortKeyLabel(TableDefinition table) {
    String first = table.sortKeyColumns().get(0);
    return switch (table.sortKeyKind()) {
      case INTERLEAVED -> "INTERLEAVED(" + first + ")";
      default -> first;
    };
  }

  /** STL_LOAD_ERRORS: the rows COPY rejected, kept by the ingest module in an internal table. */
  private final class LoadErrors extends AbstractTable implements ScannableTable {
    @Override
    public RelDataType getRowType(RelDataTypeFactory factory) {
      return services.storage().table(BasaltRootSchema.INTERNAL_SCHEMA, LOAD_ERRORS_TABLE)
          .map(t -> TypeMapping.rowType(factory, t.columns()))
          .orElseGet(() -> factory.builder().add("err_reason", SqlTypeName.VARCHAR, 100).build());
    }

    @Override
    public Schema.TableType getJdbcTableType() {
      return Schema.TableType.SYSTEM_TABLE;
    }

    @Override
    public Enumerable<Object[]> scan(DataContext root) {
      StorageEngine storage = services.storage();
      if (storage.table(BasaltRootSchema.INTERNAL_SCHEMA, LOAD_ERRORS_TABLE).isEmpty()) {
        return Linq4j.emptyEnumerable();
      }
      TableSnapshot snapshot = storage.snapshot(BasaltRootSchema.INTERNAL_SCHEMA, LOAD_ERRORS_TABLE);
      List<Object[]> rows = new ArrayList<>();
      snapshot.scan(ScanRequest.allColumns(snapshot.definition())).forEachRemaining(batch -> {
        for (int r = 0; r < batch.rowCount(); r++) {
          rows.add(batch.row(r));
        }
      });
      return Linq4j.asEnumerable(rows);
    }
  }
}
