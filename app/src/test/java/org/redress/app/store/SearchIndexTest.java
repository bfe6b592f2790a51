package org.redress.app.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.redress.app.channels.ChannelRegistry;
import org.redress.app.desk.TestDesks;
import org.redress.core.channel.Channel;
import org.redress.core.channel.ChannelContext;
import org.redress.core.channel.ChannelPlugin;
import org.redress.core.channel.ChannelSettings;
import org.redress.core.intake.IntakeRunner;
import org.redress.core.staff.Actor;

/**
 * Search by people and words, on H2 and on PostgreSQL's full-text search: a customer's name, address and phone
 * number, the words of subjects and messages, with or without diacritics, a word's start; closed complaints too;
 * nothing of an erased customer; an index made again after an upgrade and after a restore, which leaves it out.
 */
class SearchIndexTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T09:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private static final String[][] MAILS = {
            {"Ștefan Ionescu <stefan.ionescu@mail.example>", "Factura greșită",
                    "Am scris deja la ombudsman. Sunați-mă la +40 721 234 567, vă rog."},
            {"Ana Pop <ana@customer.example>", "Charged twice", "The courier never came and you charged me twice."},
            {"Nguyễn Văn An <an@vn.example>", "Giao hàng chậm", "Đơn hàng của tôi chưa đến sau mười ngày."},
    };

    private List<Long> intake(Database db) throws Exception {
        Path inbox = Files.createDirectories(dir.resolve("inbox-" + System.nanoTime()));
        for (int i = 0; i < MAILS.length; i++) {
            Files.writeString(inbox.resolve("0" + i + ".eml"), "Message-ID: <s" + i + "@customer.example>\r\nFrom: " + MAILS[i][0]
                    + "\r\nTo: support@desk.example\r\nSubject: =?UTF-8?B?" + java.util.Base64.getEncoder().encodeToString(
                    MAILS[i][1].getBytes(StandardCharsets.UTF_8)) + "?=\r\nDate: Mon, 23 Nov 2026 10:0" + i + ":00 +0000\r\n"
                    + "Content-Type: text/plain; charset=UTF-8\r\n\r\n" + MAILS[i][2] + "\r\n", StandardCharsets.UTF_8);
        }
        ChannelPlugin email = ChannelRegistry.discover().require("email");
        try (Channel channel = email.open(ChannelSettings.validate(email.descriptor(), Map.of("path", inbox.toString(), "settle", "PT0S")),
                new ChannelContext("support", CLOCK))) {
            new IntakeRunner(TestDesks.english(db, CLOCK).intake("email", false), 10).drain("support", channel);
        }
        return db.jdbi().withHandle(h -> h.createQuery("select number from complaint order by number").mapTo(Long.class).list());
    }

    private static List<Long> search(Database db, String q) {
        Queue.Filter filter = new Queue.Filter(Optional.empty(), Optional.empty(), false, Optional.empty(), Optional.of(q));
        Queue queue = new Queue(db);
        List<Long> found = queue.page(filter, 50, 0, Optional.empty()).stream().map(Queue.Item::number).sorted().toList();
        assertThat(queue.count(filter, Optional.empty())).as("the count of '%s'", q).isEqualTo(found.size());
        return found;
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void people_and_words_find_their_complaints_with_or_without_diacritics(String kind) throws Exception {
        try (Database db = Database.open(TestDatabases.fresh(kind, dir), 4)) {
            List<Long> n = intake(db);
            assertThat(n).hasSize(3);
            long stefan = n.get(0);
            long ana = n.get(1);
            long an = n.get(2);
            Map<String, List<Long>> expected = new java.util.LinkedHashMap<>();
            expected.put("stefan", List.of(stefan));
            expected.put("Ștefan IONESCU", List.of(stefan));
            expected.put("stefan.ionescu@mail.example", List.of(stefan));
            expected.put("ombudsman", List.of(stefan));
            expected.put("ombud", List.of(stefan));
            expected.put("factura gresita", List.of(stefan));
            expected.put("0721 234 567", List.of(stefan));
            expected.put("+40721234567", List.of(stefan));
            expected.put("ana@customer.example", List.of(ana));
            expected.put("courier", List.of(ana));
            expected.put("courier ombudsman", List.of());
            expected.put("Nguyen", List.of(an));
            expected.put("đơn hàng", List.of(an));
            expected.put("don hang", List.of(an));
            expected.put("customer.example", List.of(ana));
            expected.put("#" + an, List.of(an));
            expected.put("nobody-writes-this", List.of());
            for (var e : expected.entrySet()) {
                assertThat(search(db, e.getKey())).as("search '%s'", e.getKey()).isEqualTo(e.getValue());
            }

            // a closed complaint is still found: a customer's history matters
            db.jdbi().useHandle(h -> h.execute("update complaint set open = false, status = 'CLOSED' where number = ?", ana));
            assertThat(search(db, "courier")).containsExactly(ana);
            assertThat(new Queue(db).count(Queue.Filter.ALL, Optional.empty())).as("the queue without a search").isEqualTo(2);

            // an erased customer is found by nothing of theirs
            CustomerBook book = new CustomerBook(db, new Complaints(db, ComplaintsTest.SLA, CLOCK), CLOCK);
            book.erase(book.customerOf(stefan), Actor.supervisor("root"), "their request");
            for (String q : List.of("stefan", "ombudsman", "stefan.ionescu@mail.example", "0721 234 567", "factura")) {
                assertThat(search(db, q)).as("after the erasure, '%s'", q).isEmpty();
            }
            assertThat(search(db, "#" + stefan)).containsExactly(stefan);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void a_merge_makes_the_absorbed_customers_addresses_find_the_survivors_complaints(String kind) throws Exception {
        try (Database db = Database.open(TestDatabases.fresh(kind, dir), 4)) {
            List<Long> n = intake(db);
            CustomerBook book = new CustomerBook(db, new Complaints(db, ComplaintsTest.SLA, CLOCK), CLOCK);
            book.merge(book.customerOf(n.get(1)), book.customerOf(n.get(2)), Actor.supervisor("root"), "same person");
            assertThat(search(db, "ana@customer.example")).containsExactly(n.get(1), n.get(2));
            assertThat(search(db, "an@vn.example")).containsExactly(n.get(1), n.get(2));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void intake_leaves_the_words_waiting_and_the_job_or_the_next_search_indexes_them(String kind) throws Exception {
        try (Database db = Database.open(TestDatabases.fresh(kind, dir), 4)) {
            List<Long> n = intake(db);
            // storing the mail wrote no words: a row each says what waits
            assertThat(count(db, "select count(*) from complaint_search")).isZero();
            assertThat(count(db, "select count(distinct complaint_number) from search_pending")).isEqualTo(n.size());
            int taken = new org.redress.app.schedule.SearchJob(db, java.time.Duration.ofSeconds(2), 5_000).run(CLOCK.instant());
            assertThat(taken).isPositive();
            assertThat(count(db, "select count(*) from search_pending")).isZero();
            assertThat(count(db, "select count(*) from complaint_search")).isEqualTo(n.size());
            assertThat(new org.redress.app.schedule.SearchJob(db, java.time.Duration.ofSeconds(2), 5_000).run(CLOCK.instant()))
                    .as("nothing waits any more").isZero();

            // a customer's next mail is found by the next search, without the job
            db.jdbi().useHandle(h -> h.execute("delete from search_pending"));
            Path inbox = Files.createDirectories(dir.resolve("inbox-late"));
            Files.writeString(inbox.resolve("late.eml"), "Message-ID: <late@customer.example>\r\nFrom: " + MAILS[0][0]
                    + "\r\nTo: support@desk.example\r\nSubject: Re: " + MAILS[0][1].replaceAll("[^\\x20-\\x7e]", "")
                    + "\r\nIn-Reply-To: <s0@customer.example>\r\nDate: Mon, 23 Nov 2026 11:00:00 +0000\r\n"
                    + "Content-Type: text/plain; charset=UTF-8\r\n\r\nThe technician never came: I will write to the regulator.\r\n",
                    StandardCharsets.UTF_8);
            ChannelPlugin email = ChannelRegistry.discover().require("email");
            try (Channel channel = email.open(ChannelSettings.validate(email.descriptor(), Map.of("path", inbox.toString(), "settle", "PT0S")),
                    new ChannelContext("support", CLOCK))) {
                new IntakeRunner(TestDesks.english(db, CLOCK).intake("email", false), 10).drain("support", channel);
            }
            assertThat(count(db, "select count(*) from search_pending")).isPositive();
            assertThat(search(db, "regulator")).hasSize(1);
            assertThat(count(db, "select count(*) from search_pending")).isZero();
        }
    }

    private static long count(Database db, String sql) {
        return db.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void a_desk_without_its_index_makes_it_when_it_opens_and_a_restore_makes_it_again(String kind) throws Exception {
        String url = TestDatabases.fresh(kind, dir);
        List<Long> n;
        try (Database db = Database.open(url, 4)) {
            n = intake(db);
            // as a desk upgraded from before the index: nothing indexed
            db.jdbi().useHandle(h -> {
                if (kind.equals("h2")) {
                    h.execute("delete from search_term");
                }
                h.execute("delete from complaint_search");
                h.execute("delete from search_pending");
            });
            assertThat(search(db, "ombudsman")).isEmpty();
        }
        Path backup = dir.resolve("desk.zip");
        try (Database db = Database.open(url, 4)) {
            assertThat(search(db, "ombudsman")).containsExactly(n.get(0));
            Backups.Manifest manifest = Backups.backup(db, backup);
            assertThat(manifest.rows()).doesNotContainKeys("complaint_search", "search_term", "search_pending");
        }
        String restored = TestDatabases.fresh(kind.equals("h2") ? "postgresql" : "h2", dir);
        Backups.restore(backup, restored);
        try (Database db = Database.open(restored, 4)) {
            assertThat(search(db, "ombudsman")).containsExactly(n.get(0));
            assertThat(search(db, "Nguyen")).containsExactly(n.get(2));
        }
    }

    @Test
    void words_are_folded_and_addresses_and_phones_kept_whole() {
        assertThat(SearchIndex.terms("Ștefan Ionescu <stefan.ionescu@mail.example>, tel. +40 (721) 234-567; @ana_pop"))
                .contains("stefan", "ionescu", "stefan.ionescu@mail.example", "mail", "example", "40721234567", "721234567",
                        "ana_pop", "ana", "pop");
        assertThat(SearchIndex.terms("Straße Łódź Đà Nẵng Ærø")).contains("strasse", "lodz", "da", "nang", "aero");
        assertThat(SearchIndex.terms("Привет, ёжик")).contains("привет", "ежик");
        assertThat(SearchIndex.queryTerms("0721 234 567")).containsExactly("721234567");
        assertThat(SearchIndex.queryTerms("@ana_pop")).containsExactly("ana_pop");
        assertThat(SearchIndex.queryTerms("  Ombudsman's   reply ")).containsExactly("ombudsman", "reply");
        assertThat(SearchIndex.queryTerms("'; drop table complaint; --")).containsExactly("drop", "table", "complaint");
        // punctuation around a compound is not part of it; inside, it splits the parts
        assertThat(SearchIndex.terms("«Voir: -dossier-42.pdf.» (@ana.pop!) -- 7")).containsExactly("voir", "dossier-42.pdf",
                "dossier", "42", "pdf", "ana.pop", "ana", "pop", "7");
        assertThat(SearchIndex.terms("x".repeat(200))).allMatch(t -> t.length() <= SearchIndex.LONGEST_TERM);
    }
}
