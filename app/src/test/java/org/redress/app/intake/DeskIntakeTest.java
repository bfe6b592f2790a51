package org.redress.app.intake;

import org.redress.app.config.Policies;
import org.redress.app.config.DeskConfig;
import org.redress.app.desk.TestDesks;
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
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.redress.app.channels.ChannelRegistry;
import org.redress.app.store.Database;
import org.redress.app.store.TestDatabases;
import org.redress.core.channel.Channel;
import org.redress.core.channel.ChannelContext;
import org.redress.core.channel.ChannelPlugin;
import org.redress.core.channel.ChannelSettings;
import org.redress.core.complaint.Category;
import org.redress.core.intake.IntakeRunner;
import org.redress.core.routing.RoutingTable;

/**
 * The desk's intake on a real database (H2 file and PostgreSQL), fed by the real email channel: new
 * complaints, follow-ups by tag and reference, a stranger's tag ignored, a bounce attached as a system entry,
 * machine mail parked, garbage quarantined, and nothing doubled when the same mail is read again.
 */
class DeskIntakeTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T09:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    static String mail(String id, String from, String subject, String headers, String body) {
        return "Message-ID: <" + id + ">\r\nFrom: " + from + "\r\nTo: support@desk.example\r\nSubject: " + subject + "\r\n"
                + "Date: Mon, 23 Nov 2026 10:00:00 +0000\r\n" + headers + "Content-Type: text/plain; charset=UTF-8\r\n\r\n" + body + "\r\n";
    }

    DeskIntake intake(Database db, boolean acknowledge) {
        Policies d = Policies.defaults();
        Policies routed = new Policies(d.calendar(), d.sla(), new RoutingTable(Map.of(new Category("billing"), "billing-team"), "front-desk"),
                d.remedies(), d.escalation(), d.stuckAfter());
        return TestDesks.of(db, DeskConfig.defaults("test-node").withPolicies(routed), CLOCK)
                .intake("email", acknowledge);
    }

    Channel emlFolder(Path folder) throws Exception {
        ChannelPlugin email = ChannelRegistry.discover().require("email");
        return email.open(ChannelSettings.validate(email.descriptor(), Map.of("path", folder.toString(), "settle", "PT0S")),
                new ChannelContext("support", CLOCK));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void mail_becomes_complaints_follow_ups_system_entries_and_quarantine_exactly_once(String kind) throws Exception {
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        write(inbox, "01.eml", mail("a1@customer.example", "Ana Pop <ana@customer.example>", "You charged me twice", "",
                "You charged me twice for my March invoice. I want a refund or I will go to the ombudsman."));
        write(inbox, "02.eml", mail("a2@customer.example", "ana@customer.example", "Re: You charged me twice [#1000]", "",
                "Any news?\n\nOn Monday Ana wrote:\n> You charged me twice"));
        write(inbox, "03.eml", mail("m1@evil.example", "mallory@evil.example", "Re: [#1000] add me", "", "Hello."));
        write(inbox, "04.eml", "Message-ID: <b1@mx.example>\r\nFrom: MAILER-DAEMON@mx.example\r\nReturn-Path: <>\r\n"
                + "Subject: Undelivered Mail\r\nContent-Type: multipart/report; report-type=delivery-status; boundary=z\r\n\r\n"
                + "--z\r\nContent-Type: text/plain\r\n\r\nFailed.\r\n--z\r\nContent-Type: text/rfc822-headers\r\n\r\n"
                + "Message-ID: <a1@customer.example>\r\n--z--\r\n");
        write(inbox, "05.eml", mail("o1@shop.example", "news@shop.example", "Our deals", "Precedence: bulk\r\nList-Id: <deals>\r\n", "Buy."));
        Files.write(inbox.resolve("06.eml"), new byte[] {0, 1, 2, 3, 0, 0, 5});

        try (Database db = Database.open(TestDatabases.fresh(kind, dir), 4); Channel channel = emlFolder(inbox)) {
            DeskIntake intake = intake(db, true);
            new IntakeRunner(intake, 2).drain("support", channel);
            assertThat(intake.counts()).isEqualTo(new DeskIntake.Counts(6, 2, 1, 1, 1, 0, 1));

            db.jdbi().useHandle(h -> {
                assertThat(column(h, "select number from complaint order by number")).containsExactly(1000L, 1001L);
                Map<String, Object> ana = h.createQuery("select * from complaint where number = 1000").mapToMap().one();
                assertThat(ana.get("status")).isEqualTo("RECEIVED");
                assertThat(ana.get("category")).isEqualTo("billing");
                assertThat(ana.get("team")).isEqualTo("billing-team");
                assertThat(column(h, "select code from complaint_signal where complaint_number = 1000"))
                        .contains("THREAT_REGULATOR");
                assertThat(column(h, "select kind from complaint_entry where complaint_number = 1000 order by id"))
                        .containsExactly("inbound", "system:escalated", "inbound", "system:bounce");
                // the ombudsman threat escalated it to a supervisor as it arrived
                assertThat(ana.get("escalation")).isEqualTo("SUPERVISOR");
                assertThat(column(h, "select to_level from escalation where complaint_number = 1000")).containsExactly("SUPERVISOR");
                assertThat(column(h, "select text from complaint_entry where complaint_number = 1000 and external_id = 'a2@customer.example'"))
                        .containsExactly("Any news?");
                assertThat(column(h, "select disposition from inbound_message order by external_id"))
                        .containsExactly("complaint", "follow-up", "system", "complaint", "parked");
                assertThat(column(h, "select reason from inbound_message where external_id = 'm1@evil.example'").get(0).toString())
                        .contains("takes no part");
                assertThat(column(h, "select count(*) from quarantine")).containsExactly(1L);
                assertThat(column(h, "select reply_id from outbound_message order by reply_id")).containsExactly("ack-1000", "ack-1001");
                assertThat(column(h, "select checkpoint from channel_instance where name = 'support'")).containsExactly("06.eml");
            });

            // the queue shows both open complaints, the regulator threat first, each with its resolution deadline
            org.redress.app.store.Queue queue = new org.redress.app.store.Queue(db);
            List<org.redress.app.store.Queue.Item> top = queue.top(org.redress.app.store.Queue.Filter.ALL, 50);
            assertThat(top).extracting(org.redress.app.store.Queue.Item::number).containsExactly(1000L, 1001L);
            assertThat(top).allSatisfy(i -> assertThat(i.dueAt()).isAfter(CLOCK.instant().atOffset(ZoneOffset.UTC)));
            assertThat(queue.top(new org.redress.app.store.Queue.Filter(Optional.of("billing-team"), Optional.empty(), true), 50))
                    .extracting(org.redress.app.store.Queue.Item::number).containsExactly(1000L);

            // read everything again, as after a crash between storing and committing: nothing changes
            db.jdbi().useHandle(h -> h.execute("update channel_instance set checkpoint = '' where name = 'support'"));
            DeskIntake again = intake(db, true);
            new IntakeRunner(again, 3).drain("support", channel);
            assertThat(again.counts()).isEqualTo(new DeskIntake.Counts(6, 0, 0, 0, 0, 6, 0));
            db.jdbi().useHandle(h -> {
                assertThat(column(h, "select count(*) from complaint_entry")).containsExactly(5L);
                assertThat(column(h, "select count(*) from inbound_message")).containsExactly(5L);
            });

            // the eml folder cannot send: the desk's poller offers it nothing (ReadOnlyChannelsTest: a configured
            // read-only instance is owed nothing at all; "support" here is no configured instance)
            assertThat(channel).isNotInstanceOf(org.redress.core.channel.ReplyingChannel.class);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void a_follow_up_reopens_a_closed_complaint(String kind) throws Exception {
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        write(inbox, "01.eml", mail("c1@customer.example", "ion@customer.example", "Router broken", "", "It does not start."));
        try (Database db = Database.open(TestDatabases.fresh(kind, dir), 2); Channel channel = emlFolder(inbox)) {
            new IntakeRunner(intake(db, false), 10).drain("support", channel);
            db.jdbi().useHandle(h -> h.execute("update complaint set status = 'CLOSED' where number = 1000"));
            write(inbox, "02.eml", mail("c2@customer.example", "ion@customer.example", "Re: Router broken",
                    "In-Reply-To: <c1@customer.example>\r\n", "It broke again."));
            new IntakeRunner(intake(db, false), 10).drain("support", channel);
            db.jdbi().useHandle(h -> {
                assertThat(column(h, "select status from complaint where number = 1000")).containsExactly("REOPENED");
                assertThat(column(h, "select reason from audit_record where action = 'transition'").get(0).toString())
                        .contains("wrote again");
                assertThat(column(h, "select count(*) from outbound_message")).containsExactly(0L);
            });
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2"})
    void complaints_assessed_while_the_batch_before_is_stored_are_the_complaints_assessed_in_the_store(String kind) throws Exception {
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        for (int i = 0; i < 12; i++) {
            write(inbox, String.format("%02d.eml", i), mail("x" + i + "@customer.example", "c" + i + "@customer.example",
                    List.of("You charged me twice", "Factura greșită, vreau banii înapoi", "Internet puudub juba kaks päeva",
                            "Mạng bị mất từ hôm qua").get(i % 4), "",
                    List.of("I was billed twice for March. Refund me or I go to the ombudsman.",
                            "Mi-ați facturat de două ori luna martie. Vreau banii înapoi, altfel merg la ANPC.",
                            "Internet ei tööta juba kaks päeva, palun parandage see kiiresti.",
                            "Mạng nhà tôi bị mất từ hôm qua, các bạn làm ăn kiểu gì vậy, đồ ngu.").get(i % 4)));
        }
        String heads = "select number, category, priority, language, escalation, team, "
                + "(select listagg(code, ',') within group (order by code) from complaint_signal s where s.complaint_number = number) "
                + "from complaint order by number";
        List<Map<String, Object>> inStore;
        try (Database db = Database.open(TestDatabases.fresh(kind, dir), 2); Channel channel = emlFolder(inbox)) {
            new IntakeRunner(detecting(db), 3).drain("support", channel);
            inStore = db.jdbi().withHandle(h -> h.createQuery(heads).mapToMap().list());
        }
        try (Database db = Database.open(TestDatabases.fresh(kind, dir), 2); Channel channel = emlFolder(inbox)) {
            DeskIntake intake = detecting(db);
            new IntakeRunner(intake, 3).drain("support", new PrefetchingChannel(channel, intake::assessAhead));
            List<Map<String, Object>> ahead = db.jdbi().withHandle(h -> h.createQuery(heads).mapToMap().list());
            assertThat(ahead).hasSize(12).isEqualTo(inStore);
        }
        assertThat(inStore).extracting(m -> m.get("language")).contains("en", "ro", "et", "vi");
    }

    /** A quiet intake that tells languages apart as the running desk does (the other tests' desks take all for English). */
    static DeskIntake detecting(Database db) {
        return org.redress.app.desk.Desk.open(db, DeskConfig.defaults("test-node"), ChannelRegistry.discover(),
                new org.redress.app.language.LinguaDetection(org.redress.core.classify.Triage.LANGUAGES), CLOCK).intake("email", false);
    }

    static List<Object> column(Handle h, String sql) {
        return h.createQuery(sql).mapToMap().list().stream().map(m -> m.values().iterator().next())
                .map(v -> v instanceof Number n ? (Object) n.longValue() : v).toList();
    }

    static void write(Path dir, String name, String content) throws Exception {
        Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }
}
