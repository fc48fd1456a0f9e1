package io.basalt.federation.iceberg;

import io.basalt.federation.lake.LakeStatements;
import io.basalt.planner.catalog.StatementEnvironment;
import io.basalt.planner.catalog.StatementEnvironment.QualifiedName;
import io.basalt.planner.sql.SqlAlterBasaltTable;
import io.basalt.planner.sql.SqlBasaltColumn;
import io.basalt.storage.ColumnType;
import io.basalt.storage.StorageException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.calcite.sql.SqlNode;
import org.apache.iceberg.PartitionField;
import org.apache.iceberg.Table;
import org.apache.iceberg.UpdatePartitionSpec;
import org.apache.iceberg.UpdateProperties;
import org.apache.iceberg.UpdateSchema;
import org.apache.iceberg.types.Type;

/**
 * ALTER TABLE of an Iceberg table: schema evolution (ADD COLUMN[S], DROP COLUMN, RENAME
 * COLUMN, ALTER COLUMN ... TYPE to a type Iceberg can widen to), partition evolution (ADD /
 * DROP PARTITION FIELD, SET PARTITION SPEC), RENAME TO and SET TBLPROPERTIES. Each is one
 * metadata commit: no data file is rewritten, and files written before keep reading, their
 * columns found by field id.
 */
final class IcebergEvolution {
  private final IcebergCatalog catalog;
  private final IcebergDdl ddl;

  IcebergEvolution(IcebergCatalog catalog, IcebergDdl ddl) {
    this.catalog = catalog;
    this.ddl = ddl;
  }

  void alter(QualifiedName name, String database, SqlAlterBasaltTable.Action action,
      StatementEnvironment env) {
    Table table = ddl.load(database, name.name());
    String prefix = "Cannot alter Iceberg table '" + name + "': ";
    try {
      if (action instanceof SqlAlterBasaltTable.AddColumn add) {
        addColumns(table, List.of(add.column()), prefix, env);
      } else if (action instanceof SqlAlterBasaltTable.AddColumns add) {
        addColumns(table, add.columns(), prefix, env);
      } else if (action instanceof SqlAlterBasaltTable.DropColumn drop) {
        table.updateSchema().deleteColumn(lower(drop.column())).commit();
      } else if (action instanceof SqlAlterBasaltTable.RenameColumn rename) {
        table.updateSchema().renameColumn(lower(rename.column()), lower(rename.newName()))
            .commit();
      } else if (action instanceof SqlAlterBasaltTable.AlterColumnType change) {
        String column = lower(change.column());
        Type type = IcebergTypes.toIceberg(LakeStatements.declaredType(change.type(), column,
            env));
        if (!type.isPrimitiveType()) {
          throw new StorageException("0A000", prefix + "column '" + column + "' cannot become "
              + type);
        }
        table.updateSchema().updateColumn(column, type.asPrimitiveType()).commit();
      } else if (action instanceof SqlAlterBasaltTable.ChangePartitioning change) {
        changePartitioning(table, change, name);
      } else if (action instanceof SqlAlterBasaltTable.RenameTable rename) {
        IcebergDdl.checkName(lower(rename.newName()), prefix);
        catalog.catalog().renameTable(IcebergCatalog.identifier(database, name.name()),
            IcebergCatalog.identifier(database, lower(rename.newName())));
      } else {
        throw new StorageException("0A000", prefix + "distribution and sort keys are for "
            + "native tables");
      }
    } catch (IllegalArgumentException | IllegalStateException
        | org.apache.iceberg.exceptions.ValidationException e) {
      // Iceberg's own checks: a column that does not exist or already does, a type change it
      // does not allow, a partition field that is not there.
      throw new StorageException(sqlState(e), prefix + e.getMessage(), e);
    } catch (org.apache.iceberg.exceptions.CommitFailedException e) {
      throw IcebergWrites.commitFailure(name.toString(), e);
    }
    catalog.changed();
  }

  /** SET TBLPROPERTIES of an Iceberg table. */
  void setProperties(QualifiedName name, String database, Map<String, String> properties) {
    Table table = ddl.load(database, name.name());
    UpdateProperties update = table.updateProperties();
    properties.forEach((k, v) -> update.set(k.toLowerCase(Locale.ROOT), v));
    update.commit();
    catalog.changed();
  }

  private static void addColumns(Table table, List<SqlBasaltColumn> columns, String prefix,
      StatementEnvironment env) {
    UpdateSchema update = table.updateSchema();
    for (SqlBasaltColumn column : columns) {
      String name = lower(column.name.getSimple());
      if (!column.nullable) {
        throw new StorageException("0A000", prefix + "column '" + name + "' cannot be NOT "
            + "NULL: the rows written before have no value for it");
      }
      if (column.defaultValue != null) {
        throw new StorageException("0A000", prefix + "column '" + name + "' cannot have a "
            + "DEFAULT: the rows written before read it as NULL");
      }
      ColumnType type = LakeStatements.declaredType(column.dataType, name, env);
      update.addColumn(name, IcebergTypes.toIceberg(type));
    }
    update.commit();
  }

  private static void changePartitioning(Table table,
      SqlAlterBasaltTable.ChangePartitioning change, QualifiedName name) {
    UpdatePartitionSpec update = table.updateSpec();
    if (change.kind().equals("SET")) {
      for (PartitionField field : table.spec().fields()) {
        update.removeField(field.name());
      }
    }
    for (SqlNode transform : change.transforms()) {
      var term = PartitionTransforms.term(transform, table.schema(), name.toString());
      if (change.kind().equals("DROP")) {
        update.removeField(term);
      } else {
        update.addField(term);
      }
    }
    update.commit();
  }

  private static String sqlState(RuntimeException e) {
    String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
    if (message.contains("missing column") || message.contains("cannot find")
        || message.contains("not found")) {
      return "42703";
    } else if (message.contains("already exists")) {
      return "42701";
    }
    return "0A000";
  }

  private static String lower(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
