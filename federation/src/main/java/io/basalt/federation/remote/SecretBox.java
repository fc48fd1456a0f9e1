package io.basalt.federation.remote;

import io.basalt.storage.StorageException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts the passwords of federated schemas at rest with AES-256-GCM under a key kept in
 * {@code federation.key} next to the catalog files, created on first use readable by the owner
 * only. A sealed value is {@code aes-gcm:} followed by the base64 of the 12-byte nonce and the
 * ciphertext with its tag, so the catalog files never hold a password in plain text.
 */
public final class SecretBox {
  static final String PREFIX = "aes-gcm:";
  private static final String KEY_FILE = "federation.key";
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final Path keyFile;
  private final SecureRandom random = new SecureRandom();
  private SecretKeySpec key;

  public SecretBox(Path directory) {
    this.keyFile = directory.resolve(KEY_FILE);
  }

  /** The sealed form of {@code secret}. */
  public String seal(String secret) {
    try {
      byte[] nonce = new byte[NONCE_BYTES];
      random.nextBytes(nonce);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key(), new GCMParameterSpec(TAG_BITS, nonce));
      byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
      return PREFIX + Base64.getEncoder().encodeToString(
          ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot encrypt a secret: " + e.getMessage(), e);
    }
  }

  /** The secret {@link #seal} sealed; a value without the prefix is returned as it is. */
  public String open(String sealed, String owner) {
    if (!sealed.startsWith(PREFIX)) {
      return sealed;
    }
    try {
      byte[] bytes = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key(), new GCMParameterSpec(TAG_BITS, bytes, 0,
          NONCE_BYTES));
      return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES),
          StandardCharsets.UTF_8);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new StorageException("28000", "Cannot decrypt the password of " + owner
          + ": the key in '" + keyFile + "' is not the one it was encrypted with");
    }
  }

  private synchronized SecretKeySpec key() {
    if (key == null) {
      key = new SecretKeySpec(readOrCreate(), "AES");
    }
    return key;
  }

  private byte[] readOrCreate() {
    try {
      if (!Files.exists(keyFile)) {
        byte[] fresh = new byte[32];
        random.nextBytes(fresh);
        Files.createDirectories(keyFile.getParent());
        Path temporary = Files.createTempFile(keyFile.getParent(), KEY_FILE, ".tmp",
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(temporary, Base64.getEncoder().encodeToString(fresh));
        try {
          Files.move(temporary, keyFile);
        } catch (FileAlreadyExistsException raced) {
          Files.deleteIfExists(temporary);
        }
      }
      return Base64.getDecoder().decode(Files.readString(keyFile).trim());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read or create the key file '" + keyFile + "'", e);
    }
  }
}
