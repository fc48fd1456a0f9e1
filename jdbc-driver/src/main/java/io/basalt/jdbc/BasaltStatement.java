package io.basalt.jdbc;

import java.sql.SQLException;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.AvaticaStatement;
import org.apache.calcite.avatica.Meta;

/** A statement whose {@link #cancel()} also stops the query on the server. */
final class BasaltStatement extends AvaticaStatement {

  BasaltStatement(
      AvaticaConnection connection,
      Meta.StatementHandle handle,
      int resultSetType,
      int resultSetConcurrency,
      int resultSetHoldability) {
    super(connection, handle, resultSetType, resultSetConcurrency, resultSetHoldability);
  }

  /**
   * Asks the server to stop the running query, then does Avatica's client-side cancel.
   *
   * <p>Not synchronized: another thread may be inside {@code execute} on this statement, and the
   * server-side cancel is what makes that call return.
   */
  @Override
  public void cancel() throws SQLException {
    if (!isClosed()) {
      ServerCancel.request(connection, handle);
    }
    super.cancel();
  }

  @Override
  protected void executeInternal(String sql) throws SQLException {
    // A cancel ends the execution it interrupted, not the statement: JDBC lets it run again.
    cancelFlag.set(false);
    try {
      super.executeInternal(sql);
    } catch (SQLException e) {
      throw ServerErrors.clean(e);
    }
  }

  @Override
  protected long[] executeBatchInternal() throws SQLException {
    cancelFlag.set(false);
    try {
      return super.executeBatchInternal();
    } catch (SQLException e) {
      throw ServerErrors.clean(e);
    }
  }
}
