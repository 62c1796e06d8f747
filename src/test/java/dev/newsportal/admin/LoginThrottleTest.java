package dev.newsportal.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private final MutableClock clock = new MutableClock();
    private final LoginThrottle throttle = new LoginThrottle(3, Duration.ofMinutes(15), clock);

    @Test
    void locksAfterTheAllowedAttemptsAndReleasesAfterTheLockout() {
        assertThat(throttle.attempt("admin@1")).isTrue();
        assertThat(throttle.attempt("admin@1")).isTrue();
        assertThat(throttle.attempt("admin@1")).isTrue();
        assertThat(throttle.attempt("admin@1")).isFalse();
        assertThat(throttle.lockedFor("admin@1")).isPositive();
        assertThat(throttle.attempt("admin@2")).as("another address is not locked").isTrue();
        clock.advance(Duration.ofMinutes(16));
        assertThat(throttle.attempt("admin@1")).isTrue();
    }

    @Test
    void successResetsTheCount() {
        throttle.attempt("admin@1");
        throttle.attempt("admin@1");
        throttle.succeeded("admin@1");
        assertThat(throttle.attempt("admin@1")).isTrue();
        assertThat(throttle.attempt("admin@1")).isTrue();
        assertThat(throttle.attempt("admin@1")).isTrue();
    }

    @Test
    void aFloodOfNamesStaysBounded() {
        for (int i = 0; i < LoginThrottle.MAX_KEYS * 2; i++) {
            throttle.attempt("name-" + i + "@1");
        }
        assertThat(throttle.size()).isLessThanOrEqualTo(LoginThrottle.MAX_KEYS);
        assertThat(throttle.attempt("admin@1")).isTrue();
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
