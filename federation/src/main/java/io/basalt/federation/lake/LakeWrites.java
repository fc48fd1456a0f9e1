package io.basalt.federation.lake;

import io.basalt.federation.datacatalog.CatalogTable;
import io.basalt.federation.datacatalog.DataCatalog;
import io.basalt.planner.catalog.StatementEnvironment;
import io.basalt.planner.catalog.StatementEnvironment.QualifiedName;
import io.basalt.planner.sql.SqlCreateExternalTable;
import io.basalt.planner.sql.SqlUnload;
import io.basalt.storage.StorageException;
import io.basalt.storage.objectstore.ObjectStore;

/** UNLOAD, CREATE EXTERNAL TABLE AS and INSERT INTO an external table (being written). */
final class LakeWrites {
  LakeWrites(DataCatalog catalog, ObjectStore store, LakeDdl ddl) {}

  long unload(SqlUnload unload, StatementEnvironment env) {
    throw new StorageException("0A000", "Cannot UNLOAD: not supported yet");
  }

  long createTableAs(QualifiedName name, SqlCreateExternalTable create,
      StatementEnvironment env) {
    throw new StorageException("0A000", "Cannot create external table '" + name
        + "' AS SELECT: not supported yet");
  }

  long insert(QualifiedName name, CatalogTable table, String query, StatementEnvironment env) {
    throw new StorageException("0A000", "Cannot INSERT INTO external table '" + name
        + "': not supported yet");
  }
}
