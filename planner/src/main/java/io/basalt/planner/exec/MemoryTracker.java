package io.basalt.planner.exec;

import io.basalt.storage.StorageException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the bytes a query's operators hold in hash tables, sort buffers and materialized
 * inputs, and refuses a reservation that would pass the query's limit with SQLSTATE 53200, so
 * one query fails cleanly instead of taking the server down with an OutOfMemoryError.
 */
public final class MemoryTracker {
  private final long limit;
  private final AtomicLong reserved = new AtomicLong();
  private final AtomicLong peak = new AtomicLong();

  public MemoryTracker(long limitBytes) {
    this.limit = limitBytes;
  }

  public long limit() {
    return limit;
  }

  public long reserved() {
    return reserved.get();
  }

  public long peak() {
    return peak.get();
  }

  /** Reserves {@code bytes}, or throws if that would pass the limit. */
  public void reserve(long bytes) {
    long now = reserved.addAndGet(bytes);
    if (now > limit) {
      reserved.addAndGet(-bytes);
      throw new StorageException("53200", "Query exceeded its memory limit of "
          + (limit >> 20) + " MB (it needed more than " + (now >> 20) + " MB)."
          + " Raise query_memory_limit_mb, or filter or aggregate earlier.");
    }
    peak.accumulateAndGet(now, Math::max);
  }

  public void release(long bytes) {
    reserved.addAndGet(-bytes);
  }
}
