package io.basalt.server.sql;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.UnaryOperator;

/**
 * Wraps JDBC connections so that every error a statement raises reads {@code [SQLSTATE] message}
 * with no stack trace: Quidem's {@code !error} matches the printed exception, so a script can
 * assert the SQLSTATE, and a failing script's diff shows the message rather than stack frames.
 */
final class SqlStateConnections {
  private SqlStateConnections() {}

  /** Returns {@code connection}, whose statements report errors with their SQLSTATE. */
  static Connection wrap(Connection connection) {
    return proxy(Connection.class, connection, result -> {
      if (result instanceof PreparedStatement prepared) {
        return proxy(PreparedStatement.class, prepared, UnaryOperator.identity());
      }
      if (result instanceof Statement statement) {
        return proxy(Statement.class, statement, UnaryOperator.identity());
      }
      return result;
    });
  }

  private static <T> T proxy(Class<T> type, T target, UnaryOperator<Object> wrapResult) {
    InvocationHandler handler = (self, method, args) -> {
      try {
        return wrapResult.apply(method.invoke(target, args));
      } catch (InvocationTargetException e) {
        throw tagged(e.getCause());
      }
    };
    return type.cast(Proxy.newProxyInstance(SqlStateConnections.class.getClassLoader(),
        new Class<?>[] {type}, handler));
  }

  /** The error as one line: its SQLSTATE, and the class name too if the driver broke JDBC's contract. */
  static SQLException tagged(Throwable error) {
    String state = error instanceof SQLException sql ? sql.getSQLState() : null;
    String message = (state == null ? "[no SQLSTATE] " : "[" + state + "] ")
        + (error instanceof SQLException ? "" : error.getClass().getName() + ": ")
        + error.getMessage();
    SQLException clean = new SQLException(message, state);
    clean.setStackTrace(new StackTraceElement[0]);
    return clean;
  }
}
