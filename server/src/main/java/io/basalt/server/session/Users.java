package io.basalt.server.session;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * The server's users and their passwords, kept only as salted PBKDF2 hashes in
 * {@code <data-dir>/security/users.json}. This release has one user, the superuser {@code admin}.
 */
public final class Users {
  public static final String ADMIN = "admin";
  private static final int ITERATIONS = 65_536;
  private static final int KEY_BITS = 256;

  private final Path file;
  private final Map<String, PasswordHash> hashes = new ConcurrentHashMap<>();

  /** A stored password: salt and PBKDF2-HMAC-SHA256 hash, both Base64. */
  record PasswordHash(String salt, String hash) {}

  private Users(Path file) {
    this.file = file;
  }

  /**
   * Loads the users; a given admin password replaces the stored one. With no password given and
   * none stored, admin has the empty password.
   */
  public static Users open(Path dataDirectory, String adminPassword) {
    Users users = new Users(dataDirectory.resolve("security").resolve("users.json"));
    users.load();
    if (adminPassword != null || !users.hashes.containsKey(ADMIN)) {
      users.hashes.put(ADMIN, hash(adminPassword == null ? "" : adminPassword, newSalt()));
      users.save();
    }
    return users;
  }

  /** Whether the user exists and the password is right (constant-time comparison). */
  public boolean authenticate(String user, String password) {
    PasswordHash stored = hashes.get(user == null ? "" : user);
    if (stored == null) {
      // Spend the same time as a real check so that timing does not reveal which users exist.
      hash(password == null ? "" : password, newSalt());
      return false;
    }
    PasswordHash candidate = hash(password == null ? "" : password,
        Base64.getDecoder().decode(stored.salt()));
    return MessageDigest.isEqual(stored.hash().getBytes(StandardCharsets.US_ASCII),
        candidate.hash().getBytes(StandardCharsets.US_ASCII));
  }

  Optional<PasswordHash> stored(String user) {
    return Optional.ofNullable(hashes.get(user));
  }

  private static byte[] newSalt() {
    byte[] salt = new byte[16];
    new SecureRandom().nextBytes(salt);
    return salt;
  }

  private static PasswordHash hash(String password, byte[] salt) {
    try {
      PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, ITERATIONS, KEY_BITS);
      byte[] hash = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec)
          .getEncoded();
      return new PasswordHash(Base64.getEncoder().encodeToString(salt),
          Base64.getEncoder().encodeToString(hash));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot hash a password: " + e.getMessage(), e);
    }
  }

  private void load() {
    if (!Files.exists(file)) {
      return;
    }
    try {
      Map<?, ?> stored = new ObjectMapper().readValue(file.toFile(), Map.class);
      stored.forEach((user, value) -> {
        Map<?, ?> entry = (Map<?, ?>) value;
        hashes.put((String) user, new PasswordHash((String) entry.get("salt"),
            (String) entry.get("hash")));
      });
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
  }

  private void save() {
    try {
      Files.createDirectories(file.getParent());
      Path temporary = file.resolveSibling("users.json.tmp");
      Map<String, Map<String, String>> out = new ConcurrentHashMap<>();
      hashes.forEach((user, h) -> out.put(user, Map.of("salt", h.salt(), "hash", h.hash())));
      new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(temporary.toFile(), out);
      Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + file, e);
    }
  }
}
