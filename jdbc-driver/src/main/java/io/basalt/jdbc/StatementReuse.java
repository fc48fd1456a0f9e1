package io.basalt.jdbc;

import static java.util.Objects.requireNonNull;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import org.apache.calcite.avatica.Meta;

/**
 * Avatica's remote {@link Meta} of one connection, which keeps the server statement of a closed
 * plain {@code Statement} for the connection's next {@code createStatement}.
 *
 * <p>Avatica creates a server statement for every {@code Statement} (one HTTP round trip) and
 * closes it on {@code close()} (another), so the usual create, execute, close costs three round
 * trips where the query needs one; on 127.0.0.1 the two extra ones were half of a small query's
 * time. A statement is kept only if the server holds nothing for it: every result of its last
 * execution came whole in the first frame (the server closes such a result) or was an update
 * count. Prepared statements are closed as before. A kept statement is closed for real if it
 * waited longer than {@link #MAX_IDLE_NANOS} (the server forgets idle statements after ten
 * minutes) or if more than {@link #MAX_IDLE} are waiting.
 *
 * <p>A dynamic proxy, because {@link Meta} has over forty methods and only three matter here.
 */
final class StatementReuse implements InvocationHandler {
  static final int MAX_IDLE = 4;
  static final long MAX_IDLE_NANOS = 60_000_000_000L;

  private final Meta remote;
  private final LongSupplier clock;
  private final Object lock = new Object();
  /** Closed plain statements whose server statement is kept, oldest first. */
  private final ArrayDeque<Idle> idle = new ArrayDeque<>();
  /** Open plain statements by id: whether the server holds no result for them. */
  private final Map<Integer, Boolean> plain = new HashMap<>();

  private StatementReuse(Meta remote, LongSupplier clock) {
    this.remote = requireNonNull(remote, "remote is null");
    this.clock = requireNonNull(clock, "clock is null");
  }

  /** {@code remote}, with statements reused as the class comment describes. */
  static Meta wrap(Meta remote) {
    return wrap(remote, System::nanoTime);
  }

  static Meta wrap(Meta remote, LongSupplier clock) {
    return (Meta) Proxy.newProxyInstance(Meta.class.getClassLoader(),
        new Class<?>[] {Meta.class}, new StatementReuse(remote, clock));
  }

  private record Idle(Meta.StatementHandle handle, long since) {}

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    if (method.getDeclaringClass() == Object.class) {
      return switch (method.getName()) {
        case "equals" -> proxy == args[0];
        case "hashCode" -> System.identityHashCode(proxy);
        default -> "StatementReuse(" + remote + ")";
      };
    }
    switch (method.getName()) {
      case "createStatement":
        return createStatement((Meta.ConnectionHandle) args[0]);
      case "closeStatement":
        closeStatement((Meta.StatementHandle) args[0]);
        return null;
      case "closeConnection":
        synchronized (lock) {
          // The server closes the connection's statements with it.
          idle.clear();
          plain.clear();
        }
        return call(method, args);
      case "prepareAndExecute":
        return executed((Meta.StatementHandle) args[0], call(method, args, args[0]));
      case "prepareAndExecuteBatch":
        // Update counts only: the server keeps no result.
        return executed((Meta.StatementHandle) args[0], call(method, args, args[0]));
      default:
        return call(method, args);
    }
  }

  private Meta.StatementHandle createStatement(Meta.ConnectionHandle connection) {
    long now = clock.getAsLong();
    while (true) {
      Idle kept;
      synchronized (lock) {
        kept = idle.pollLast();
        if (kept != null && now - kept.since() <= MAX_IDLE_NANOS) {
          plain.put(kept.handle().id, true);
          return kept.handle();
        }
      }
      if (kept == null) {
        break;
      }
      closeQuietly(kept.handle());
    }
    Meta.StatementHandle created = remote.createStatement(connection);
    synchronized (lock) {
      plain.put(created.id, true);
    }
    return created;
  }

  private void closeStatement(Meta.StatementHandle handle) {
    Idle evicted = null;
    synchronized (lock) {
      Boolean clean = plain.remove(handle.id);
      if (clean != null && clean) {
        idle.addLast(new Idle(handle, clock.getAsLong()));
        if (idle.size() <= MAX_IDLE) {
          return;
        }
        evicted = idle.pollFirst();
      }
    }
    remote.closeStatement(evicted != null ? evicted.handle() : handle);
  }

  /** Records whether the server holds a result of the plain statement {@code handle}. */
  private Object executed(Meta.StatementHandle handle, Object result) {
    boolean clean = true;
    if (result instanceof Meta.ExecuteResult execute) {
      for (Meta.MetaResultSet resultSet : execute.resultSets) {
        if (resultSet.firstFrame != null && !resultSet.firstFrame.done) {
          clean = false;
        }
      }
    }
    synchronized (lock) {
      plain.replace(handle.id, clean);
    }
    return result;
  }

  private void closeQuietly(Meta.StatementHandle handle) {
    try {
      remote.closeStatement(handle);
    } catch (RuntimeException e) {
      // The server may have forgotten it already; either way it is gone.
    }
  }

  private Object call(Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(remote, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  /** As {@link #call}, but a failed execution leaves the statement's server state unknown. */
  private Object call(Method method, Object[] args, Object handle) throws Throwable {
    synchronized (lock) {
      plain.replace(((Meta.StatementHandle) handle).id, false);
    }
    return call(method, args);
  }
}
