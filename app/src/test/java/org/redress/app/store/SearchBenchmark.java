package org.redress.app.store;

import java.nio.file.Files;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * The agents' search at scale, run by hand (README): fills a fresh database (the PostgreSQL at REDRESS_TEST_POSTGRES
 * with "postgresql", or an H2 file with "h2") with N complaints of N/10 customers (names with diacritics in three
 * languages, an email address and a phone number each; a subject and a message of 40 words drawn from a
 * vocabulary of 5,000 with a Zipf-like spread, a few rare words among them), indexes them as the desk does, and
 * times what the console does for a search — the first page of 50 and the total — for each kind of query: a
 * customer's address, their full name, a surname many share, a phone number as typed, a rare word, a common word, two
 * words, a word's start, a complaint number. Prints p50/p95/max per kind.
 */
public final class SearchBenchmark {

    private SearchBenchmark() {
    }

    private static final String[] FIRST = {"Ștefan", "Ana", "Ioana", "Mihai", "Andrei", "Elena", "Maria", "Radu", "Nguyễn", "Trần",
            "Mai", "Linh", "John", "Sarah", "David", "Emma", "Olga", "Ivan", "Tõnu", "Mari"};
    private static final String[] LAST = {"Popescu", "Ionescu", "Popa", "Dumitrescu", "Stan", "Munteanu", "Văn An", "Thị Hoa",
            "Smith", "Jones", "Brown", "Tamm", "Saar", "Ivanov", "Petrov", "Rusu", "Marin", "Constantinescu", "Lupu", "Barbu"};

    public static void main(String[] args) throws Exception {
        String kind = args.length > 0 ? args[0] : "postgresql";
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        int customers = Math.max(1_000, n / 10);
        // a PostgreSQL schema a run before filled (its name as the third argument) is searched again without the load
        boolean reuse = args.length > 2 && kind.equals("postgresql");
        String url = reuse ? TestDatabases.POSTGRES + (TestDatabases.POSTGRES.contains("?") ? "&" : "?") + "currentSchema=" + args[2]
                : TestDatabases.fresh(kind, Files.createTempDirectory("redress-search-"));
        Random random = new Random(11);
        String[] vocabulary = new String[5_000];
        for (int i = 0; i < vocabulary.length; i++) {
            StringBuilder w = new StringBuilder();
            for (int s = 0; s < 2 + random.nextInt(3); s++) {
                w.append("bcdfghjklmnprstvz".charAt(random.nextInt(17))).append("aeiouăâî".charAt(random.nextInt(8)));
            }
            vocabulary[i] = w.toString();
        }
        vocabulary[4_000] = "ombudsman";
        try (Database db = Database.open(url, 4)) {
            long start = System.nanoTime();
            boolean pg = db.isPostgres();
            if (!reuse) {
                load(db, pg, n, customers, random, vocabulary);
            }
            System.out.printf("%s: %,d complaints of %,d customers written and indexed in %.0f s%n", kind, n, customers,
                    (System.nanoTime() - start) / 1e9);
            query(db, n, customers, random, vocabulary);
        }
    }

    private static void load(Database db, boolean pg, int n, int customers, Random random, String[] vocabulary) {
        if (pg) {
            db.jdbi().useHandle(h -> h.execute("drop index complaint_search_terms")); // made once after the load
        }
        db.jdbi().useTransaction(h -> {
            PreparedBatch people = h.prepareBatch("insert into customer (id, display_name, created_at) values (:id, :name, :at)");
            PreparedBatch ids = h.prepareBatch("insert into customer_identity (kind, address, customer_id) values (:kind, :a, :id)");
            for (int c = 1; c <= customers; c++) {
                people.bind("id", c).bind("name", name(c)).bind("at", Instant.EPOCH.atOffset(ZoneOffset.UTC)).add();
                ids.bind("kind", "EMAIL").bind("a", email(c)).bind("id", c).add();
                ids.bind("kind", "PHONE").bind("a", phone(c)).bind("id", c).add();
            }
            people.execute();
            ids.execute();
        });
        Instant base = Instant.parse("2022-01-01T00:00:00Z");
        for (int from = 0; from < n; from += 5_000) {
            int first = from;
            db.jdbi().useTransaction(h -> {
                PreparedBatch complaints = h.prepareBatch("insert into complaint (number, customer_id, channel, subject, category, "
                        + "priority, status, team, escalation, received_at, updated_at, version, due_at, open) values "
                        + "(:number, :customer, 'email', :subject, 'other', :priority, :status, 'billing', 'AGENT', :received, "
                        + ":received, 0, :due, :open)");
                PreparedBatch index = pg
                        ? h.prepareBatch("insert into complaint_search (complaint_number, terms) values (:n, array_to_tsvector(:terms))")
                        : h.prepareBatch("insert into search_term (term, complaint_number) values (:t, :n)");
                PreparedBatch marks = pg ? null : h.prepareBatch("insert into complaint_search (complaint_number) values (:n)");
                for (int i = first; i < Math.min(n, first + 5_000); i++) {
                    long number = 1000L + i;
                    int customer = 1 + random.nextInt(customers);
                    boolean open = random.nextInt(100) < 3;
                    String subject = words(random, vocabulary, 4);
                    Instant received = base.plusSeconds(i * 90L);
                    complaints.bind("number", number).bind("customer", customer).bind("subject", subject)
                            .bind("priority", "P" + (1 + random.nextInt(4))).bind("status", open ? "ASSESSED" : "CLOSED")
                            .bind("received", received.atOffset(ZoneOffset.UTC)).bind("due", received.plusSeconds(86_400).atOffset(ZoneOffset.UTC))
                            .bind("open", open).add();
                    java.util.Set<String> terms = SearchIndex.terms(subject + "\n" + words(random, vocabulary, 40));
                    terms.addAll(SearchIndex.terms(name(customer) + " " + email(customer) + " " + phone(customer)));
                    if (pg) {
                        index.bind("n", number).bindArray("terms", String.class, List.copyOf(terms)).add();
                    } else {
                        for (String t : terms) {
                            index.bind("t", t).bind("n", number).add();
                        }
                        marks.bind("n", number).add();
                    }
                }
                complaints.execute();
                index.execute();
                if (marks != null) {
                    marks.execute();
                }
            });
        }
        if (pg) {
            db.jdbi().useHandle(h -> {
                h.execute("create index complaint_search_terms on complaint_search using gin (terms)");
                h.execute("analyze");
            });
        } else {
            db.jdbi().useHandle(h -> h.execute("analyze"));
        }
    }

    private static void query(Database db, int n, int customers, Random random, String[] vocabulary) {
        Map<String, java.util.function.IntFunction<String>> kinds = new LinkedHashMap<>();
        kinds.put("customer's email", i -> email(1 + random.nextInt(customers)));
        kinds.put("full name", i -> SearchIndex.fold(name(1 + random.nextInt(customers))));
        kinds.put("shared surname", i -> LAST[random.nextInt(LAST.length)]);
        kinds.put("phone as typed", i -> "0" + phone(1 + random.nextInt(customers)).substring(3).replaceAll("(\\d{3})(?=\\d)", "$1 "));
        kinds.put("rare word", i -> "ombudsman");
        kinds.put("common word", i -> vocabulary[random.nextInt(5)]);
        kinds.put("two words", i -> vocabulary[random.nextInt(50)] + " " + vocabulary[100 + random.nextInt(500)]);
        kinds.put("word's start", i -> vocabulary[random.nextInt(200)].substring(0, 3));
        kinds.put("complaint number", i -> "#" + (1000 + random.nextInt(n)));
        System.out.printf("%-18s %10s %10s %10s %12s%n", "query", "p50 ms", "p95 ms", "max ms", "found (avg)");
        for (var e : kinds.entrySet()) {
            int runs = 200;
            long[] times = new long[runs];
            long found = 0;
            for (int i = -20; i < runs; i++) {
                Queue.Filter filter = new Queue.Filter(Optional.empty(), Optional.empty(), false, Optional.empty(),
                        Optional.of(e.getValue().apply(i)));
                Queue queue = new Queue(db); // one page's search: its list and its total share one look in the index
                long t = System.nanoTime();
                List<Queue.Item> page = queue.page(filter, 50, 0, Optional.empty());
                long total = queue.count(filter, Optional.empty());
                if (i >= 0) {
                    times[i] = System.nanoTime() - t;
                    found += total;
                    if (page.isEmpty() && !e.getKey().equals("rare word")) {
                        throw new IllegalStateException("'" + filter.search().get() + "' found nothing: it measures nothing");
                    }
                }
            }
            Arrays.sort(times);
            System.out.printf("%-18s %10.1f %10.1f %10.1f %,12d%n", e.getKey(), times[runs / 2] / 1e6, times[runs * 95 / 100] / 1e6,
                    times[runs - 1] / 1e6, found / runs);
        }
    }

    private static String name(int c) {
        return FIRST[c % FIRST.length] + " " + LAST[(c / FIRST.length) % LAST.length];
    }

    private static String email(int c) {
        return SearchIndex.fold(FIRST[c % FIRST.length]).replace(' ', '.') + "." + c + "@mail" + (c % 7) + ".example";
    }

    private static String phone(int c) {
        return "+40" + (700_000_000 + c * 17L % 99_999_999);
    }

    /** Words of the vocabulary, the first ones far more often than the last (roughly Zipf). */
    private static String words(Random random, String[] vocabulary, int count) {
        List<String> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            double u = random.nextDouble();
            out.add(vocabulary[(int) Math.min(vocabulary.length - 1, Math.floor(Math.pow(vocabulary.length, u)) - 1)]);
        }
        return String.join(" ", out);
    }
}
