package io.basalt.federation.remote;

import io.basalt.federation.datacatalog.DataCatalog;
import io.basalt.federation.datacatalog.ExternalSchemaDefinition;
import io.basalt.planner.catalog.ExternalCatalog.ExternalStatement;
import io.basalt.planner.catalog.StatementEnvironment;
import io.basalt.planner.catalog.StatementEnvironment.QualifiedName;
import io.basalt.planner.catalog.StatementOutcome;
import io.basalt.planner.sql.SqlCreateExternalSchema;
import io.basalt.planner.sql.SqlDropBasaltSchema;
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
 * The statements on federated schemas: CREATE EXTERNAL SCHEMA ... FROM POSTGRES | MYSQL (the
 * password sealed before it reaches the catalog files), DROP SCHEMA (which closes the pool),
 * and writes, which are refused: federated tables are read-only.
 */
public final class RemoteStatements {
  private final DataCatalog catalog;
  private final RemoteSources sources;

  public RemoteStatements(DataCatalog catalog, RemoteSources sources) {
    this.catalog = catalog;
    this.sources = sources;
  }

  public Optional<ExternalStatement> statement(SqlNode node, StatementEnvironment env) {
    if (node instanceof SqlCreateExternalSchema create
        && create.sourceKind != SqlCreateExternalSchema.SourceKind.DATA_CATALOG) {
      String name = simple(create.name);
      return Optional.of(e -> {
        Map<String, String> options = new HashMap<>();
        create.options.forEach((k, v) -> options.put(k.toLowerCase(Locale.ROOT), v));
        String password = options.get("password");
        if (password != null) {
          options.put("password", sources.seal(password));
        }
        boolean existed = catalog.externalSchema(name).isPresent();
        catalog.createExternalSchema(new ExternalSchemaDefinition(name, create.sourceKind.name(),
            create.database, options), create.ifNotExists);
        if (!existed) {
          sources.forget(name);
        }
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

  private static String simple(SqlIdentifier identifier) {
    return identifier.names.get(identifier.names.size() - 1).toLowerCase(Locale.ROOT);
  }
}
