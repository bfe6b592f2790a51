package org.redress.app.desk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing: after {@code limit} failed sign-ins for one user name from one address within
 * {@code window}, further attempts are refused until the oldest failure leaves the window. Kept per node:
 * with several nodes a guesser gets at most {@code limit} tries per node and window.
 */
final class LoginLimiter {

    private final int limit;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    LoginLimiter(int limit, Duration window, Clock clock) {
        this.limit = limit;
        this.window = window;
        this.clock = clock;
    }

    /** How long the key must wait, when it is blocked. */
    Optional<Duration> blocked(String key) {
        Deque<Instant> f = failures.get(key);
        if (f == null) {
            return Optional.empty();
        }
        synchronized (f) {
            Instant now = clock.instant();
            while (!f.isEmpty() && f.peekFirst().isBefore(now.minus(window))) {
                f.removeFirst();
            }
            return f.size() >= limit ? Optional.of(Duration.between(now, f.peekFirst().plus(window))) : Optional.empty();
        }
    }

    void failed(String key) {
        Deque<Instant> f = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (f) {
            f.addLast(clock.instant());
        }
    }

    void succeeded(String key) {
        failures.remove(key);
    }
}
