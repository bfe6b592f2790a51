package org.redress.core.channel.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that stands still until a test moves it, for a plugin author's own tests: hand it to a channel in its
 * {@link org.redress.core.channel.ChannelContext} and the channel's idea of "now" is the same on every run. Safe to
 * share between threads.
 */
public final class TestClock extends Clock {

    private volatile Instant now;
    private final ZoneId zone;

    private TestClock(Instant now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    /** A clock standing at {@code now}, in UTC. */
    public static TestClock at(Instant now) {
        return new TestClock(now, ZoneOffset.UTC);
    }

    /** A clock standing at an ISO-8601 instant such as {@code 2026-11-23T09:00:00Z}. */
    public static TestClock at(String now) {
        return at(Instant.parse(now));
    }

    /** Moves the clock forward (or back, with a negative duration). */
    public TestClock advance(Duration by) {
        now = now.plus(by);
        return this;
    }

    /** Sets the clock to {@code to}. */
    public TestClock set(Instant to) {
        now = to;
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return new TestClock(now, other);
    }
}
