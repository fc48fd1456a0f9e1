package io.basalt.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A self-signed certificate for 127.0.0.1 made with the JDK's keytool: the PKCS12 keystore
 * holding it with its key, the same as PEM files, and a truststore holding only the certificate.
 */
record SelfSignedCertificate(Path keystore, String password, Path certificatePem,
    Path privateKeyPem, Path truststore) {

  /** Makes the files under {@code directory}, named after {@code name}. */
  static SelfSignedCertificate create(Path directory, String name) throws Exception {
    Path keystore = directory.resolve(name + "-keystore.p12");
    String password = name + "-store-password";
    keytool("-genkeypair", "-alias", name, "-keyalg", "EC", "-groupname", "secp256r1",
        "-dname", "CN=" + name, "-ext", "SAN=ip:127.0.0.1", "-validity", "2",
        "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", password);
    Path certificate = directory.resolve(name + "-cert.pem");
    keytool("-exportcert", "-rfc", "-alias", name, "-keystore", keystore.toString(),
        "-storepass", password, "-file", certificate.toString());
    Path truststore = directory.resolve(name + "-truststore.p12");
    keytool("-importcert", "-noprompt", "-alias", name, "-file", certificate.toString(),
        "-storetype", "PKCS12", "-keystore", truststore.toString(), "-storepass", password);
    Path key = directory.resolve(name + "-key.pem");
    Files.writeString(key, pkcs8Pem(keystore, name, password), StandardCharsets.US_ASCII);
    return new SelfSignedCertificate(keystore, password, certificate, key, truststore);
  }

  /** keytool cannot export a private key; the key's encoding in Java is PKCS#8 already. */
  private static String pkcs8Pem(Path keystore, String alias, String password)
      throws IOException, GeneralSecurityException {
    KeyStore store = KeyStore.getInstance(keystore.toFile(), password.toCharArray());
    Key key = store.getKey(alias, password.toCharArray());
    return "-----BEGIN PRIVATE KEY-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
            .encodeToString(key.getEncoded())
        + "\n-----END PRIVATE KEY-----\n";
  }

  private static void keytool(String... arguments) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(arguments));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0) {
      throw new IOException("keytool " + arguments[0] + " failed: " + output);
    }
  }
}
