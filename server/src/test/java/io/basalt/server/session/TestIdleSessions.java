package io.basalt.server.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Idle-session bookkeeping over a clock the test moves. */
class TestIdleSessions {
  private final AtomicLong now = new AtomicLong();
  private final IdleSessions sessions = new IdleSessions(Duration.ofSeconds(60), now::get);

  private void advance(Duration by) {
    now.addAndGet(by.toNanos());
  }

  @Test
  void sessionUnusedForTheTimeoutIsClosed() {
    sessions.opened("a");
    sessions.opened("b");
    advance(Duration.ofSeconds(59));
    assertThat(sessions.touch("b")).isTrue();
    assertThat(sessions.closeIdle()).isEmpty();
    advance(Duration.ofSeconds(1));
    assertThat(sessions.closeIdle()).containsExactly("a");
    assertThat(sessions.closedForIdleness("a")).isTrue();
    assertThat(sessions.closedForIdleness("b")).isFalse();
  }

  @Test
  void aRequestAfterTheTimeoutClosesTheSessionEvenBeforeTheSweep() {
    sessions.opened("a");
    advance(Duration.ofMinutes(2));
    assertThat(sessions.begin("a")).isFalse();
    assertThat(sessions.closedForIdleness("a")).isTrue();
  }

  @Test
  void aLongStatementIsNotIdleness() {
    sessions.opened("a");
    assertThat(sessions.begin("a")).isTrue();
    advance(Duration.ofHours(3));
    assertThat(sessions.closeIdle()).isEmpty();
    sessions.end("a");
    advance(Duration.ofSeconds(30));
    assertThat(sessions.touch("a")).isTrue();
  }

  @Test
  void closedByTheClientIsNotClosedForIdleness() {
    sessions.opened("a");
    sessions.closed("a");
    advance(Duration.ofHours(1));
    assertThat(sessions.closeIdle()).isEmpty();
    assertThat(sessions.closedForIdleness("a")).isFalse();
  }

  @Test
  void zeroTimeoutNeverCloses() {
    IdleSessions never = new IdleSessions(Duration.ZERO, now::get);
    never.opened("a");
    advance(Duration.ofDays(365));
    assertThat(never.closeIdle()).isEmpty();
    assertThat(never.touch("a")).isTrue();
  }
}
