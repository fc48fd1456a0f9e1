package io.basalt.federation.remote;

import io.basalt.storage.StorageException;
import java.util.Locale;
import java.util.Map;

/**
 * Checks the options of CREATE EXTERNAL SCHEMA ... FROM POSTGRES | MYSQL when the statement
 * runs, before anything is stored (the parser has already refused unknown and repeated options
 * and a missing DATABASE or URI): a host, a port from 1 to 65535, and a login that is either
 * USER (with PASSWORD) or SECRET_ARN naming an existing secret. IAM_ROLE is accepted and unused.
 */
final class RemoteOptions {
  private RemoteOptions() {}

  /** {@code options} keyed in lower case; 22023 (42704 for a missing secret) naming the option. */
  static void check(String schema, Map<String, String> options, RemoteSecrets secrets) {
    String action = "Cannot create external schema '" + schema + "': ";
    String uri = options.get("uri");
    if (uri == null || uri.isBlank()) {
      throw new StorageException("22023", action + "URI is empty");
    }
    if (uri.contains("/") || uri.contains(" ") || uri.matches("[^:]*:[0-9]*")) {
      throw new StorageException("22023", action + "URI '" + uri + "' is not a host name "
          + "or address (give the port with PORT and the database with DATABASE)");
    }
    String port = options.get("port");
    if (port != null) {
      int number;
      try {
        number = Integer.parseInt(port.trim());
      } catch (NumberFormatException e) {
        number = -1;
      }
      if (number < 1 || number > 65535) {
        throw new StorageException("22023", action + "PORT " + port
            + " is not a port number (1 to 65535)");
      }
    }
    String secretArn = options.get("secret_arn");
    if (secretArn != null) {
      for (String login : new String[] {"user", "password"}) {
        if (options.containsKey(login)) {
          throw new StorageException("22023", action + "SECRET_ARN and "
              + login.toUpperCase(Locale.ROOT) + " cannot both be given (the secret holds "
              + "the user and the password)");
        }
      }
      String name = RemoteSecrets.nameOf(secretArn);
      if (name.isEmpty() || secrets.find(name).isEmpty()) {
        throw new StorageException("42704", action + "SECRET_ARN names secret '" + name
            + "', which does not exist (create it with CREATE SECRET)");
      }
      return;
    }
    String user = options.get("user");
    if (user == null || user.isBlank()) {
      throw new StorageException("22023", action + "USER is required (or SECRET_ARN naming "
          + "a secret)");
    }
  }
}
