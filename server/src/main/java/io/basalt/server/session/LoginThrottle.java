package io.basalt.server.session;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slows down password guessing: after {@value #FREE_FAILURES} wrong passwords in a row for one
 * user, each further attempt for that user waits first, one second doubling per failure up to
 * {@link #MAX_DELAY}; a right password resets the count. Each failure is logged with the user,
 * the client's address and the count, never the password.
 */
public final class LoginThrottle {
  static final int FREE_FAILURES = 3;
  static final Duration FIRST_DELAY = Duration.ofSeconds(1);
  static final Duration MAX_DELAY = Duration.ofSeconds(10);
  /** Users tracked at most; guesses at random user names must not fill the heap. */
  private static final int MAX_TRACKED_USERS = 100_000;
  private static final Logger LOG = LoggerFactory.getLogger(LoginThrottle.class);

  /** Waits; tests pass one that records the delays instead. */
  @FunctionalInterface
  public interface Sleeper {
    Sleeper REAL = delay -> Thread.sleep(delay.toMillis());

    void sleep(Duration delay) throws InterruptedException;
  }

  private final Sleeper sleeper;
  private final Map<String, Integer> failures = new ConcurrentHashMap<>();

  public LoginThrottle(Sleeper sleeper) {
    this.sleeper = requireNonNull(sleeper, "sleeper is null");
  }

  /** Waits as long as the user's failures in a row call for, before their password is checked. */
  public void beforeAttempt(String user) {
    Duration delay = delayAfter(failures.getOrDefault(user, 0));
    if (delay.isZero()) {
      return;
    }
    try {
      sleeper.sleep(delay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Records a wrong password; returns the user's failures in a row. */
  public int failed(String user, String clientAddress) {
    if (failures.size() >= MAX_TRACKED_USERS && !failures.containsKey(user)) {
      failures.clear();
    }
    int count = failures.merge(user, 1, Integer::sum);
    LOG.warn("Failed login for user \"{}\" from {}: {} failure(s) in a row{}", printable(user),
        clientAddress, count, count >= FREE_FAILURES
            ? ", next attempt delayed " + delayAfter(count).toSeconds() + " s" : "");
    return count;
  }

  /** Records a right password: the user's next attempt is not delayed. */
  public void succeeded(String user) {
    failures.remove(user);
  }

  /** The wait before an attempt that follows {@code failuresInARow} wrong passwords. */
  static Duration delayAfter(int failuresInARow) {
    if (failuresInARow < FREE_FAILURES) {
      return Duration.ZERO;
    }
    int doublings = Math.min(failuresInARow - FREE_FAILURES, 16);
    Duration delay = FIRST_DELAY.multipliedBy(1L << doublings);
    return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
  }

  /** A user name as typed by a client, with control characters escaped so it cannot forge log lines. */
  private static String printable(String user) {
    StringBuilder out = new StringBuilder();
    user.codePoints().forEach(c -> {
      if (Character.isISOControl(c) || c == '"') {
        out.append(String.format("\\u%04x", c));
      } else {
        out.appendCodePoint(c);
      }
    });
    return out.toString();
  }
}
