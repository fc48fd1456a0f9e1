package io.basalt.server.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server's TLS key as an in-memory {@link KeyStore}, read from a keystore file or built from
 * PEM files with the JDK alone. Error messages name the file, never a password.
 *
 * @param keyStore the keys, one entry for PEM files
 * @param password the password of the store and of its key entries
 */
record ServerKeys(KeyStore keyStore, char[] password) {
  private static final Pattern PRIVATE_KEY = Pattern.compile(
      "-----BEGIN PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END PRIVATE KEY-----");
  /** Algorithms a PKCS#8 key may be in, tried in turn: the key's header does not say which. */
  private static final List<String> KEY_ALGORITHMS = List.of("RSA", "EC", "Ed25519", "Ed448");

  /** Reads a PKCS12 or JKS keystore (the JDK tells them apart by content). */
  static ServerKeys fromKeystore(Path file, String password) {
    char[] secret = (password == null ? "" : password).toCharArray();
    try {
      KeyStore store = KeyStore.getInstance(file.toFile(), secret);
      if (!store.aliases().hasMoreElements()) {
        throw new IllegalArgumentException("Cannot start TLS: the keystore '" + file
            + "' holds no key");
      }
      return new ServerKeys(store, secret);
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException("Cannot start TLS: cannot read the keystore '" + file
          + "': " + reason(e), e);
    }
  }

  /** Builds a keystore from a PEM certificate chain and a PEM PKCS#8 private key. */
  static ServerKeys fromPem(Path certificateFile, Path keyFile) {
    List<Certificate> chain;
    try {
      byte[] pem = Files.readAllBytes(certificateFile);
      chain = List.copyOf(CertificateFactory.getInstance("X.509")
          .generateCertificates(new ByteArrayInputStream(pem)));
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException("Cannot start TLS: cannot read the certificate '"
          + certificateFile + "': " + reason(e), e);
    }
    if (chain.isEmpty()) {
      throw new IllegalArgumentException("Cannot start TLS: the certificate '" + certificateFile
          + "' holds no certificate");
    }
    PrivateKey key = privateKey(keyFile);
    char[] password = randomPassword();
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, password);
      store.setKeyEntry("basalt", key, password, chain.toArray(Certificate[]::new));
      return new ServerKeys(store, password);
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException("Cannot start TLS: the key '" + keyFile
          + "' does not fit the certificate '" + certificateFile + "': " + reason(e), e);
    }
  }

  private static PrivateKey privateKey(Path keyFile) {
    String text;
    try {
      text = Files.readString(keyFile, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new IllegalArgumentException("Cannot start TLS: cannot read the private key '"
          + keyFile + "': " + reason(e), e);
    }
    Matcher matcher = PRIVATE_KEY.matcher(text);
    if (!matcher.find()) {
      throw new IllegalArgumentException("Cannot start TLS: the private key '" + keyFile
          + "' is not an unencrypted PKCS#8 PEM key (BEGIN PRIVATE KEY); convert it with"
          + " 'openssl pkcs8 -topk8 -nocrypt'");
    }
    byte[] der = Base64.getMimeDecoder().decode(matcher.group(1));
    PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
    for (String algorithm : KEY_ALGORITHMS) {
      try {
        return KeyFactory.getInstance(algorithm).generatePrivate(spec);
      } catch (GeneralSecurityException e) {
        // Not this algorithm: try the next one.
      }
    }
    throw new IllegalArgumentException("Cannot start TLS: the private key '" + keyFile
        + "' is not an RSA, EC or EdDSA key");
  }

  /** The in-memory store's password: it never leaves this process, so any value will do. */
  private static char[] randomPassword() {
    byte[] bytes = new byte[18];
    new SecureRandom().nextBytes(bytes);
    return Base64.getEncoder().encodeToString(bytes).toCharArray();
  }

  private static String reason(Exception e) {
    if (e.getMessage() != null && !e.getMessage().isBlank()) {
      return e.getMessage();
    }
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage();
    return message == null || message.isBlank() ? root.getClass().getSimpleName() : message;
  }
}
