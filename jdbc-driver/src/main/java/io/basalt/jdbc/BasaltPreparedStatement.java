package io.basalt.jdbc;

import java.io.InputStream;
import java.io.Reader;
import java.sql.NClob;
import java.sql.ResultSet;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLXML;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.AvaticaPreparedStatement;
import org.apache.calcite.avatica.Meta;

/**
 * A prepared statement whose {@link #cancel()} also stops the query on the server.
 *
 * <p>Avatica leaves the JDBC 4 parameter setters to the factory's subclass; they delegate to the
 * parameter's {@code AvaticaSite}, as the other setters do.
 */
final class BasaltPreparedStatement extends AvaticaPreparedStatement {

  BasaltPreparedStatement(
      AvaticaConnection connection,
      Meta.StatementHandle handle,
      Meta.Signature signature,
      int resultSetType,
      int resultSetConcurrency,
      int resultSetHoldability)
      throws SQLException {
    super(connection, handle, signature, resultSetType, resultSetConcurrency, resultSetHoldability);
  }

  /**
   * Asks the server to stop the running query, then does Avatica's client-side cancel.
   *
   * <p>Not synchronized: Avatica holds this statement's monitor while a prepared statement
   * executes, so the server-side cancel must go out before {@code super.cancel()} waits for it.
   */
  @Override
  public void cancel() throws SQLException {
    if (!isClosed()) {
      ServerCancel.request(connection, handle);
    }
    super.cancel();
  }

  @Override
  public ResultSet executeQuery() throws SQLException {
    cancelFlag.set(false);
    try {
      return super.executeQuery();
    } catch (SQLException e) {
      throw ServerErrors.clean(e);
    }
  }

  @Override
  public boolean execute() throws SQLException {
    cancelFlag.set(false);
    try {
      return super.execute();
    } catch (SQLException e) {
      throw ServerErrors.clean(e);
    }
  }

  /** Also serves {@code executeUpdate()}, which Avatica implements through this method. */
  @Override
  public long executeLargeUpdate() throws SQLException {
    cancelFlag.set(false);
    try {
      return super.executeLargeUpdate();
    } catch (SQLException e) {
      throw ServerErrors.clean(e);
    }
  }

  @Override
  public int[] executeBatch() throws SQLException {
    cancelFlag.set(false);
    try {
      return super.executeBatch();
    } catch (SQLException e) {
      throw ServerErrors.clean(e);
    }
  }

  @Override
  public long[] executeLargeBatch() throws SQLException {
    cancelFlag.set(false);
    try {
      return super.executeLargeBatch();
    } catch (SQLException e) {
      throw ServerErrors.clean(e);
    }
  }

  @Override
  public void setRowId(int parameterIndex, RowId x) throws SQLException {
    getSite(parameterIndex).setRowId(x);
  }

  @Override
  public void setNString(int parameterIndex, String value) throws SQLException {
    getSite(parameterIndex).setNString(value);
  }

  @Override
  public void setNCharacterStream(int parameterIndex, Reader value, long length)
      throws SQLException {
    getSite(parameterIndex).setNCharacterStream(value, length);
  }

  @Override
  public void setNClob(int parameterIndex, NClob value) throws SQLException {
    getSite(parameterIndex).setNClob(value);
  }

  @Override
  public void setClob(int parameterIndex, Reader reader, long length) throws SQLException {
    getSite(parameterIndex).setClob(reader, length);
  }

  @Override
  public void setBlob(int parameterIndex, InputStream inputStream, long length)
      throws SQLException {
    getSite(parameterIndex).setBlob(inputStream, length);
  }

  @Override
  public void setNClob(int parameterIndex, Reader reader, long length) throws SQLException {
    getSite(parameterIndex).setNClob(reader, length);
  }

  @Override
  public void setSQLXML(int parameterIndex, SQLXML xmlObject) throws SQLException {
    getSite(parameterIndex).setSQLXML(xmlObject);
  }

  @Override
  public void setAsciiStream(int parameterIndex, InputStream x, long length) throws SQLException {
    getSite(parameterIndex).setAsciiStream(x, length);
  }

  @Override
  public void setBinaryStream(int parameterIndex, InputStream x, long length)
      throws SQLException {
    getSite(parameterIndex).setBinaryStream(x, length);
  }

  @Override
  public void setCharacterStream(int parameterIndex, Reader reader, long length)
      throws SQLException {
    getSite(parameterIndex).setCharacterStream(reader, length);
  }

  @Override
  public void setAsciiStream(int parameterIndex, InputStream x) throws SQLException {
    getSite(parameterIndex).setAsciiStream(x);
  }

  @Override
  public void setBinaryStream(int parameterIndex, InputStream x) throws SQLException {
    getSite(parameterIndex).setBinaryStream(x);
  }

  @Override
  public void setCharacterStream(int parameterIndex, Reader reader) throws SQLException {
    getSite(parameterIndex).setCharacterStream(reader);
  }

  @Override
  public void setNCharacterStream(int parameterIndex, Reader value) throws SQLException {
    getSite(parameterIndex).setNCharacterStream(value);
  }

  @Override
  public void setClob(int parameterIndex, Reader reader) throws SQLException {
    getSite(parameterIndex).setClob(reader);
  }

  @Override
  public void setBlob(int parameterIndex, InputStream inputStream) throws SQLException {
    getSite(parameterIndex).setBlob(inputStream);
  }

  @Override
  public void setNClob(int parameterIndex, Reader reader) throws SQLException {
    getSite(parameterIndex).setNClob(reader);
  }
}
