package io.basalt.federation.remote;

import io.basalt.planner.catalog.ExternalCatalog.ExternalStatement;
import io.basalt.planner.catalog.StatementOutcome;
import io.basalt.planner.sql.SqlCreateSecret;
import io.basalt.planner.sql.SqlDropSecret;
import io.basalt.storage.StorageException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.calcite.sql.SqlNode;

/**
 * CREATE [OR REPLACE] SECRET and DROP SECRET. Replacing a secret closes the pools of the
 * schemas that use it, so their next query logs in with the new value; dropping one that a
 * schema uses is an error naming the schemas.
 */
final class SecretStatements {
  private final RemoteSources sources;

  SecretStatements(RemoteSources sources) {
    this.sources = sources;
  }

  Optional<ExternalStatement> statement(SqlNode node) {
    if (node instanceof SqlCreateSecret create) {
      String name = create.name.getSimple().toLowerCase(Locale.ROOT);
      return Optional.of(e -> {
        if (create.user.isBlank()) {
          throw new StorageException("22023", "Cannot create secret '" + name
              + "': USER is empty");
        }
        synchronized (sources) {
          boolean created = sources.secrets().create(name, create.user, create.password,
              create.getReplace(), create.ifNotExists, System.currentTimeMillis());
          if (created) {
            sources.schemasUsing(name).forEach(sources::forget);
            sources.changed();
          }
        }
        return StatementOutcome.count(0);
      });
    }
    if (node instanceof SqlDropSecret drop) {
      String name = drop.name.getSimple().toLowerCase(Locale.ROOT);
      return Optional.of(e -> {
        synchronized (sources) {
          List<String> using = sources.schemasUsing(name);
          if (!using.isEmpty()) {
            throw new StorageException("2BP01", "Cannot drop secret '" + name
                + "': it is used by remote schema" + (using.size() > 1 ? "s '" : " '")
                + String.join("', '", using) + "'");
          }
          if (sources.secrets().drop(name, drop.ifExists)) {
            sources.changed();
          }
        }
        return StatementOutcome.count(0);
      });
    }
    return Optional.empty();
  }
}
