package io.basalt.federation.remote;

import io.basalt.federation.datacatalog.DataCatalog;
import io.basalt.federation.datacatalog.ExternalSchemaDefinition;
import io.basalt.planner.catalog.ExternalCatalog.ExternalStatement;
import io.basalt.planner.catalog.StatementEnvironment;
import io.basalt.planner.catalog.StatementEnvironment.QualifiedName;
import io.basalt.planner.catalog.StatementOutcome;
import io.basalt.planner.sql.SqlAlterExternalTable;
import io.basalt.planner.sql.SqlCreateExternalSchema;
import io.basalt.planner.sql.SqlDropBasaltSchema;
import io.basalt.planner.sql.SqlRefreshExternalSchema;
import io.basalt.storage.StorageException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.calcite.sql.SqlDelete;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlMerge;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlUpdate;

/**
 * The statements on federated schemas: CREATE EXTERNAL SCHEMA ... FROM POSTGRES | MYSQL (its
 * options checked by {@link RemoteOptions}, the password sealed before it reaches the catalog
 * files), CREATE and DROP SECRET ({@link SecretStatements}), REFRESH EXTERNAL SCHEMA, ALTER
 * TABLE ... SET TABLE PROPERTIES (range splits), DROP SCHEMA (which closes the pool), and writes,
 * which are refused: federated tables are read-only.
 */
public final class RemoteStatements {
  private final DataCatalog catalog;
  private final RemoteSources sources;
  private final SecretStatements secrets;

  public RemoteStatements(DataCatalog catalog, RemoteSources sources) {
    this.catalog = catalog;
    this.sources = sources;
    this.secrets = new SecretStatements(sources);
  }

  public Optional<ExternalStatement> statement(SqlNode node, StatementEnvironment env) {
    Optional<ExternalStatement> onSecret = secrets.statement(node);
    if (onSecret.isPresent()) {
      return onSecret;
    }
    if (node instanceof SqlCreateExternalSchema create
        && create.sourceKind != SqlCreateExternalSchema.SourceKind.DATA_CATALOG) {
      String name = simple(create.name);
      return Optional.of(e -> {
        Map<String, String> options = new HashMap<>();
        create.options.forEach((k, v) -> options.put(k.toLowerCase(Locale.ROOT), v));
        synchronized (sources) {
          RemoteOptions.check(name, options, sources.secrets());
          String password = options.get("password");
          if (password != null) {
            options.put("password", sources.seal(password));
          }
          boolean existed = catalog.externalSchema(name).isPresent();
          catalog.createExternalSchema(new ExternalSchemaDefinition(name,
              create.sourceKind.name(), create.database, options), create.ifNotExists);
          if (!existed) {
            sources.forget(name);
          }
        }
        return StatementOutcome.count(0);
      });
    }
    if (node instanceof SqlRefreshExternalSchema refresh) {
      String name = simple(refresh.name);
      return Optional.of(e -> {
        RemoteSource source = sources.source(name);
        if (source == null) {
          throw catalog.externalSchema(name).isPresent()
              ? new StorageException("0A000", "Cannot refresh external schema '" + name
                  + "': it is not a federated schema (only those cache remote metadata)")
              : new StorageException("3F000", "Cannot refresh external schema '" + name
                  + "': it does not exist");
        }
        source.invalidate();
        sources.changed();
        return StatementOutcome.count(0);
      });
    }
    if (node instanceof SqlAlterExternalTable alter) {
      QualifiedName name = env.qualify(alter.table);
      if (!sources.isRemote(name.schema())) {
        return Optional.empty();
      }
      return Optional.of(e -> {
        alterTable(name, alter);
        return StatementOutcome.count(0);
      });
    }
    if (node instanceof SqlDropBasaltSchema drop) {
      String name = simple(drop.name);
      if (!sources.isRemote(name)) {
        return Optional.empty();
      }
      return Optional.of(e -> {
        if (sources.isRemote(name)) {
          catalog.dropExternalSchema(name, drop.ifExists);
          sources.properties().dropSchema(name);
        } else if (!drop.ifExists) {
          throw new StorageException("3F000", "Cannot drop schema '" + name
              + "': it does not exist");
        }
        sources.forget(name);
        return StatementOutcome.count(0);
      });
    }
    SqlNode target = null;
    String verb = null;
    if (node instanceof SqlInsert insert) {
      target = insert.getTargetTable();
      verb = "INSERT INTO";
    } else if (node instanceof SqlUpdate update) {
      target = update.getTargetTable();
      verb = "UPDATE";
    } else if (node instanceof SqlDelete delete) {
      target = delete.getTargetTable();
      verb = "DELETE FROM";
    } else if (node instanceof SqlMerge merge) {
      target = merge.getTargetTable();
      verb = "MERGE INTO";
    }
    if (target instanceof SqlIdentifier identifier) {
      QualifiedName name = env.qualify(identifier);
      if (sources.isRemote(name.schema())) {
        throw new StorageException("0A000", "Cannot " + verb + " federated table '" + name
            + "': tables of remote schema '" + name.schema() + "' are read-only");
      }
    }
    return Optional.empty();
  }

  /** SET TABLE PROPERTIES, the only ALTER TABLE of a federated table: its range splits. */
  private void alterTable(QualifiedName name, SqlAlterExternalTable alter) {
    String action = "alter federated table '" + name + "'";
    if (!(alter.action instanceof SqlAlterExternalTable.SetTableProperties set)) {
      throw new StorageException("0A000", "Cannot " + action + ": a federated table takes "
          + "only SET TABLE PROPERTIES (" + String.join(", ", RangeSplitting.PROPERTIES)
          + ")");
    }
    RemoteSource source = sources.source(name.schema());
    RemoteTableMetadata table = source.tables().get(name.name());
    if (table == null) {
      table = source.tables().values().stream()
          .filter(t -> t.name().equalsIgnoreCase(name.name())).findFirst()
          .orElseThrow(() -> new StorageException("42P01", "Cannot " + action
              + ": remote schema '" + name.schema() + "' has no table '" + name.name() + "'"));
    }
    Map<String, String> changes = new HashMap<>();
    set.properties().forEach((k, v) -> changes.put(k.toLowerCase(Locale.ROOT), v.trim()));
    Map<String, String> merged = new HashMap<>(source.tableProperties(table.name()));
    merged.putAll(changes);
    merged.values().removeIf(String::isEmpty);
    if (merged.containsKey(RangeSplitting.COLUMN) != merged.containsKey(RangeSplitting.COUNT)
        && changes.getOrDefault(RangeSplitting.COLUMN, "x").isEmpty()) {
      // Emptying split_column removes the splitting altogether.
      for (String key : RangeSplitting.PROPERTIES) {
        changes.put(key, "");
        merged.remove(key);
      }
    }
    RangeSplitting.parse(action, merged, table);
    sources.properties().set(name.schema(), table.name(), changes);
    sources.changed();
  }

  private static String simple(SqlIdentifier identifier) {
    return identifier.names.get(identifier.names.size() - 1).toLowerCase(Locale.ROOT);
  }
}
