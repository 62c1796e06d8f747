package dev.newsportal.admin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Locks a user name at one address out for a while after repeated failed sign-ins. Every attempt
 * is counted in one atomic step before the password is checked, so parallel guesses count too.
 */
final class LoginThrottle {

    /** Bounds the memory a flood of made-up user names can take. */
    static final int MAX_KEYS = 10_000;

    private record Attempts(int count, Instant last) {
    }

    private final int maxFailures;
    private final Duration lockout;
    private final Clock clock;
    private final Map<String, Attempts> attempts = new ConcurrentHashMap<>();

    LoginThrottle(int maxFailures, Duration lockout, Clock clock) {
        this.maxFailures = maxFailures;
        this.lockout = lockout;
        this.clock = clock;
    }

    /** Counts this attempt; false when the key is locked out (the attempt must be refused). */
    boolean attempt(String key) {
        Instant now = clock.instant();
        if (attempts.size() >= MAX_KEYS) {
            attempts.values().removeIf(a -> expired(a, now));
            if (attempts.size() >= MAX_KEYS && !attempts.containsKey(key)) {
                return true; // full of live entries: do not grow further
            }
        }
        boolean[] allowed = {true};
        attempts.compute(key, (k, a) -> {
            if (a == null || expired(a, now)) {
                return new Attempts(1, now);
            }
            if (a.count() >= maxFailures) {
                allowed[0] = false;
                return a; // refused attempts do not extend the lock
            }
            return new Attempts(a.count() + 1, now);
        });
        return allowed[0];
    }

    /** Time left in the lock, for the message. */
    Duration lockedFor(String key) {
        Attempts a = attempts.get(key);
        Instant now = clock.instant();
        if (a == null || a.count() < maxFailures || expired(a, now)) {
            return Duration.ZERO;
        }
        return Duration.between(now, a.last().plus(lockout));
    }

    void succeeded(String key) {
        attempts.remove(key);
    }

    int size() {
        return attempts.size();
    }

    private boolean expired(Attempts a, Instant now) {
        return now.isAfter(a.last().plus(lockout));
    }
}
