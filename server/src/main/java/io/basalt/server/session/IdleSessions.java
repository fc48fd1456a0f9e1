package io.basalt.server.session;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * When each open session was last used, so that the server can close those idle longer than the
 * timeout and tell their client why on its next request (instead of the Avatica client silently
 * opening a new session, which would lose the session's state). A session with a request in
 * flight is never idle, however long its statement runs.
 */
public final class IdleSessions {
  /** How many closed sessions are remembered for their clients' next request. */
  private static final int REMEMBERED_CLOSED = 10_000;
  private final long timeoutNanos;
  private final LongSupplier nanoClock;
  private final Map<String, Activity> open = new ConcurrentHashMap<>();
  private final Set<String> closedIdle = Collections.newSetFromMap(
      Collections.synchronizedMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
          return size() > REMEMBERED_CLOSED;
        }
      }));

  /** A session's last use and its requests in flight. */
  private record Activity(long lastUseNanos, int inFlight) {}

  /** Sessions idle for {@code timeout} are closed ({@link Duration#ZERO}: never). */
  public IdleSessions(Duration timeout, LongSupplier nanoClock) {
    this.timeoutNanos = timeout.toNanos();
    this.nanoClock = nanoClock;
  }

  public Duration timeout() {
    return Duration.ofNanos(timeoutNanos);
  }

  public void opened(String session) {
    open.put(session, new Activity(nanoClock.getAsLong(), 0));
  }

  /** The client closed the session itself. */
  public void closed(String session) {
    open.remove(session);
  }

  /** Whether the server closed this session for being idle. */
  public boolean closedForIdleness(String session) {
    return closedIdle.contains(session);
  }

  /**
   * A request on the session starts; returns false if the session had been idle too long (it is
   * then closed for idleness, and the caller must close its connection).
   */
  public boolean begin(String session) {
    return use(session, 1);
  }

  /** A request that {@link #begin} admitted has finished. */
  public void end(String session) {
    open.computeIfPresent(session, (id, activity) ->
        new Activity(nanoClock.getAsLong(), Math.max(0, activity.inFlight() - 1)));
  }

  /** A short request (metadata, sync): as {@link #begin} and {@link #end} together. */
  public boolean touch(String session) {
    return use(session, 0);
  }

  /** Marks every session idle too long as closed and returns them, for the caller to close. */
  public List<String> closeIdle() {
    List<String> expired = new ArrayList<>();
    if (timeoutNanos == 0) {
      return expired;
    }
    for (String session : List.copyOf(open.keySet())) {
      open.computeIfPresent(session, (id, activity) -> {
        if (isIdle(activity)) {
          closedIdle.add(id);
          expired.add(id);
          return null;
        }
        return activity;
      });
    }
    return expired;
  }

  private boolean use(String session, int newRequests) {
    boolean[] expired = {false};
    open.computeIfPresent(session, (id, activity) -> {
      if (isIdle(activity)) {
        closedIdle.add(id);
        expired[0] = true;
        return null;
      }
      return new Activity(nanoClock.getAsLong(), activity.inFlight() + newRequests);
    });
    return !expired[0];
  }

  private boolean isIdle(Activity activity) {
    return timeoutNanos > 0 && activity.inFlight() == 0
        && nanoClock.getAsLong() - activity.lastUseNanos() >= timeoutNanos;
  }
}
