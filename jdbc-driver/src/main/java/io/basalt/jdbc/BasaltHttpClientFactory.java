package io.basalt.jdbc;

import java.net.URL;
import org.apache.calcite.avatica.ConnectionConfig;
import org.apache.calcite.avatica.remote.AvaticaHttpClient;
import org.apache.calcite.avatica.remote.AvaticaHttpClientFactory;
import org.apache.calcite.avatica.remote.AvaticaHttpClientFactoryImpl;
import org.apache.calcite.avatica.remote.KerberosConnection;

/**
 * Avatica's HTTP client, with message-type names translated by {@link WireNames}.
 *
 * <p>Public only because Avatica instantiates it by name from the {@code httpclient_factory}
 * connection property; not part of the driver's API.
 */
public final class BasaltHttpClientFactory implements AvaticaHttpClientFactory {

  /** Creates the factory; called reflectively by Avatica. */
  public BasaltHttpClientFactory() {}

  @Override
  public AvaticaHttpClient getClient(
      URL url, ConnectionConfig config, KerberosConnection kerberosUtil) {
    AvaticaHttpClient delegate =
        AvaticaHttpClientFactoryImpl.getInstance().getClient(url, config, kerberosUtil);
    return request -> WireNames.fromServer(delegate.send(WireNames.toServer(request)));
  }
}
