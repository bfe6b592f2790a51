package org.redress.app.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class SignInThrottleTest {

    final Clock clock = Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void an_accounts_wait_doubles_after_the_free_failures_up_to_a_cap() {
        SignInThrottle t = new SignInThrottle(5, 2, clock);
        assertThat(t.backoff(5)).isEqualTo(Duration.ofSeconds(1));
        assertThat(t.backoff(6)).isEqualTo(Duration.ofSeconds(2));
        assertThat(t.backoff(9)).isEqualTo(Duration.ofSeconds(16));
        assertThat(t.backoff(40)).isEqualTo(SignInThrottle.LONGEST);
        for (int i = 0; i < 4; i++) {
            t.failed("ana", "10.0.0." + i);
        }
        assertThat(t.wait("ana", "10.0.0.99")).isEmpty();
        t.failed("ANA ", "10.0.0.5");
        assertThat(t.wait("ana", "10.0.0.99")).as("the same account, however the name is typed, from anywhere").isPresent();
        t.succeeded("ana");
        assertThat(t.wait("ana", "10.0.0.99")).isEmpty();
    }

    @Test
    void memory_is_bounded_however_many_names_and_addresses_are_tried() throws Exception {
        SignInThrottle t = new SignInThrottle(5, 2, clock);
        for (int i = 0; i < 50_000; i++) {
            t.failed("name" + i, "addr" + i);
        }
        java.lang.reflect.Field f = SignInThrottle.class.getDeclaredField("accounts");
        f.setAccessible(true);
        assertThat(((java.util.Map<?, ?>) f.get(t)).size()).isLessThanOrEqualTo(SignInThrottle.KEYS);
    }

    @Test
    void password_checks_beyond_the_concurrent_bound_are_refused_as_busy() throws Exception {
        SignInThrottle t = new SignInThrottle(5, 2, clock);
        CountDownLatch holding = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int i = 0; i < 2; i++) {
                pool.submit(() -> t.check(() -> {
                    holding.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return true;
                }));
            }
            holding.await();
            Optional<Boolean> third = t.check(() -> true);
            assertThat(third).as("no slot free within a second").isEmpty();
            release.countDown();
            pool.shutdown();
            pool.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(t.check(() -> true)).contains(true);
        } finally {
            pool.shutdownNow();
        }
    }
}
