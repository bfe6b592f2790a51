package org.redress.app.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Leases on H2 and PostgreSQL: one holder at a time, renewal, expiry and takeover, release, and races. */
class LeasesTest {

    @TempDir
    Path dir;

    /** A clock the test moves by hand. */
    static final class Hand extends Clock {
        Instant now = Instant.parse("2026-11-24T09:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void one_holder_at_a_time_until_the_lease_expires_or_is_released(String kind) {
        Hand clock = new Hand();
        try (Database db = Database.open(TestDatabases.fresh(kind, dir), 2)) {
            Leases leases = new Leases(db, clock);
            assertThat(leases.acquire("poll:support", "node-a", Duration.ofSeconds(30))).isTrue();
            assertThat(leases.acquire("poll:support", "node-b", Duration.ofSeconds(30))).as("held by a").isFalse();
            clock.now = clock.now.plusSeconds(20);
            assertThat(leases.acquire("poll:support", "node-a", Duration.ofSeconds(30))).as("a renews").isTrue();
            clock.now = clock.now.plusSeconds(20);
            assertThat(leases.acquire("poll:support", "node-b", Duration.ofSeconds(30))).as("renewed, still a's").isFalse();
            clock.now = clock.now.plusSeconds(31);
            assertThat(leases.holder("poll:support")).as("a stopped renewing: expired").isEmpty();
            assertThat(leases.acquire("poll:support", "node-b", Duration.ofSeconds(30))).as("b takes over").isTrue();
            assertThat(leases.holder("poll:support")).hasValue("node-b");
            leases.release("poll:support", "node-a");
            assertThat(leases.holder("poll:support")).as("a cannot release b's lease").hasValue("node-b");
            leases.release("poll:support", "node-b");
            assertThat(leases.acquire("poll:support", "node-a", Duration.ofSeconds(30))).as("released: free at once").isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void of_many_nodes_racing_for_a_free_lease_exactly_one_wins(String kind) throws Exception {
        try (Database db = Database.open(TestDatabases.fresh(kind, dir), 8)) {
            Leases leases = new Leases(db, Clock.systemUTC());
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                for (int round = 0; round < 20; round++) {
                    String name = "job:" + round;
                    List<Callable<Boolean>> racers = new ArrayList<>();
                    for (int node = 0; node < 8; node++) {
                        String holder = "node-" + node;
                        racers.add(() -> {
                            try {
                                return leases.acquire(name, holder, Duration.ofMinutes(1));
                            } catch (RuntimeException e) {
                                return false; // a serialisation failure loses the race, it does not win it
                            }
                        });
                    }
                    int winners = 0;
                    for (Future<Boolean> f : pool.invokeAll(racers)) {
                        winners += f.get() ? 1 : 0;
                    }
                    assertThat(winners).as("winners of " + name).isEqualTo(1);
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
