package io.basalt.federation.remote;

import io.basalt.storage.StorageException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The named secrets of {@code CREATE SECRET}: a user and a password that federated schemas
 * name with {@code SECRET_ARN}, as Redshift names an AWS Secrets Manager secret. Kept in
 * {@code secrets.json} next to the catalog files, each password sealed by the {@link
 * SecretBox}; names are folded to lower case like identifiers.
 */
final class RemoteSecrets {
  static final String FILE = "secrets.json";

  /** One secret as stored: {@code password} is sealed. */
  record Secret(String name, String user, String password, long createdMillis) {}

  /** The content of {@code secrets.json}. */
  record SecretsFile(List<Secret> secrets) {
    SecretsFile {
      secrets = secrets == null ? List.of() : List.copyOf(secrets);
    }
  }

  /** A secret opened for logging in. */
  record Credentials(String user, String password) {
    @Override
    public String toString() {
      return "Credentials[user=" + user + ", password=***]";
    }
  }

  private final Path file;
  private final SecretBox box;
  private volatile List<Secret> secrets;

  RemoteSecrets(Path directory, SecretBox box) {
    this.file = directory.resolve(FILE);
    this.box = box;
    this.secrets = RemoteFiles.read(file, SecretsFile.class, new SecretsFile(List.of()))
        .secrets();
  }

  /**
   * The secret's name in a {@code SECRET_ARN} value: the value itself, or of an ARN such as
   * {@code arn:aws:secretsmanager:us-east-1:123456789012:secret:pg-reader} its last part.
   */
  static String nameOf(String secretArn) {
    String value = secretArn.trim();
    if (value.regionMatches(true, 0, "arn:", 0, 4)) {
      value = value.substring(value.lastIndexOf(':') + 1);
    }
    return value.toLowerCase(Locale.ROOT);
  }

  Optional<Secret> find(String name) {
    String folded = name.toLowerCase(Locale.ROOT);
    return secrets.stream().filter(s -> s.name().equals(folded)).findFirst();
  }

  /** The secrets, sorted by name. */
  List<Secret> list() {
    return secrets;
  }

  /** The user and password of secret {@code name}; 42704 naming it when there is none. */
  Credentials credentials(String name, String owner) {
    Secret secret = find(name).orElseThrow(() -> new StorageException("42704", "Cannot use "
        + owner + ": secret '" + name + "' does not exist"));
    return new Credentials(secret.user(), box.open(secret.password(), "secret '" + name + "'"));
  }

  /**
   * Creates or (with {@code replace}) replaces a secret; returns false when it existed and
   * {@code ifNotExists} left it alone.
   */
  synchronized boolean create(String name, String user, String password, boolean replace,
      boolean ifNotExists, long nowMillis) {
    String folded = name.toLowerCase(Locale.ROOT);
    if (find(folded).isPresent() && !replace) {
      if (ifNotExists) {
        return false;
      }
      throw new StorageException("42710", "Cannot create secret '" + folded
          + "': it already exists");
    }
    List<Secret> next = new ArrayList<>(secrets);
    next.removeIf(s -> s.name().equals(folded));
    next.add(new Secret(folded, user, box.seal(password), nowMillis));
    save(next, "create secret '" + folded + "'");
    return true;
  }

  /** Drops a secret; false when there was none and {@code ifExists} allowed that. */
  synchronized boolean drop(String name, boolean ifExists) {
    String folded = name.toLowerCase(Locale.ROOT);
    if (find(folded).isEmpty()) {
      if (ifExists) {
        return false;
      }
      throw new StorageException("42704", "Cannot drop secret '" + folded
          + "': it does not exist");
    }
    List<Secret> next = new ArrayList<>(secrets);
    next.removeIf(s -> s.name().equals(folded));
    save(next, "drop secret '" + folded + "'");
    return true;
  }

  private void save(List<Secret> next, String action) {
    next.sort(Comparator.comparing(Secret::name));
    RemoteFiles.write(file, new SecretsFile(next), action);
    secrets = List.copyOf(next);
  }
}
