package org.redress.app.store;

import java.nio.file.Files;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * The agents' queue at scale, run by hand (README): fills a fresh database (H2 file, or the PostgreSQL at
 * REDRESS_TEST_POSTGRES with "postgresql") with N complaints, most of them closed as in a desk that has run for
 * years, then asks for the top 50 with a mix of filters (none, one team, one status, unassigned) and prints
 * the latency percentiles.
 */
public final class QueueBenchmark {

    private QueueBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String kind = args.length > 0 ? args[0] : "h2";
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        String url = TestDatabases.fresh(kind, Files.createTempDirectory("redress-queue-"));
        String[] teams = {"front-desk", "billing", "delivery", "technical", "retention"};
        String[] open = {"RECEIVED", "ACKNOWLEDGED", "ASSESSED", "INVESTIGATING", "RESPONDED", "WAITING_ON_CUSTOMER", "REOPENED"};
        Random random = new Random(7);
        try (Database db = Database.open(url, 4)) {
            long start = System.nanoTime();
            db.jdbi().useHandle(h -> {
                PreparedBatch customers = h.prepareBatch("insert into customer (id, display_name, created_at) values (:id, :name, :at)");
                for (int c = 1; c <= 10_000; c++) {
                    customers.bind("id", c).bind("name", "Customer " + c).bind("at", Instant.EPOCH.atOffset(ZoneOffset.UTC)).add();
                }
                customers.execute();
            });
            Instant base = Instant.parse("2024-01-01T00:00:00Z");
            for (int from = 0; from < n; from += 10_000) {
                int first = from;
                db.jdbi().useTransaction(h -> {
                    PreparedBatch batch = h.prepareBatch("insert into complaint (number, customer_id, channel, subject, category, "
                            + "priority, status, team, owner, escalation, received_at, updated_at, version, due_at, open) values "
                            + "(:number, :customer, 'email', :subject, 'other', :priority, :status, :team, :owner, 'AGENT', :received, "
                            + ":received, 0, :due, :open)");
                    for (int i = first; i < Math.min(n, first + 10_000); i++) {
                        boolean isOpen = random.nextInt(100) < 3; // 3% of a long-running desk's complaints are open
                        Instant received = base.plusSeconds(i * 60L);
                        batch.bind("number", 1000L + i).bind("customer", 1 + random.nextInt(10_000)).bind("subject", "Complaint " + i)
                                .bind("priority", "P" + (1 + random.nextInt(4))).bind("status", isOpen ? open[random.nextInt(open.length)] : "CLOSED")
                                .bind("team", teams[random.nextInt(teams.length)]).bind("owner", random.nextBoolean() ? null : "agent" + random.nextInt(50))
                                .bind("received", received.atOffset(ZoneOffset.UTC))
                                .bind("due", received.plusSeconds(3600L * (4 + random.nextInt(120))).atOffset(ZoneOffset.UTC))
                                .bind("open", isOpen).add();
                    }
                    batch.execute();
                });
            }
            db.jdbi().useHandle(h -> h.execute(kind.equals("h2") ? "analyze" : "analyze complaint"));
            System.out.printf("%s: %,d complaints written in %.0f s%n", kind, n, (System.nanoTime() - start) / 1e9);

            Queue queue = new Queue(db);
            List<Queue.Filter> filters = new ArrayList<>();
            filters.add(Queue.Filter.ALL);
            for (String t : teams) {
                filters.add(new Queue.Filter(Optional.of(t), Optional.empty(), false));
                filters.add(new Queue.Filter(Optional.of(t), Optional.empty(), true));
            }
            filters.add(new Queue.Filter(Optional.empty(), Optional.of("REOPENED"), false));
            filters.add(new Queue.Filter(Optional.empty(), Optional.empty(), true));
            for (int i = 0; i < 200; i++) {
                queue.top(filters.get(i % filters.size()), 50); // warm-up
            }
            long[] times = new long[1000];
            for (int i = 0; i < times.length; i++) {
                long t = System.nanoTime();
                List<Queue.Item> top = queue.top(filters.get(random.nextInt(filters.size())), 50);
                times[i] = System.nanoTime() - t;
                if (top.isEmpty()) {
                    throw new IllegalStateException("an empty queue measures nothing");
                }
            }
            Arrays.sort(times);
            System.out.printf("%s queue top 50 over %,d complaints: p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms%n", kind, n,
                    times[500] / 1e6, times[950] / 1e6, times[990] / 1e6, times[999] / 1e6);
        }
    }
}
