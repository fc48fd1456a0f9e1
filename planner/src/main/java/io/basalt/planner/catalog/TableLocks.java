package io.basalt.planner.catalog;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One write lock per table: statements that change a table's rows run one at a time, so an
 * UPDATE's rewrite cannot drop rows a concurrent INSERT committed (Redshift serializes writers too).
 */
public final class TableLocks {
  private final ConcurrentMap<String, ReentrantLock> locks = new ConcurrentHashMap<>();

  /** Locks the table until the returned handle is closed. */
  public Held lock(String schema, String table) {
    ReentrantLock lock = locks.computeIfAbsent(schema + "." + table, k -> new ReentrantLock());
    lock.lock();
    return lock::unlock;
  }

  /** A held table lock. */
  public interface Held extends AutoCloseable {
    @Override
    void close();
  }
}
