package io.basalt.server.tls;

import io.basalt.server.TlsConfig;
import java.util.List;
import org.apache.calcite.avatica.server.ServerCustomizer;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.OptionalSslConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * Turns the Avatica server's one connector into one that speaks TLS and plain HTTP on the same
 * port (Jetty tells them apart by the first bytes); when TLS is required, the handler refuses
 * the plain requests with an error the driver can show. The key is loaded when this is created,
 * so a bad key stops the start with its reason.
 */
public final class TlsConnectors implements ServerCustomizer<Server> {
  /** TLS 1.0 and 1.1 are deprecated (RFC 8996). */
  private static final String[] PROTOCOLS = {"TLSv1.2", "TLSv1.3"};
  private final ServerKeys keys;

  private TlsConnectors(ServerKeys keys) {
    this.keys = keys;
  }

  /** Loads the key named by {@code config}. */
  public static TlsConnectors load(TlsConfig config) {
    ServerKeys keys = config.keystore() != null
        ? ServerKeys.fromKeystore(config.keystore(), config.keystorePassword())
        : ServerKeys.fromPem(config.certificate(), config.privateKey());
    return new TlsConnectors(keys);
  }

  @Override
  public void customize(Server server) {
    for (Connector connector : server.getConnectors()) {
      if (connector instanceof ServerConnector serverConnector) {
        secure(serverConnector);
      }
    }
  }

  private void secure(ServerConnector connector) {
    HttpConnectionFactory http = connector.getConnectionFactory(HttpConnectionFactory.class);
    SslContextFactory.Server context = new SslContextFactory.Server();
    context.setKeyStore(keys.keyStore());
    context.setKeyStorePassword(new String(keys.password()));
    context.setKeyManagerPassword(new String(keys.password()));
    context.setIncludeProtocols(PROTOCOLS);
    SslConnectionFactory tls = new SslConnectionFactory(context, http.getProtocol());
    List<ConnectionFactory> factories =
        List.of(new OptionalSslConnectionFactory(tls, http.getProtocol()), tls, http);
    connector.setConnectionFactories(factories);
    connector.setDefaultProtocol(factories.get(0).getProtocol());
  }
}
