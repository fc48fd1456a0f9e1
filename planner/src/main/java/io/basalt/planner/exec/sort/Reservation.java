package io.basalt.planner.exec.sort;

import io.basalt.planner.exec.MemoryTracker;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The bytes one operator has reserved from the query's {@link MemoryTracker}, shared by the
 * threads that fill it, so that closing the operator returns everything at once.
 */
final class Reservation {
  private final MemoryTracker tracker;
  private final AtomicLong held = new AtomicLong();

  Reservation(MemoryTracker tracker) {
    this.tracker = tracker;
  }

  /** Reserves {@code bytes} (throws SQLSTATE 53200 past the query's limit). */
  void reserve(long bytes) {
    tracker.reserve(bytes);
    held.addAndGet(bytes);
  }

  /** Returns {@code bytes} this reservation holds. */
  void release(long bytes) {
    held.addAndGet(-bytes);
    tracker.release(bytes);
  }

  void releaseAll() {
    tracker.release(held.getAndSet(0));
  }
}
