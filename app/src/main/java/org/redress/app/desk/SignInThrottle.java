package org.redress.app.desk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Slows password guessing three ways, none of which a guesser can sidestep by choosing names or addresses:
 * <ul>
 *   <li>per account: after {@code free} failures in a row, each further attempt waits twice as long as the last
 *       (1 s, 2 s, 4 s … up to {@link #LONGEST}), whatever address it comes from, until a success;</li>
 *   <li>per address (the client's, as the trusted proxies name it): after {@code free × 4} failures within
 *       {@link #ADDRESS_WINDOW} across any names, the address waits out the window — spraying one password over
 *       many names is limited;</li>
 *   <li>globally: at most {@code concurrent} password checks (bcrypt) run at once, so a crowd of guessers cannot
 *       take every core from the desk's other work; a check that cannot start within a second is refused as busy.</li>
 * </ul>
 * A real user behind the same proxy as a guesser is slowed by backoff measured in seconds, not locked out. Memory is
 * bounded: the least recently seen keys are forgotten past {@link #KEYS} of each kind. Kept per node.
 */
public final class SignInThrottle {

    static final Duration LONGEST = Duration.ofMinutes(15);
    static final Duration ADDRESS_WINDOW = Duration.ofMinutes(10);
    static final int KEYS = 10_000;

    private final int free;
    private final Clock clock;
    private final Semaphore checks;
    private final Map<String, Account> accounts = bounded();
    private final Map<String, Address> addresses = bounded();

    private record Account(int failures, Instant lastFailure) {
    }

    private record Address(int failures, Instant since) {
    }

    SignInThrottle(int free, int concurrent, Clock clock) {
        this.free = free;
        this.clock = clock;
        this.checks = new Semaphore(concurrent, true);
    }

    private static <V> Map<String, V> bounded() {
        return new LinkedHashMap<>(256, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > KEYS;
            }
        };
    }

    /** Why an attempt must wait and for how long, or empty when it may go ahead. */
    public synchronized Optional<Duration> wait(String username, String address) {
        Instant now = clock.instant();
        Duration longest = Duration.ZERO;
        Account a = accounts.get(key(username));
        if (a != null && a.failures() >= free) {
            Duration backoff = backoff(a.failures());
            Duration left = Duration.between(now, a.lastFailure().plus(backoff));
            longest = left.compareTo(longest) > 0 ? left : longest;
        }
        Address d = addresses.get(address);
        if (d != null && d.failures() >= free * 4) {
            Duration left = Duration.between(now, d.since().plus(ADDRESS_WINDOW));
            if (left.isNegative() || left.isZero()) {
                addresses.remove(address);
            } else if (left.compareTo(longest) > 0) {
                longest = left;
            }
        }
        return longest.isZero() || longest.isNegative() ? Optional.empty() : Optional.of(longest);
    }

    /** How long an account waits after {@code failures} failures in a row. */
    Duration backoff(int failures) {
        int over = Math.max(0, failures - free);
        long seconds = over >= 20 ? LONGEST.toSeconds() : Math.min(LONGEST.toSeconds(), 1L << over);
        return Duration.ofSeconds(seconds);
    }

    public synchronized void failed(String username, String address) {
        Instant now = clock.instant();
        Account a = accounts.get(key(username));
        accounts.put(key(username), new Account(a == null ? 1 : a.failures() + 1, now));
        Address d = addresses.get(address);
        if (d == null || d.since().isBefore(now.minus(ADDRESS_WINDOW))) {
            addresses.put(address, new Address(1, now));
        } else {
            addresses.put(address, new Address(d.failures() + 1, d.since()));
        }
    }

    public synchronized void succeeded(String username) {
        accounts.remove(key(username));
    }

    /** Runs a password check when one of the few slots is free within a second; empty when the desk is too busy. */
    public <T> Optional<T> check(java.util.function.Supplier<T> passwordCheck) {
        try {
            if (!checks.tryAcquire(1, TimeUnit.SECONDS)) {
                return Optional.empty();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
        try {
            return Optional.of(passwordCheck.get());
        } finally {
            checks.release();
        }
    }

    private static String key(String username) {
        return username == null ? "" : username.strip().toLowerCase(java.util.Locale.ROOT);
    }
}
