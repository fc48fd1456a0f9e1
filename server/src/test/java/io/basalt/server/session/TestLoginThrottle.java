package io.basalt.server.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The throttle's delays, counted with a sleeper that records instead of waiting. */
class TestLoginThrottle {
  private final List<Duration> waits = new ArrayList<>();
  private final LoginThrottle throttle = new LoginThrottle(waits::add);

  @Test
  void delaysDoubleAfterThreeFailuresUpToTheCap() {
    for (int attempt = 0; attempt < 8; attempt++) {
      throttle.beforeAttempt("alice");
      throttle.failed("alice", "127.0.0.1");
    }
    assertThat(waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2),
        Duration.ofSeconds(4), Duration.ofSeconds(8), Duration.ofSeconds(10));
  }

  @Test
  void successResetsTheCount() {
    for (int attempt = 0; attempt < 4; attempt++) {
      throttle.failed("alice", "127.0.0.1");
    }
    throttle.beforeAttempt("alice");
    throttle.succeeded("alice");
    throttle.beforeAttempt("alice");
    assertThat(waits).containsExactly(Duration.ofSeconds(2));
  }

  @Test
  void usersAreCountedApart() {
    for (int attempt = 0; attempt < 5; attempt++) {
      throttle.failed("alice", "127.0.0.1");
    }
    throttle.beforeAttempt("bob");
    assertThat(waits).isEmpty();
    assertThat(throttle.failed("bob", "127.0.0.1")).isEqualTo(1);
  }

  @Test
  void delayOfAFailureCount() {
    assertThat(LoginThrottle.delayAfter(0)).isZero();
    assertThat(LoginThrottle.delayAfter(2)).isZero();
    assertThat(LoginThrottle.delayAfter(3)).isEqualTo(Duration.ofSeconds(1));
    assertThat(LoginThrottle.delayAfter(1_000_000)).isEqualTo(LoginThrottle.MAX_DELAY);
  }
}
