package io.basalt.server.iceberg;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.iceberg.HasTableOperations;
import org.apache.iceberg.MetadataUpdate;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableMetadata;
import org.apache.iceberg.TableOperations;
import org.apache.iceberg.UpdateRequirement;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.CommitFailedException;
import org.apache.iceberg.exceptions.CommitStateUnknownException;
import org.apache.iceberg.rest.requests.CommitTransactionRequest;
import org.apache.iceberg.rest.requests.UpdateTableRequest;

/**
 * {@code POST /v1/transactions/commit}: changes to several tables, committed together as far as
 * the JdbcCatalog allows. Every table's requirements are checked and its new metadata built
 * before anything is committed, so a stale requirement fails the whole transaction with 409 and
 * nothing changed. The JdbcCatalog then swaps each table's metadata pointer on its own: should
 * one fail after another succeeded (a concurrent writer in between), the outcome is
 * {@link CommitStateUnknownException} (500), which tells the client that part of it applied.
 */
final class RestTransactions {
  private RestTransactions() {}

  /** One table's change, checked and built, not yet committed. */
  private record Staged(TableIdentifier table, TableOperations operations, TableMetadata base,
      TableMetadata updated) {}

  static void commit(Catalog catalog, CommitTransactionRequest request) {
    List<Staged> staged = new ArrayList<>();
    Set<TableIdentifier> seen = new HashSet<>();
    for (UpdateTableRequest change : request.tableChanges()) {
      TableIdentifier identifier = change.identifier();
      if (identifier == null) {
        throw new IllegalArgumentException("Cannot commit the transaction: a table change names"
            + " no table");
      }
      if (!seen.add(identifier)) {
        throw new IllegalArgumentException("Cannot commit the transaction: it changes table "
            + identifier + " twice");
      }
      staged.add(stage(catalog, identifier, change));
    }
    int committed = 0;
    for (Staged change : staged) {
      try {
        change.operations().commit(change.base(), change.updated());
        committed++;
      } catch (CommitFailedException e) {
        if (committed == 0) {
          throw e;
        }
        throw new CommitStateUnknownException(new IllegalStateException("Cannot commit table "
            + change.table() + " of the transaction after " + committed + " of its "
            + staged.size() + " tables were committed: " + e.getMessage(), e));
      }
    }
  }

  private static Staged stage(Catalog catalog, TableIdentifier identifier,
      UpdateTableRequest change) {
    Table table = catalog.loadTable(identifier);
    if (!(table instanceof HasTableOperations withOperations)) {
      throw new IllegalStateException("Cannot commit table " + identifier
          + ": the catalog gave a table without operations");
    }
    TableOperations operations = withOperations.operations();
    TableMetadata base = operations.current();
    // Each requirement throws CommitFailedException when the table moved on since the client
    // read it.
    for (UpdateRequirement requirement : change.requirements()) {
      requirement.validate(base);
    }
    TableMetadata.Builder builder = TableMetadata.buildFrom(base);
    for (MetadataUpdate update : change.updates()) {
      update.applyTo(builder);
    }
    return new Staged(identifier, operations, base, builder.build());
  }
}
