package org.redress.app.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.redress.app.cli.Demo;
import org.redress.app.desk.Desk;
import org.redress.app.desk.TestDesks;
import org.redress.app.store.Database;

/**
 * {@code GET /api/complaints} requests per second on loopback, 50 concurrent clients with an API token, against
 * the demo desk grown to 100,000 complaints; then the same clients against a bare endpoint of the same server
 * ({@code /api/health}: no token, no query) for the ratio. Run (README): {@code ApiBenchmark [complaints] [clients] [seconds]}.
 */
public final class ApiBenchmark {

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        Clock clock = Clock.systemUTC();
        String url = "jdbc:h2:file:" + Files.createTempDirectory("redress-api-").resolve("desk");
        try (Database db = Database.open(url, 60)) {
            Desk desk = TestDesks.english(db, clock);
            new Demo(desk).seed();
            grow(db, n);
            String token = desk.users().createToken("ana", "benchmark");
            DeskServer server = new DeskServer(desk, null);
            int port = server.start("127.0.0.1", 0);
            try {
                String base = "http://127.0.0.1:" + port;
                run(base + "/api/complaints", token, clients, 5, "warm-up");
                double api = run(base + "/api/complaints", token, clients, seconds, "GET /api/complaints (top 50, token)");
                run(base + "/api/health", null, clients, 3, "warm-up");
                double bare = run(base + "/api/health", null, clients, seconds, "GET /api/health (bare)");
                System.out.printf("ratio to the bare endpoint: %.2f%n", api / bare);
            } finally {
                server.close();
            }
        }
    }

    static void grow(Database db, int n) {
        String[] teams = {"front-desk", "billing", "delivery", "technical", "retention"};
        String[] open = {"RECEIVED", "ACKNOWLEDGED", "ASSESSED", "INVESTIGATING", "RESPONDED", "WAITING_ON_CUSTOMER", "REOPENED"};
        Random random = new Random(7);
        long customer = db.jdbi().withHandle(h -> h.createQuery("select min(id) from customer").mapTo(Long.class).one());
        Instant base = Instant.parse("2024-01-01T00:00:00Z");
        for (int from = 0; from < n; from += 10_000) {
            int first = from;
            db.jdbi().useTransaction(h -> {
                PreparedBatch batch = h.prepareBatch("insert into complaint (number, customer_id, channel, subject, category, "
                        + "priority, status, team, owner, escalation, received_at, updated_at, version, due_at, open) values "
                        + "(:number, :customer, 'demo-email', :subject, 'other', :priority, :status, :team, :owner, 'AGENT', :received, "
                        + ":received, 0, :due, :open)");
                for (int i = first; i < Math.min(n, first + 10_000); i++) {
                    boolean isOpen = random.nextInt(100) < 10;
                    Instant received = base.plusSeconds(i * 60L);
                    batch.bind("number", 100_000L + i).bind("customer", customer).bind("subject", "Complaint " + i)
                            .bind("priority", "P" + (1 + random.nextInt(4))).bind("status", isOpen ? open[random.nextInt(open.length)] : "CLOSED")
                            .bind("team", teams[random.nextInt(teams.length)]).bind("owner", random.nextBoolean() ? null : "agent" + random.nextInt(50))
                            .bind("received", received.atOffset(ZoneOffset.UTC))
                            .bind("due", received.plusSeconds(3600L * (4 + random.nextInt(120))).atOffset(ZoneOffset.UTC))
                            .bind("open", isOpen).add();
                }
                batch.execute();
            });
        }
        db.jdbi().useHandle(h -> h.execute("analyze"));
        System.out.printf("desk grown by %,d complaints%n", n);
    }

    static double run(String url, String token, int clients, int seconds, String label) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        HttpRequest request = b.build();
        AtomicLong done = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long until = System.nanoTime() + seconds * 1_000_000_000L;
        CountDownLatch finished = new CountDownLatch(clients);
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            Thread t = new Thread(() -> {
                try {
                    while (System.nanoTime() < until) {
                        HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        if (r.statusCode() == 200) {
                            done.incrementAndGet();
                        } else {
                            failed.incrementAndGet();
                        }
                    }
                } catch (Exception e) {
                    failed.incrementAndGet();
                } finally {
                    finished.countDown();
                }
            });
            t.start();
            threads.add(t);
        }
        finished.await();
        double elapsed = (System.nanoTime() - start) / 1e9;
        double rps = done.get() / elapsed;
        System.out.printf("%s: %,d requests in %.1f s = %,.0f requests/s with %d clients (%d failed)%n", label, done.get(), elapsed,
                rps, clients, failed.get());
        return rps;
    }
}
