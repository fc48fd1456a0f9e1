package io.basalt.planner.prepare;

import static java.util.Objects.requireNonNull;

import io.basalt.planner.catalog.BasaltRootSchema;
import io.basalt.planner.catalog.CatalogServices;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.DriverVersion;
import org.apache.calcite.avatica.Handler;
import org.apache.calcite.avatica.HandlerImpl;
import io.basalt.planner.catalog.TempSchemas;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.jdbc.CalciteConnection;
import org.apache.calcite.jdbc.CalciteFactory;
import org.apache.calcite.jdbc.CalciteMetaImpl;
import org.apache.calcite.jdbc.CalciteMetaTableFactoryImpl;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.jdbc.Driver;

/**
 * Calcite's JDBC driver, wired for Basalt: every connection sees the store's schemas through its
 * own root schema, prepares statements with {@link BasaltPrepare}, and describes columns with
 * their Redshift type names. It is used in-process only (by the server), never registered with
 * DriverManager.
 */
public final class EmbeddedDriver extends Driver {
  static final String PREFIX = "jdbc:basalt-embedded:";
  private final CatalogServices services;

  public EmbeddedDriver(CatalogServices services) {
    this(services, new PlanCache(services::catalogVersion));
  }

  private EmbeddedDriver(CatalogServices services, PlanCache plans) {
    super(() -> new BasaltPrepare(services, plans));
    this.services = requireNonNull(services, "services is null");
  }

  @Override
  protected String getConnectStringPrefix() {
    return PREFIX;
  }

  @Override
  protected DriverVersion createDriverVersion() {
    return new DriverVersion("Basalt embedded driver", BasaltVersion.VERSION, "Basalt",
        BasaltVersion.VERSION, true, BasaltVersion.MAJOR, BasaltVersion.MINOR,
        BasaltVersion.MAJOR, BasaltVersion.MINOR);
  }

  /** When a session ends, its TEMP tables go with it. */
  @Override
  protected Handler createHandler() {
    Handler calcite = super.createHandler();
    return new HandlerImpl() {
      @Override
      public void onConnectionInit(AvaticaConnection connection) throws SQLException {
        calcite.onConnectionInit(connection);
      }

      @Override
      public void onConnectionClose(AvaticaConnection connection) {
        calcite.onConnectionClose(connection);
        String tempSchema = TempSchemas.of(((CalciteConnection) connection).getProperties());
        if (tempSchema != null) {
          services.storage().dropSchema(tempSchema, true, true);
        }
      }
    };
  }

  @Override
  public Meta createMeta(AvaticaConnection connection) {
    return CalciteMetaImpl.create((CalciteConnection) connection, CalciteMetaTableFactoryImpl.INSTANCE,
        RedshiftColumnFactory.INSTANCE);
  }

  /** Opens a session whose unqualified names resolve in {@code defaultSchema}. */
  public CalciteConnection connect(Properties properties) throws SQLException {
    Connection connection = connect(PREFIX, properties);
    return connection.unwrap(CalciteConnection.class);
  }

  @Override
  public Connection connect(String url, Properties info) throws SQLException {
    if (!acceptsURL(url)) {
      return null;
    }
    CalciteSchema root =
        CalciteSchema.createRootSchema(false, false, "", new BasaltRootSchema(services));
    AvaticaConnection connection = ((CalciteFactory) factory)
        .newConnection(this, factory, url, info, root, null);
    handler.onConnectionInit(connection);
    return connection;
  }
}
