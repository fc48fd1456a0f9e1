package io.basalt.planner.catalog;

import io.basalt.storage.StorageEngine;
import java.util.Properties;

/**
 * Where a session's TEMP tables live: schema {@code pg_temp_N} of session N, which only that
 * session searches (before its default schema), which no listing shows, and which is dropped
 * when the session ends or the server restarts.
 */
public final class TempSchemas {
  /** The connection property that numbers a session. */
  public static final String SESSION_PROPERTY = "basalt.session";
  private static final String PREFIX = "pg_temp_";

  private TempSchemas() {}

  /** The temp schema of the session whose connection has these properties, or null. */
  public static String of(Properties connectionProperties) {
    String session = connectionProperties.getProperty(SESSION_PROPERTY);
    return session == null ? null : PREFIX + session;
  }

  public static boolean isTempSchema(String schema) {
    return schema.startsWith(PREFIX);
  }

  /** Drops every session's temp schema: at start-up no session exists. */
  public static void dropAll(StorageEngine storage) {
    for (String schema : storage.schemaNames()) {
      if (isTempSchema(schema)) {
        storage.dropSchema(schema, true, true);
      }
    }
  }
}
