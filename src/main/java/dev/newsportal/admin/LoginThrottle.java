package dev.newsportal.admin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Locks a user name at one address out for a while after repeated failed sign-ins. */
final class LoginThrottle {

    private record Failures(int count, Instant last) {
    }

    private final int maxFailures;
    private final Duration lockout;
    private final Clock clock;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    LoginThrottle(int maxFailures, Duration lockout, Clock clock) {
        this.maxFailures = maxFailures;
        this.lockout = lockout;
        this.clock = clock;
    }

    /** Time left in the lock, or zero when sign-in may be tried. */
    Duration lockedFor(String key) {
        Failures f = failures.get(key);
        if (f == null) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(clock.instant(), f.last().plus(lockout));
        return f.count() >= maxFailures && !left.isNegative() && !left.isZero() ? left : Duration.ZERO;
    }

    void failed(String key) {
        Instant now = clock.instant();
        // Failures older than the lockout are forgotten; the lock runs from the last failure.
        failures.merge(key, new Failures(1, now), (old, one) ->
                now.isAfter(old.last().plus(lockout)) ? one : new Failures(old.count() + 1, now));
    }

    void succeeded(String key) {
        failures.remove(key);
    }
}
