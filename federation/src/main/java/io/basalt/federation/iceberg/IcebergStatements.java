package io.basalt.federation.iceberg;

import static io.basalt.federation.lake.LakeStatements.counting;

import io.basalt.federation.datacatalog.DataCatalog;
import io.basalt.federation.datacatalog.ExternalSchemaDefinition;
import io.basalt.federation.lake.InsertConversion;
import io.basalt.federation.lake.LakeStatements;
import io.basalt.planner.catalog.ExternalCatalog.ExternalStatement;
import io.basalt.planner.catalog.StatementEnvironment;
import io.basalt.planner.catalog.StatementEnvironment.PlannedQuery;
import io.basalt.planner.catalog.StatementEnvironment.QualifiedName;
import io.basalt.planner.catalog.StatementOutcome;
import io.basalt.planner.sql.SqlAlterBasaltTable;
import io.basalt.planner.sql.SqlAlterExternalTable;
import io.basalt.planner.sql.SqlBasaltMerge;
import io.basalt.planner.sql.SqlBasaltColumn;
import io.basalt.planner.sql.SqlCopy;
import io.basalt.planner.sql.SqlCreateBasaltTable;
import io.basalt.planner.sql.SqlDropBasaltTable;
import io.basalt.planner.sql.SqlOptimize;
import io.basalt.planner.sql.SqlVacuum;
import io.basalt.storage.ColumnDefinition;
import io.basalt.storage.StorageException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.apache.calcite.sql.SqlDelete;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlUpdate;
import org.apache.iceberg.Table;

/**
 * The statements on Iceberg tables: CREATE TABLE [AS] in an external schema with
 * {@code TBLPROPERTIES ('table_type' = 'ICEBERG')} (or {@code 'metadata_location'} to register
 * a table another engine wrote), INSERT INTO, COPY (the planner's loading, into one append
 * snapshot), DELETE, UPDATE, MERGE INTO and DROP TABLE [PURGE]. Anything else is left to the
 * lake and the planner.
 */
public final class IcebergStatements {
  private final DataCatalog dataCatalog;
  private final IcebergCatalog catalog;
  private final IcebergDdl ddl;
  private final IcebergDml dml;
  private final IcebergEvolution evolution;
  private final IcebergMaintenance maintenance;
  private final IcebergRefs refs;

  public IcebergStatements(DataCatalog dataCatalog, IcebergCatalog catalog) {
    this.dataCatalog = dataCatalog;
    this.catalog = catalog;
    this.ddl = new IcebergDdl(catalog);
    this.dml = new IcebergDml(ddl);
    this.evolution = new IcebergEvolution(catalog, ddl);
    this.maintenance = new IcebergMaintenance(ddl);
    this.refs = new IcebergRefs(ddl);
  }

  public Optional<ExternalStatement> statement(SqlNode node, StatementEnvironment env) {
    if (node instanceof SqlCreateBasaltTable create) {
      QualifiedName name = env.qualify(create.name);
      String database = database(name.schema());
      if (database == null) {
        return Optional.empty();
      }
      return Optional.of(create(create, name, database));
    } else if (node instanceof SqlInsert insert
        && insert.getTargetTable() instanceof SqlIdentifier target) {
      QualifiedName name = env.qualify(target);
      String database = database(name.schema());
      if (database == null) {
        return Optional.empty();
      }
      refuseMetadataTable(name, database, "insert into");
      if (!catalog.exists(database, name.name())) {
        return Optional.empty();
      }
      if (insert.getTargetColumnList() != null) {
        throw new StorageException("0A000", "Cannot INSERT INTO Iceberg table '" + name
            + "' with a column list: list every column in the SELECT instead");
      }
      String query = env.sql(insert.getSource());
      return counting(e -> insert(name, database, query, e));
    } else if (node instanceof SqlDropBasaltTable drop) {
      return drop(drop, env);
    } else if (node instanceof SqlDelete delete) {
      return target(delete.getTargetTable(), env, "delete from").flatMap(t -> counting(
          e -> dml.delete(t.name(), t.database(), delete, e)));
    } else if (node instanceof SqlUpdate update) {
      return target(update.getTargetTable(), env, "update").flatMap(t -> counting(
          e -> dml.update(t.name(), t.database(), update, e)));
    } else if (node instanceof SqlAlterBasaltTable alter) {
      return target(alter.table, env, "alter").map(t -> e -> {
        if (alter.action instanceof SqlAlterBasaltTable.Execute execute) {
          maintenance.execute(t.name(), t.database(), execute.procedure(),
              execute.arguments());
        } else if (alter.action instanceof SqlAlterBasaltTable.CreateRef create) {
          refs.create(t.name(), t.database(), create);
        } else if (alter.action instanceof SqlAlterBasaltTable.DropRef drop) {
          refs.drop(t.name(), t.database(), drop);
        } else {
          evolution.alter(t.name(), t.database(), alter.action, e);
        }
        return StatementOutcome.count(0);
      });
    } else if (node instanceof SqlOptimize optimize) {
      Optional<Target> target = target(optimize.table, env, "optimize");
      if (target.isEmpty()) {
        throw new StorageException("0A000", "Cannot optimize '" + env.qualify(optimize.table)
            + "': OPTIMIZE is for Iceberg tables (VACUUM sorts and compacts native ones)");
      }
      return counting(e -> maintenance.optimize(target.get().name(), target.get().database(),
          optimize.where, e));
    } else if (node instanceof SqlVacuum vacuum && vacuum.table != null) {
      return target(vacuum.table, env, "vacuum").flatMap(t -> counting(
          e -> maintenance.vacuum(t.name(), t.database())));
    } else if (node instanceof SqlAlterExternalTable alter) {
      return target(alter.table, env, "alter").map(t -> {
        if (!(alter.action instanceof SqlAlterExternalTable.SetTableProperties set)) {
          throw new StorageException("0A000", "Cannot alter Iceberg table '" + t.name()
              + "': partitions and locations of Iceberg tables are kept by Iceberg (use ADD "
              + "PARTITION FIELD or SET PARTITION SPEC to change the partitioning)");
        }
        return e -> {
          evolution.setProperties(t.name(), t.database(), set.properties());
          return StatementOutcome.count(0);
        };
      });
    } else if (node instanceof SqlBasaltMerge merge) {
      return target(merge.target, env, "merge into").flatMap(t -> counting(
          e -> dml.merge(t.name(), t.database(), merge, e)));
    } else if (node instanceof SqlCopy copy) {
      return target(copy.table, env, "copy into").flatMap(t -> counting(
          e -> e.copy(copy, new IcebergCopyTarget(ddl.load(t.database(), t.name().name()),
              t.name(), e.queryId()))));
    }
    return Optional.empty();
  }

  /** An Iceberg table a statement names, with its Data Catalog database. */
  private record Target(QualifiedName name, String database) {}

  /**
   * The Iceberg table a statement that {@code action}s it targets, or empty when it targets
   * another kind; a metadata table is refused.
   */
  private Optional<Target> target(SqlNode table, StatementEnvironment env, String action) {
    if (!(table instanceof SqlIdentifier identifier)) {
      return Optional.empty();
    }
    QualifiedName name = env.qualify(identifier);
    String database = database(name.schema());
    if (database != null) {
      refuseMetadataTable(name, database, action);
    }
    if (database == null || !catalog.exists(database, name.name())) {
      return Optional.empty();
    }
    return Optional.of(new Target(name, database));
  }

  /** The Data Catalog database of an external schema, or null when it is not one. */
  private String database(String schema) {
    ExternalSchemaDefinition definition = dataCatalog.externalSchema(schema).orElse(null);
    return definition == null
        || !definition.sourceKind().equals(ExternalSchemaDefinition.DATA_CATALOG)
        ? null : definition.database();
  }

  private ExternalStatement create(SqlCreateBasaltTable create, QualifiedName name,
      String database) {
    Map<String, String> properties = IcebergDdl.lowerKeys(create.lake.properties());
    String metadata = properties.get(IcebergDdl.METADATA_LOCATION);
    if (!IcebergDdl.isIceberg(properties) && metadata == null) {
      throw new StorageException("0A000", "Cannot create table '" + name + "' in external "
          + "schema '" + name.schema() + "': add TBLPROPERTIES ('table_type' = 'ICEBERG') for "
          + "an Iceberg table, or use CREATE EXTERNAL TABLE for files in the lake");
    }
    if (create.temporary || create.likeTable != null || !create.constraints.isEmpty()) {
      throw new StorageException("0A000", "Cannot create Iceberg table '" + name + "': "
          + "TEMP, LIKE and constraints are not supported for Iceberg tables");
    }
    if (metadata != null) {
      if (!create.columnList.isEmpty() || create.query != null) {
        throw new StorageException("42601", "Cannot register Iceberg table '" + name
            + "': a table registered from metadata_location takes its columns from it");
      }
      return env -> {
        ddl.register(database, name.name(), name.toString(), metadata);
        return StatementOutcome.count(0);
      };
    }
    if (create.query != null) {
      return counting(e -> createAs(create, name, database, e)).orElseThrow();
    }
    return env -> {
      List<ColumnDefinition> columns = new ArrayList<>();
      for (SqlNode element : create.columnList) {
        SqlBasaltColumn column = (SqlBasaltColumn) element;
        String column0 = column.name.getSimple().toLowerCase(Locale.ROOT);
        columns.add(new ColumnDefinition(column0,
            LakeStatements.declaredType(column.dataType, column0, env), column.nullable, null));
      }
      ddl.create(database, name.name(), name.toString(), columns, create.lake.partitioning(),
          create.lake.location(), create.lake.properties(), create.ifNotExists);
      return StatementOutcome.count(0);
    };
  }

  private long createAs(SqlCreateBasaltTable create, QualifiedName name, String database,
      StatementEnvironment env) {
    PlannedQuery query = env.plan(env.sql(create.query));
    List<ColumnDefinition> columns = new ArrayList<>();
    for (int c = 0; c < query.columns().size(); c++) {
      ColumnDefinition column = query.columns().get(c);
      String columnName = c < create.columnList.size()
          ? ((SqlIdentifier) create.columnList.get(c)).getSimple() : column.name();
      columns.add(new ColumnDefinition(columnName.toLowerCase(Locale.ROOT), column.type(), true,
          null));
    }
    if (!ddl.create(database, name.name(), name.toString(), columns,
        create.lake.partitioning(), create.lake.location(), create.lake.properties(),
        create.ifNotExists)) {
      return 0;
    }
    try {
      Table table = ddl.load(database, name.name());
      return IcebergWrites.append(table, query, UnaryOperator.identity(), env, name.toString());
    } catch (RuntimeException | Error e) {
      ddl.drop(database, name.name(), true);
      throw e;
    }
  }

  private long insert(QualifiedName name, String database, String query,
      StatementEnvironment env) {
    Table table = ddl.load(database, name.name());
    String action = "Cannot insert into Iceberg table '" + name + "': ";
    List<ColumnDefinition> target = IcebergTypes.columns(table.schema(), name.toString());
    PlannedQuery source = env.plan(query);
    PlannedQuery cast = env.plan(InsertConversion.castQuery(query, source.columns(), target,
        action));
    return IcebergWrites.append(table, cast, InsertConversion.converter(cast.columns(), target),
        env, name.toString());
  }

  /** DROP TABLE of Iceberg tables (all named tables must be Iceberg tables, or none). */
  private Optional<ExternalStatement> drop(SqlDropBasaltTable drop, StatementEnvironment env) {
    List<QualifiedName> names = new ArrayList<>();
    List<String> databases = new ArrayList<>();
    int iceberg = 0;
    for (SqlIdentifier identifier : drop.names) {
      QualifiedName name = env.qualify(identifier);
      String database = database(name.schema());
      names.add(name);
      databases.add(database);
      if (database != null) {
        refuseMetadataTable(name, database, "drop");
      }
      if (database != null && catalog.exists(database, name.name())) {
        iceberg++;
      }
    }
    if (iceberg == 0) {
      return Optional.empty();
    }
    if (iceberg != names.size()) {
      throw new StorageException("0A000", "Cannot drop Iceberg tables and other tables in one "
          + "statement");
    }
    return Optional.of(e -> {
      for (int i = 0; i < names.size(); i++) {
        ddl.drop(databases.get(i), names.get(i).name(), drop.purge);
      }
      return StatementOutcome.count(0);
    });
  }

  /** Refuses to change a metadata table such as {@code orders$snapshots}: only SELECT reads it. */
  private void refuseMetadataTable(QualifiedName name, String database, String action) {
    int dollar = name.name().lastIndexOf('$');
    if (dollar >= 0 && catalog.exists(database, name.name().substring(0, dollar))) {
      throw new StorageException("42809", "Cannot " + action + " '" + name + "': metadata "
          + "tables of Iceberg tables are read-only");
    }
  }
}
