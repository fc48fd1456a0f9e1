package io.basalt.jdbc;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Properties;
import java.util.TimeZone;
import org.apache.calcite.avatica.AvaticaClientRuntimeException;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.AvaticaDatabaseMetaData;
import org.apache.calcite.avatica.AvaticaFactory;
import org.apache.calcite.avatica.AvaticaPreparedStatement;
import org.apache.calcite.avatica.AvaticaResultSet;
import org.apache.calcite.avatica.AvaticaResultSetMetaData;
import org.apache.calcite.avatica.AvaticaSpecificDatabaseMetaData;
import org.apache.calcite.avatica.AvaticaStatement;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.QueryState;
import org.apache.calcite.avatica.UnregisteredDriver;

/** Creates Basalt's JDBC objects, whose statements also cancel their query on the server. */
final class BasaltJdbcFactory implements AvaticaFactory {

  @Override
  public int getJdbcMajorVersion() {
    return 4;
  }

  @Override
  public int getJdbcMinorVersion() {
    return 1;
  }

  @Override
  public AvaticaConnection newConnection(
      UnregisteredDriver driver, AvaticaFactory factory, String url, Properties info) {
    return new BasaltConnection(driver, factory, url, info);
  }

  @Override
  public AvaticaStatement newStatement(
      AvaticaConnection connection,
      Meta.StatementHandle handle,
      int resultSetType,
      int resultSetConcurrency,
      int resultSetHoldability) {
    return new BasaltStatement(
        connection, handle, resultSetType, resultSetConcurrency, resultSetHoldability);
  }

  @Override
  public AvaticaPreparedStatement newPreparedStatement(
      AvaticaConnection connection,
      Meta.StatementHandle handle,
      Meta.Signature signature,
      int resultSetType,
      int resultSetConcurrency,
      int resultSetHoldability)
      throws SQLException {
    return new BasaltPreparedStatement(
        connection, handle, signature, resultSetType, resultSetConcurrency, resultSetHoldability);
  }

  @Override
  public AvaticaResultSet newResultSet(
      AvaticaStatement statement,
      QueryState state,
      Meta.Signature signature,
      TimeZone timeZone,
      Meta.Frame firstFrame)
      throws SQLException {
    return new AvaticaResultSet(
        statement, state, signature, newResultSetMetaData(statement, signature), timeZone,
        firstFrame);
  }

  @Override
  public AvaticaSpecificDatabaseMetaData newDatabaseMetaData(AvaticaConnection connection) {
    return new BasaltDatabaseMetaData(connection);
  }

  @Override
  public AvaticaResultSetMetaData newResultSetMetaData(
      AvaticaStatement statement, Meta.Signature signature) {
    return new AvaticaResultSetMetaData(statement, null, signature);
  }

  /** A connection to a Basalt server, reporting statement errors with the server's message. */
  static final class BasaltConnection extends AvaticaConnection {

    BasaltConnection(
        UnregisteredDriver driver, AvaticaFactory factory, String url, Properties info) {
      super(driver, factory, url, info);
    }

    /**
     * As Avatica's, but a server error (e.g. a session the server closed for idleness) is an
     * {@link SQLException} with the server's SQLSTATE, not an unchecked exception.
     */
    @Override
    public AvaticaStatement createStatement(
        int resultSetType, int resultSetConcurrency, int resultSetHoldability)
        throws SQLException {
      try {
        return super.createStatement(resultSetType, resultSetConcurrency, resultSetHoldability);
      } catch (AvaticaClientRuntimeException e) {
        throw ServerErrors.toSqlException(e);
      }
    }

    /**
     * Prepares like Avatica, whose own version drops the server's message (it reports only
     * "while preparing SQL: ..."); also serves the other overloads, which delegate to it.
     */
    @Override
    public PreparedStatement prepareStatement(
        String sql, int resultSetType, int resultSetConcurrency, int resultSetHoldability)
        throws SQLException {
      checkOpen();
      Meta.StatementHandle statement;
      try {
        statement = meta.prepare(handle, sql, -1);
      } catch (AvaticaClientRuntimeException e) {
        throw ServerErrors.toSqlException(e);
      } catch (RuntimeException e) {
        throw new SQLException(
            "Cannot prepare statement: " + e.getMessage(),
            ServerErrors.SQLSTATE_CONNECTION_FAILURE, e);
      }
      return factory.newPreparedStatement(
          this, statement, statement.signature, resultSetType, resultSetConcurrency,
          resultSetHoldability);
    }
  }

  /** Database metadata; product name and version come from the driver's {@code DriverVersion}. */
  static final class BasaltDatabaseMetaData extends AvaticaDatabaseMetaData {
    BasaltDatabaseMetaData(AvaticaConnection connection) {
      super(connection);
    }
  }
}
