package org.redress.app.store;

import org.redress.app.desk.TestDesks;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.redress.app.channels.ChannelRegistry;
import org.redress.core.channel.Channel;
import org.redress.core.channel.ChannelContext;
import org.redress.core.channel.ChannelPlugin;
import org.redress.core.channel.ChannelSettings;
import org.redress.core.complaint.Complaint;
import org.redress.core.complaint.EscalationLevel;
import org.redress.core.complaint.Entry;
import org.redress.core.complaint.Status;
import org.redress.core.intake.IntakeRunner;
import org.redress.core.sla.SlaMetric;
import org.redress.core.sla.SlaPolicy;
import org.redress.core.staff.Actor;
import org.redress.core.time.BusinessCalendar;

/**
 * Complaints stored whole and changed with optimistic locking, on H2 and PostgreSQL: what is loaded is what
 * was saved, and of two agents changing one complaint from the same version the second gets a clear conflict
 * and nothing of the first is overwritten.
 */
class ComplaintsTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T09:00:00Z"), ZoneOffset.UTC);
    static final SlaPolicy SLA = SlaPolicy.standard(BusinessCalendar.weekdays(ZoneOffset.UTC, java.time.LocalTime.of(9, 0),
            java.time.LocalTime.of(17, 0), java.util.Set.of()));

    @TempDir
    Path dir;

    static final Actor ANA = Actor.agent("ana");
    static final Actor BOB = Actor.agent("bob");

    long oneComplaint(Database db, String body) throws Exception {
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        Files.writeString(inbox.resolve("01.eml"), "Message-ID: <c1@customer.example>\r\nFrom: Ana Pop <ana@customer.example>\r\n"
                + "To: support@desk.example\r\nSubject: Charged twice\r\nDate: Mon, 23 Nov 2026 10:00:00 +0000\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\n" + body + "\r\n", StandardCharsets.UTF_8);
        ChannelPlugin email = ChannelRegistry.discover().require("email");
        try (Channel channel = email.open(ChannelSettings.validate(email.descriptor(), Map.of("path", inbox.toString(), "settle", "PT0S")),
                new ChannelContext("support", CLOCK))) {
            new IntakeRunner(TestDesks.english(db, CLOCK).intake("email", false), 10)
                    .drain("support", channel);
        }
        return db.jdbi().withHandle(h -> h.createQuery("select max(number) from complaint").mapTo(Long.class).one());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void what_is_loaded_is_what_was_saved_with_its_clocks(String kind) throws Exception {
        try (Database db = Database.open(TestDatabases.fresh(kind, dir), 4)) {
            long n = oneComplaint(db, "You charged me twice and I will take you to court over it.");
            Complaints complaints = new Complaints(db, SLA, CLOCK);
            Complaints.Loaded first = complaints.require(n);
            // the legal threat escalated it at intake, and the escalation log says so
            assertThat(first.complaint().escalation()).isEqualTo(EscalationLevel.SUPERVISOR);
            List<String> triggers = db.jdbi().withHandle(h -> h.createQuery(
                    "select trigger_kind from escalation where complaint_number = :n").bind("n", n).mapTo(String.class).list());
            assertThat(triggers).containsExactly("triage-signal");
            assertThat(first.clocks().clock(SlaMetric.RESOLUTION)).isPresent();

            Instant eta = Instant.parse("2026-11-25T12:00:00Z");
            Complaint changed = complaints.change(n, first.complaint().version(), c -> {
                c.transition(Status.ACKNOWLEDGED, ANA, "", CLOCK.instant());
                c.assign("ana", "billing", ANA, "mine", CLOCK.instant());
                c.recapSent(ANA, CLOCK.instant());
                c.append(new Entry.Reply(CLOCK.instant(), ANA, "We will have an answer by tomorrow noon.", Optional.of(eta)));
                c.append(new Entry.InternalNote(CLOCK.instant(), ANA, "ledger shows two captures"));
                c.requestTransfer("payments", Optional.of("carol"), ANA, "card processor", CLOCK.instant());
            });

            Complaints.Loaded back = complaints.require(n);
            assertThat(back.complaint().snapshot()).isEqualTo(changed.snapshot());
            assertThat(back.complaint().playbook().step()).isEqualTo(changed.playbook().step());
            // the reply's ETA became the next-update deadline; first response runs until the reply reaches the customer
            assertThat(back.clocks().clock(SlaMetric.NEXT_UPDATE).orElseThrow().deadline(SLA.calendar())).isEqualTo(eta);
            assertThat(back.clocks().clock(SlaMetric.FIRST_RESPONSE).orElseThrow().isStopped()).isFalse();
            db.useTransaction(tx -> complaints.answered(tx, n, "email", CLOCK.instant()));
            Complaints.Loaded answered = complaints.require(n);
            assertThat(answered.clocks().clock(SlaMetric.FIRST_RESPONSE).orElseThrow().stoppedAt()).contains(CLOCK.instant());
            assertThat(answered.complaint().audit()).filteredOn(a -> a.is(org.redress.core.complaint.AuditAction.ANSWERED)).hasSize(1);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void the_second_of_two_agents_changing_one_version_gets_a_conflict_and_nothing_is_overwritten(String kind) throws Exception {
        try (Database db = Database.open(TestDatabases.fresh(kind, dir), 4)) {
            long n = oneComplaint(db, "My parcel never arrived.");
            Complaints complaints = new Complaints(db, SLA, CLOCK);
            long seen = complaints.require(n).complaint().version();

            complaints.change(n, seen, c -> c.assign("ana", "shipping", ANA, "taking it", CLOCK.instant()));
            assertThatThrownBy(() -> complaints.change(n, seen, c -> c.assign("bob", "shipping", BOB, "mine", CLOCK.instant())))
                    .isInstanceOf(ConcurrentChangeException.class)
                    .hasMessageContaining("complaint #" + n + " was changed by someone else since you read it")
                    .hasMessageContaining("ana (agent) assign")
                    .hasMessageContaining("nothing was overwritten");
            assertThat(complaints.require(n).complaint().owner()).contains("ana");
            assertThat(complaints.require(n).complaint().audit()).filteredOn(r -> r.action().equals("assign")).hasSize(1);

            // and when the two really race, exactly one wins, whichever it is
            long now = complaints.require(n).complaint().version();
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            List<Future<String>> results = new ArrayList<>();
            for (Actor who : List.of(ANA, BOB)) {
                results.add(pool.submit(() -> {
                    start.await();
                    try {
                        complaints.change(n, now, c -> c.append(new Entry.InternalNote(CLOCK.instant(), who, "note by " + who.id())));
                        return "ok";
                    } catch (ConcurrentChangeException e) {
                        return "conflict";
                    }
                }));
            }
            start.countDown();
            List<String> outcomes = new ArrayList<>();
            for (Future<String> f : results) {
                outcomes.add(f.get());
            }
            pool.shutdown();
            assertThat(outcomes).containsExactlyInAnyOrder("ok", "conflict");
            assertThat(complaints.require(n).complaint().entries(Entry.InternalNote.class)).hasSize(1);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2"})
    void an_unknown_complaint_is_named(String kind) throws Exception {
        try (Database db = Database.open(TestDatabases.fresh(kind, dir), 2)) {
            assertThatThrownBy(() -> new Complaints(db, SLA, CLOCK).change(4242, 0, c -> { }))
                    .isInstanceOf(NotFoundException.class).hasMessage("there is no complaint #4242");
        }
    }
}
