package io.basalt.federation.lake;

import io.basalt.federation.datacatalog.CatalogColumn;
import io.basalt.federation.datacatalog.CatalogTable;
import io.basalt.federation.datacatalog.CatalogTypes;
import io.basalt.federation.datacatalog.DataCatalog;
import io.basalt.planner.catalog.ExternalCatalog.ExternalStatement;
import io.basalt.planner.catalog.StatementEnvironment;
import io.basalt.planner.catalog.StatementEnvironment.QualifiedName;
import io.basalt.planner.catalog.StatementOutcome;
import io.basalt.planner.sql.SqlAlterExternalTable;
import io.basalt.planner.sql.SqlBasaltColumn;
import io.basalt.planner.sql.SqlCopy;
import io.basalt.planner.sql.SqlCrawl;
import io.basalt.planner.sql.SqlCreateExternalSchema;
import io.basalt.planner.sql.SqlCreateExternalTable;
import io.basalt.planner.sql.SqlDropBasaltSchema;
import io.basalt.planner.sql.SqlDropBasaltTable;
import io.basalt.planner.sql.SqlMsckRepair;
import io.basalt.planner.sql.SqlUnload;
import io.basalt.storage.ColumnDefinition;
import io.basalt.storage.ColumnType;
import io.basalt.storage.StorageException;
import io.basalt.storage.objectstore.ObjectStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlUserDefinedTypeNameSpec;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlNode;

/**
 * Recognises the statements the lake owns and prepares them: its own (external schemas and
 * tables, partitions, MSCK REPAIR, CRAWL, UNLOAD) and ordinary ones aimed at an external table
 * or schema (DROP TABLE, DROP SCHEMA, INSERT; COPY, which is refused).
 */
public final class LakeStatements {
  /** CRAWL's progress goes to the server log, where an operator follows long crawls. */
  private static final org.slf4j.Logger LOG =
      org.slf4j.LoggerFactory.getLogger(LakeStatements.class);

  private final LakeDdl ddl;
  private final LakeWrites writes;
  private final Crawler crawler;

  public LakeStatements(DataCatalog catalog, ObjectStore store) {
    this.ddl = new LakeDdl(catalog, store);
    this.writes = new LakeWrites(catalog, store, ddl);
    this.crawler = new Crawler(catalog, store);
  }

  public Optional<ExternalStatement> statement(SqlNode node, StatementEnvironment env) {
    if (node instanceof SqlCreateExternalSchema create) {
      return ddl(e -> {
        Map<String, String> options = new HashMap<>();
        create.options.forEach((k, v) -> options.put(k.toLowerCase(Locale.ROOT), v));
        ddl.createSchema(simple(create.name), create.ifNotExists, create.sourceKind.name(),
            create.database, create.createDatabase, options);
        return 0;
      });
    } else if (node instanceof SqlCreateExternalTable create) {
      QualifiedName name = env.qualify(create.name);
      if (create.isCreateTableAs()) {
        return ddl(e -> writes.createTableAs(name, create, e));
      }
      return ddl(e -> {
        ddl.createTable(name, create.ifNotExists, definition(create, e));
        return 0;
      });
    } else if (node instanceof SqlAlterExternalTable alter) {
      QualifiedName name = env.qualify(alter.table);
      if (!ddl.isExternalSchema(name.schema())) {
        return Optional.empty();
      }
      return ddl(e -> alter(name, alter));
    } else if (node instanceof SqlMsckRepair repair) {
      QualifiedName name = env.qualify(repair.table);
      return counting(e -> ddl.repair(name));
    } else if (node instanceof SqlDropBasaltTable drop) {
      return dropTables(drop, env);
    } else if (node instanceof SqlDropBasaltSchema drop) {
      String name = simple(drop.name);
      if (!ddl.isExternalSchema(name)) {
        return Optional.empty();
      }
      return ddl(e -> {
        ddl.dropSchema(name, drop.ifExists, drop.dropExternalDatabase, drop.cascade);
        return 0;
      });
    } else if (node instanceof SqlInsert insert
        && insert.getTargetTable() instanceof SqlIdentifier target) {
      QualifiedName name = env.qualify(target);
      if (!ddl.isExternalSchema(name.schema())) {
        return Optional.empty();
      }
      if (insert.getTargetColumnList() != null) {
        throw new StorageException("0A000", "Cannot INSERT INTO external table '" + name
            + "' with a column list: list every column in the SELECT instead");
      }
      String query = env.sql(insert.getSource());
      return counting(e -> writes.insert(name, ddl.table(name), query, e));
    } else if (node instanceof SqlCopy copy) {
      QualifiedName name = env.qualify(copy.table);
      if (!ddl.isExternalSchema(name.schema())) {
        return Optional.empty();
      }
      ddl.table(name);
      throw new StorageException("0A000", "Cannot COPY into external table '" + name
          + "': COPY loads native and Iceberg tables; add files under the table's location, "
          + "or INSERT INTO it from a query");
    } else if (node instanceof SqlUnload unload) {
      return counting(e -> writes.unload(unload, e));
    } else if (node instanceof SqlCrawl crawl) {
      return Optional.of(new ExternalStatement() {
        @Override
        public List<ColumnDefinition> resultColumns() {
          return Crawler.RESULT_COLUMNS;
        }

        @Override
        public StatementOutcome run(StatementEnvironment e) {
          return StatementOutcome.rows(Crawler.RESULT_COLUMNS,
              crawler.crawl(crawl.location, crawl.database, crawl.options, e.canceled(),
                  (files, tables) -> LOG.info("CRAWL {} (query {}): scanned {} files, found {} "
                      + "tables", crawl.location, e.queryId(), files, tables)));
        }
      });
    }
    return Optional.empty();
  }

  /** DROP TABLE of external tables (all named tables must be external, or none). */
  private Optional<ExternalStatement> dropTables(SqlDropBasaltTable drop,
      StatementEnvironment env) {
    List<QualifiedName> names = new ArrayList<>();
    for (SqlIdentifier identifier : drop.names) {
      names.add(env.qualify(identifier));
    }
    long external = names.stream().filter(n -> ddl.isExternalSchema(n.schema())).count();
    if (external == 0) {
      return Optional.empty();
    }
    if (external != names.size()) {
      throw new StorageException("0A000", "Cannot drop native and external tables in one "
          + "statement");
    }
    return ddl(e -> {
      for (QualifiedName name : names) {
        ddl.dropTable(name, drop.ifExists);
      }
      return 0;
    });
  }

  private long alter(QualifiedName name, SqlAlterExternalTable alter) {
    if (alter.action instanceof SqlAlterExternalTable.AddPartitions add) {
      List<List<String>> values = new ArrayList<>();
      List<String> locations = new ArrayList<>();
      for (SqlAlterExternalTable.NewPartition partition : add.partitions()) {
        values.add(orderedValues(name, partition.partition()));
        locations.add(partition.location());
      }
      return ddl.addPartitions(name, values, locations, add.ifNotExists());
    } else if (alter.action instanceof SqlAlterExternalTable.DropPartitions drop) {
      List<List<String>> values = new ArrayList<>();
      for (SqlAlterExternalTable.PartitionSpec partition : drop.partitions()) {
        values.add(orderedValues(name, partition));
      }
      return ddl.dropPartitions(name, values, drop.ifExists());
    } else if (alter.action instanceof SqlAlterExternalTable.SetLocation set) {
      if (set.partition() != null) {
        List<String> values = orderedValues(name, set.partition());
        ddl.dropPartitions(name, List.of(values), false);
        return ddl.addPartitions(name, List.of(values), java.util.Collections.singletonList(
            set.location()), false);
      }
      CatalogTable table = ddl.table(name);
      ddl.replace(table.withLocation(set.location()), "SET LOCATION");
      return 0;
    } else if (alter.action instanceof SqlAlterExternalTable.SetTableProperties set) {
      CatalogTable table = ddl.table(name);
      Map<String, String> parameters = new HashMap<>(table.parameters());
      parameters.putAll(set.properties());
      ddl.replace(table.withParameters(parameters), "SET TABLE PROPERTIES");
      return 0;
    }
    throw new StorageException("0A000", "Cannot alter external table '" + name
        + "': this ALTER TABLE form is not supported for external tables");
  }

  /** The values of a PARTITION (k = v, ...) clause in the table's partition-key order. */
  private List<String> orderedValues(QualifiedName name,
      SqlAlterExternalTable.PartitionSpec spec) {
    CatalogTable table = ddl.table(name);
    Map<String, String> given = new HashMap<>();
    spec.stringValues().forEach((k, v) -> given.put(k.toLowerCase(Locale.ROOT), v));
    List<String> values = new ArrayList<>();
    for (CatalogColumn key : table.partitionKeys()) {
      String value = given.remove(key.name());
      if (value == null) {
        throw new StorageException("22023", "Cannot use partition of '" + name
            + "': no value for partition key '" + key.name() + "'");
      }
      values.add(value);
    }
    if (!given.isEmpty()) {
      throw new StorageException("42703", "Cannot use partition of '" + name + "': '"
          + given.keySet().iterator().next() + "' is not a partition key");
    }
    return values;
  }

  /** The catalog table a CREATE EXTERNAL TABLE (without AS) describes. */
  static CatalogTable definition(SqlCreateExternalTable create, StatementEnvironment env) {
    List<CatalogColumn> columns = new ArrayList<>();
    for (SqlBasaltColumn column : create.columns) {
      String name = simple(column.name);
      columns.add(CatalogColumn.of(name, catalogType(column.dataType, name, env)));
    }
    List<CatalogColumn> keys = new ArrayList<>();
    for (SqlCreateExternalTable.PartitionColumn key : create.partitionColumns) {
      String name = key.name().toLowerCase(Locale.ROOT);
      if (key.type() == null) {
        throw new StorageException("42601", "Cannot create external table '"
            + create.name + "': partition column '" + name + "' needs a type");
      }
      keys.add(CatalogColumn.of(name, catalogType(key.type(), name, env)));
    }
    return LakeFormats.table(create, columns, keys);
  }

  /**
   * A declared type as the catalog records it. Hive's names that are not SQL types
   * ({@code string}, {@code int}, ...) arrive as user-defined type names and map through the
   * catalog's own type table.
   */
  private static String catalogType(SqlDataTypeSpec type, String column,
      StatementEnvironment env) {
    return CatalogTypes.toCatalogType(declaredType(type, column, env));
  }

  /**
   * The type a column declaration of an external or Iceberg table names: a Redshift type, or
   * one of Hive's names ({@code string}, {@code int}, ...), which arrive as user-defined type
   * names.
   */
  public static ColumnType declaredType(SqlDataTypeSpec type, String column,
      StatementEnvironment env) {
    if (type.getTypeNameSpec() instanceof SqlUserDefinedTypeNameSpec named) {
      String name = named.getTypeName().names.get(named.getTypeName().names.size() - 1)
          .toLowerCase(Locale.ROOT);
      return CatalogTypes.toColumnType(name, column);
    }
    return env.columnType(type, column);
  }

  static String simple(SqlIdentifier identifier) {
    return identifier.names.get(identifier.names.size() - 1).toLowerCase(Locale.ROOT);
  }

  private static Optional<ExternalStatement> ddl(
      Function<StatementEnvironment, Number> action) {
    return Optional.of(env -> StatementOutcome.count(action.apply(env).longValue()));
  }

  /** A statement that runs when executed and reports the count {@code action} returns. */
  public static Optional<ExternalStatement> counting(
      Function<StatementEnvironment, Number> action) {
    return Optional.of(new ExternalStatement() {
      @Override
      public boolean reportsRowCount() {
        return true;
      }

      @Override
      public StatementOutcome run(StatementEnvironment env) {
        return StatementOutcome.count(action.apply(env).longValue());
      }
    });
  }

}
