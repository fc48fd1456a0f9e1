package io.basalt.server.avatica;

import io.basalt.planner.BasaltPlanner;
import io.basalt.planner.prepare.SqlErrors;
import io.basalt.server.session.IdleSessions;
import io.basalt.server.session.LoginThrottle;
import io.basalt.server.session.Users;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.calcite.avatica.AvaticaPreparedStatement;
import org.apache.calcite.avatica.Meta;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.AvaticaSeverity;
import org.apache.calcite.avatica.AvaticaStatement;
import org.apache.calcite.avatica.NoSuchStatementException;
import org.apache.calcite.avatica.jdbc.JdbcMeta;
import org.apache.calcite.avatica.jdbc.StatementInfo;
import org.apache.calcite.avatica.remote.AvaticaRuntimeException;
import org.apache.calcite.avatica.remote.TypedValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server side of the JDBC wire: Avatica's {@link JdbcMeta} over one planner session per
 * client connection, with password checks (slowed down after repeated failures) on connect,
 * Basalt's SQLSTATEs on every error, server-side cancel of a running statement, and sessions
 * closed after a time idle.
 */
public final class BasaltMeta extends JdbcMeta {
  private static final int MIN_FRAME_ROWS = 10_000;

  private static final Logger LOG = LoggerFactory.getLogger(BasaltMeta.class);
  private final BasaltPlanner planner;
  private final Users users;
  /** Session statements by Avatica statement id, for cancel. */
  private final Map<Integer, Statement> sessionStatements = new ConcurrentHashMap<>();
  /** The statement each request thread is executing, so a lost client can be canceled. */
  private final Map<Thread, StatementHandle> running = new ConcurrentHashMap<>();
  /** The client address of the request each request thread is handling, for the login log. */
  private final Map<Thread, String> clientAddresses = new ConcurrentHashMap<>();
  private final LoginThrottle throttle;
  private final IdleSessions idle;

  public BasaltMeta(BasaltPlanner planner, Users users, LoginThrottle throttle,
      IdleSessions idle) throws SQLException {
    super("jdbc:basalt-embedded:", cacheSettings(idle.timeout()));
    this.planner = planner;
    this.users = users;
    this.throttle = throttle;
    this.idle = idle;
  }

  /**
   * Avatica's own expiry of connections is only a backstop, well after {@link IdleSessions}
   * closes them: a connection Avatica drops is silently reopened by its client, losing the
   * session's state, whereas one closed here gets a clear error. Idle statements are closed,
   * freeing their resources, after 10 minutes (the client prepares them again transparently).
   */
  private static Properties cacheSettings(Duration idleTimeout) {
    long backstopMinutes = idleTimeout.isZero() ? Duration.ofDays(3650).toMinutes()
        : Math.max(idleTimeout.multipliedBy(2).toMinutes(), idleTimeout.toMinutes() + 10);
    Properties settings = new Properties();
    settings.setProperty(ConnectionCacheSettings.EXPIRY_DURATION.key(),
        Long.toString(backstopMinutes));
    settings.setProperty(ConnectionCacheSettings.EXPIRY_UNIT.key(), "MINUTES");
    settings.setProperty(StatementCacheSettings.EXPIRY_DURATION.key(), "10");
    settings.setProperty(ConnectionCacheSettings.MAX_CAPACITY.key(), "1000");
    settings.setProperty(StatementCacheSettings.MAX_CAPACITY.key(), "10000");
    return settings;
  }

  @Override
  protected Connection createConnection(String url, Properties info) throws SQLException {
    String user = info.getProperty("user");
    return planner.openSession("public", user == null ? Users.ADMIN : user);
  }

  @Override
  public void openConnection(ConnectionHandle ch, Map<String, String> info) {
    String given = info == null ? null : info.get("user");
    String user = given == null ? Users.ADMIN : given;
    String password = info == null ? null : info.get("password");
    throttle.beforeAttempt(user);
    if (!users.authenticate(user, password)) {
      throttle.failed(user, clientAddresses.getOrDefault(Thread.currentThread(), "unknown"));
      throw new AvaticaRuntimeException("password authentication failed for user \""
          + user + "\"", 0, "28P01", AvaticaSeverity.ERROR);
    }
    throttle.succeeded(user);
    try {
      super.openConnection(ch, info);
      idle.opened(ch.id);
    } catch (RuntimeException | Error e) {
      throw translate(e);
    }
  }

  /** Notes the client address of the request this thread handles, until {@link #endRequest}. */
  public void beginRequest(String clientAddress) {
    clientAddresses.put(Thread.currentThread(), clientAddress);
  }

  public void endRequest() {
    clientAddresses.remove(Thread.currentThread());
  }

  /** As JdbcMeta's, but a session closed for idleness is an error, not "no such connection". */
  @Override
  protected Connection getConnection(String id) throws SQLException {
    if (id != null && !idle.touch(id)) {
      closeIdle(id);
    }
    checkNotClosedForIdleness(id);
    return super.getConnection(id);
  }

  /** Closes the sessions idle longer than the timeout (called periodically). */
  public void closeIdleSessions() {
    for (String id : idle.closeIdle()) {
      closeIdle(id);
    }
  }

  private void closeIdle(String id) {
    LOG.info("Closed session {}: idle for {} s", id, idle.timeout().toSeconds());
    try {
      closeSession(new ConnectionHandle(id));
    } catch (RuntimeException e) {
      LOG.warn("Cannot close idle session {}", id, e);
    }
  }

  private void checkNotClosedForIdleness(String id) {
    if (id != null && idle.closedForIdleness(id)) {
      throw new AvaticaRuntimeException("Cannot use the session: the server closed it after "
          + idle.timeout().toSeconds() + " seconds idle (--idle-session-timeout); open a new"
          + " connection", 0, "57P05", AvaticaSeverity.ERROR);
    }
  }

  /** Starts a statement request: the session is busy, not idle, until {@link #endUse}. */
  private void beginUse(StatementHandle h) {
    if (!idle.begin(h.connectionId)) {
      closeIdle(h.connectionId);
    }
    checkNotClosedForIdleness(h.connectionId);
  }

  private void endUse(StatementHandle h) {
    idle.end(h.connectionId);
  }

  @Override
  public StatementHandle createStatement(ConnectionHandle ch) {
    try {
      Statement statement = getConnection(ch.id).createStatement();
      int id = getStatementIdGenerator().getAndIncrement();
      getStatementCache().put(id, new StatementInfo(statement));
      sessionStatements.put(id, statement);
      return new StatementHandle(ch.id, id, null);
    } catch (SQLException | RuntimeException | Error e) {
      throw translate(e);
    }
  }

  /** As JdbcMeta's, but remembers the session statement so that it can be canceled. */
  @Override
  public StatementHandle prepare(ConnectionHandle ch, String sql, long maxRowCount) {
    try {
      PreparedStatement statement = getConnection(ch.id).prepareStatement(sql);
      int id = getStatementIdGenerator().getAndIncrement();
      Meta.StatementType type = statement.isWrapperFor(AvaticaPreparedStatement.class)
          ? statement.unwrap(AvaticaPreparedStatement.class).getStatementType() : null;
      if (maxRowCount > 0) {
        statement.setLargeMaxRows(maxRowCount);
      }
      getStatementCache().put(id, new StatementInfo(statement));
      sessionStatements.put(id, statement);
      return new StatementHandle(ch.id, id, signature(statement.getMetaData(),
          statement.getParameterMetaData(), sql, type));
    } catch (SQLException | RuntimeException | Error e) {
      throw translate(e);
    }
  }

  @Override
  public void closeStatement(StatementHandle h) {
    sessionStatements.remove(h.id);
    super.closeStatement(h);
  }

  /**
   * Closes the session, and forgets its statements at once rather than when the statement cache
   * expires them: the Basalt driver keeps closed plain statements open on the server for reuse,
   * so a connection usually ends with a few of them.
   */
  @Override
  public void closeConnection(ConnectionHandle ch) {
    idle.closed(ch.id);
    closeSession(ch);
  }

  /** Closes the session and its statements, whether its client or its idleness ends it. */
  private void closeSession(ConnectionHandle ch) {
    Connection session = getConnectionCache().getIfPresent(ch.id);
    super.closeConnection(ch);
    sessionStatements.entrySet().removeIf(entry -> {
      Statement statement = entry.getValue();
      boolean gone;
      try {
        gone = statement.isClosed()
            || statement.unwrap(AvaticaStatement.class).connection == session;
      } catch (SQLException e) {
        gone = true;
      }
      if (gone) {
        // Forgotten now rather than when the statement cache expires them: the Basalt driver
        // keeps closed plain statements open on the server for reuse, so a connection usually
        // ends with a few of them.
        getStatementCache().invalidate(entry.getKey());
      }
      return gone;
    });
  }

  @Override
  public ExecuteResult prepareAndExecute(StatementHandle h, String sql, long maxRowCount,
      int maxRowsInFirstFrame, PrepareCallback callback) throws NoSuchStatementException {
    beginUse(h);
    resetCancel(h);
    running.put(Thread.currentThread(), h);
    try {
      return super.prepareAndExecute(h, sql, maxRowCount, frameRows(maxRowsInFirstFrame),
          callback);
    } catch (RuntimeException | Error e) {
      throw translate(e);
    } finally {
      running.remove(Thread.currentThread());
      endUse(h);
    }
  }

  @Override
  public ExecuteResult execute(StatementHandle h, List<TypedValue> parameterValues,
      int maxRowsInFirstFrame) throws NoSuchStatementException {
    beginUse(h);
    resetCancel(h);
    running.put(Thread.currentThread(), h);
    try {
      return super.execute(h, parameterValues, frameRows(maxRowsInFirstFrame));
    } catch (RuntimeException | Error e) {
      throw translate(e);
    } finally {
      running.remove(Thread.currentThread());
      endUse(h);
    }
  }

  /**
   * Rows per frame sent to the client: at least {@value #MIN_FRAME_ROWS}, whatever fetch size it
   * asks for (Avatica's default is 100). A fetch size is a hint in JDBC, and one HTTP round trip
   * per 100 rows made an 18,000-row result cost more than the query.
   */
  private static int frameRows(int requested) {
    return requested < 0 ? requested : Math.max(requested, MIN_FRAME_ROWS);
  }

  /** Cancels whatever statement the given request thread is executing (its client is gone). */
  public void cancelRunningOn(Thread requestThread) {
    StatementHandle handle = running.get(requestThread);
    if (handle != null && cancel(handle.connectionId, handle.id)) {
      LOG.info("Client of connection {} went away; canceled statement {}", handle.connectionId,
          handle.id);
    }
  }

  /** How many statements are executing right now. */
  public int runningStatements() {
    return running.size();
  }

  @Override
  public Frame fetch(StatementHandle h, long offset, int fetchMaxRowCount)
      throws NoSuchStatementException, org.apache.calcite.avatica.MissingResultsException {
    beginUse(h);
    try {
      return super.fetch(h, offset, frameRows(fetchMaxRowCount));
    } catch (RuntimeException | Error e) {
      throw translate(e);
    } finally {
      endUse(h);
    }
  }

  @Override
  public ExecuteBatchResult prepareAndExecuteBatch(StatementHandle h, List<String> sqlCommands)
      throws NoSuchStatementException {
    beginUse(h);
    try {
      return super.prepareAndExecuteBatch(h, sqlCommands);
    } catch (RuntimeException | Error e) {
      throw translate(e);
    } finally {
      endUse(h);
    }
  }

  @Override
  public ExecuteBatchResult executeBatch(StatementHandle h,
      List<List<TypedValue>> parameterValues) throws NoSuchStatementException {
    beginUse(h);
    try {
      return super.executeBatch(h, parameterValues);
    } catch (RuntimeException | Error e) {
      throw translate(e);
    } finally {
      endUse(h);
    }
  }

  /**
   * Stops the statement's running query: its scans poll the flag between blocks and fail with
   * SQLSTATE 57014. Returns false if no such statement is open on that connection.
   */
  public boolean cancel(String connectionId, int statementId) {
    Statement session = sessionStatements.get(statementId);
    if (session == null) {
      return false;
    }
    try {
      AvaticaStatement statement = session.unwrap(AvaticaStatement.class);
      AvaticaConnection connection = (AvaticaConnection) statement.getConnection();
      if (getConnectionCache().getIfPresent(connectionId) != connection) {
        return false;
      }
      connection.getCancelFlag(statement.handle).set(true);
      return true;
    } catch (SQLException | NoSuchStatementException e) {
      return false;
    }
  }

  private void resetCancel(StatementHandle h) {
    Statement session = sessionStatements.get(h.id);
    if (session == null) {
      return;
    }
    try {
      AvaticaStatement statement = session.unwrap(AvaticaStatement.class);
      ((AvaticaConnection) statement.getConnection()).getCancelFlag(statement.handle).set(false);
    } catch (SQLException | NoSuchStatementException e) {
      // A statement without a flag cannot be canceled either; nothing to reset.
    }
  }

  private static RuntimeException translate(Throwable e) {
    if (e instanceof AvaticaRuntimeException) {
      return (AvaticaRuntimeException) e;
    }
    SqlErrors.SqlError error = BasaltPlanner.describe(e);
    if ("XX000".equals(error.sqlState())) {
      LOG.warn("Internal error", e);
    }
    return new AvaticaRuntimeException(error.message(), 0, error.sqlState(),
        AvaticaSeverity.ERROR);
  }
}
