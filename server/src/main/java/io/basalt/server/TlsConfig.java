package io.basalt.server;

import java.nio.file.Path;

/**
 * Where the JDBC endpoint's TLS key comes from: a PKCS12 or JKS keystore with its password, or a
 * PEM certificate chain and a PEM (PKCS#8) private key. {@link #toString()} never shows the
 * password.
 *
 * @param keystore the keystore file, or null when the PEM files are given
 * @param keystorePassword the keystore's password (null: empty), ignored for PEM files
 * @param certificate the PEM certificate chain, server certificate first, or null
 * @param privateKey the PEM private key ({@code BEGIN PRIVATE KEY}), or null
 */
public record TlsConfig(Path keystore, String keystorePassword, Path certificate,
    Path privateKey) {
  public TlsConfig {
    if (keystore == null && (certificate == null || privateKey == null)) {
      throw new IllegalArgumentException(
          "Cannot configure TLS: give a keystore, or both a certificate and a private key");
    }
    if (keystore != null && (certificate != null || privateKey != null)) {
      throw new IllegalArgumentException(
          "Cannot configure TLS: give a keystore or a certificate and key, not both");
    }
  }

  /** TLS from a PKCS12 or JKS keystore. */
  public static TlsConfig keystore(Path file, String password) {
    return new TlsConfig(file, password, null, null);
  }

  /** TLS from a PEM certificate chain and a PEM PKCS#8 private key. */
  public static TlsConfig pem(Path certificate, Path privateKey) {
    return new TlsConfig(null, null, certificate, privateKey);
  }

  @Override
  public String toString() {
    return keystore != null ? "TlsConfig[keystore=" + keystore + ", keystorePassword=***]"
        : "TlsConfig[certificate=" + certificate + ", privateKey=" + privateKey + "]";
  }
}
