package io.basalt.jdbc;

import com.google.protobuf.InvalidProtocolBufferException;
import java.util.function.UnaryOperator;
import org.apache.calcite.avatica.proto.Common;

/**
 * Translates the message-type names in Avatica's protobuf envelope between the driver's relocated
 * classes and the server's.
 *
 * <p>Avatica names each message by its Java class ({@code WireMessage.name}, e.g.
 * {@code org.apache.calcite.avatica.proto.Requests$OpenConnectionRequest}). In the shaded jar that
 * class is {@code io.basalt.jdbc.shaded.org.apache...}, which the server does not know, so the
 * prefix is stripped from every request and added to every response. Unshaded (in tests) both
 * directions are the identity.
 */
final class WireNames {

  /**
   * Avatica's package as the server spells it. Assembled at run time because the shade plugin
   * rewrites string constants that look like relocated package names.
   */
  private static final String AVATICA_PACKAGE =
      String.join(".", "org", "apache", "calcite", "avatica") + ".";

  /** What relocation put before Avatica's package: empty unless running from the shaded jar. */
  static final String RELOCATION_PREFIX = relocationPrefix(Common.WireMessage.class.getName());

  private WireNames() {}

  /** Returns the prefix that relocation added to {@code wireMessageClassName}, or "". */
  static String relocationPrefix(String wireMessageClassName) {
    int start = wireMessageClassName.indexOf(AVATICA_PACKAGE);
    if (start < 0) {
      throw new IllegalStateException("Cannot locate Avatica's package in " + wireMessageClassName);
    }
    return wireMessageClassName.substring(0, start);
  }

  /** Rewrites a serialized request envelope so that the server recognizes its type. */
  static byte[] toServer(byte[] envelope) {
    return rename(envelope, name -> stripPrefix(name, RELOCATION_PREFIX));
  }

  /** Rewrites a serialized response envelope so that the relocated client recognizes its type. */
  static byte[] fromServer(byte[] envelope) {
    return rename(envelope, name -> addPrefix(name, RELOCATION_PREFIX));
  }

  static String stripPrefix(String name, String prefix) {
    return !prefix.isEmpty() && name.startsWith(prefix + AVATICA_PACKAGE)
        ? name.substring(prefix.length())
        : name;
  }

  static String addPrefix(String name, String prefix) {
    return !prefix.isEmpty() && name.startsWith(AVATICA_PACKAGE) ? prefix + name : name;
  }

  private static byte[] rename(byte[] envelope, UnaryOperator<String> renaming) {
    if (RELOCATION_PREFIX.isEmpty()) {
      return envelope;
    }
    Common.WireMessage message;
    try {
      message = Common.WireMessage.parseFrom(envelope);
    } catch (InvalidProtocolBufferException e) {
      // Not an envelope (e.g. an HTTP error page): let Avatica's parser report it.
      return envelope;
    }
    String renamed = renaming.apply(message.getName());
    return renamed.equals(message.getName())
        ? envelope
        : message.toBuilder().setName(renamed).build().toByteArray();
  }
}
