package io.basalt.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import org.apache.calcite.avatica.DriverVersion;

/**
 * The driver's version, read from a resource that Maven fills in from the project version.
 *
 * @param version the full version, e.g. {@code 0.1.0-SNAPSHOT}
 */
record BasaltVersion(String version) {

  static final String DRIVER_NAME = "Basalt JDBC Driver";
  static final String PRODUCT_NAME = "Basalt";

  private static final String RESOURCE = "basalt-jdbc.properties";

  /** Reads the version that the build recorded. */
  static BasaltVersion load() {
    try (InputStream in = BasaltVersion.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("Cannot load the driver version: resource " + RESOURCE
            + " is missing from the driver jar");
      }
      Properties properties = new Properties();
      properties.load(in);
      return new BasaltVersion(properties.getProperty("version"));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot load the driver version from " + RESOURCE, e);
    }
  }

  int major() {
    return component(0);
  }

  int minor() {
    return component(1);
  }

  /**
   * Returns Avatica's description of the driver; Avatica also reports its product name and version
   * as the database's, so that {@code DatabaseMetaData} says Basalt rather than Avatica.
   */
  DriverVersion toDriverVersion() {
    return new DriverVersion(
        DRIVER_NAME, version, PRODUCT_NAME, version, false, major(), minor(), major(), minor());
  }

  private int component(int index) {
    String[] parts = version.split("[.-]");
    try {
      return index < parts.length ? Integer.parseInt(parts[index]) : 0;
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
