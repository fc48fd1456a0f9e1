package io.basalt.server;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Optional;

/**
 * How the JDBC endpoint guards its connections: TLS (empty: plain HTTP only), whether plain HTTP
 * is refused once TLS is on, and how long a session may sit idle before the server closes it
 * ({@link Duration#ZERO}: never).
 */
public record EndpointConfig(Optional<TlsConfig> tls, boolean requireTls,
    Duration idleSessionTimeout) {
  /** One hour, as Redshift's default idle session timeout is counted in hours. */
  public static final Duration DEFAULT_IDLE_SESSION_TIMEOUT = Duration.ofHours(1);

  public EndpointConfig {
    requireNonNull(tls, "tls is null");
    requireNonNull(idleSessionTimeout, "idleSessionTimeout is null");
    if (requireTls && tls.isEmpty()) {
      throw new IllegalArgumentException("Cannot require TLS: no TLS key is configured"
          + " (give --tls-keystore, or --tls-cert and --tls-key)");
    }
    if (idleSessionTimeout.isNegative()) {
      throw new IllegalArgumentException("idleSessionTimeout must not be negative");
    }
  }

  /** Plain HTTP, sessions closed after an hour idle. */
  public static EndpointConfig defaults() {
    return new EndpointConfig(Optional.empty(), false, DEFAULT_IDLE_SESSION_TIMEOUT);
  }

  public EndpointConfig withTls(TlsConfig newTls, boolean require) {
    return new EndpointConfig(Optional.of(newTls), require, idleSessionTimeout);
  }

  public EndpointConfig withIdleSessionTimeout(Duration timeout) {
    return new EndpointConfig(tls, requireTls, timeout);
  }
}
