package org.redress.app.schedule;

import org.redress.app.desk.TestDesks;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.redress.app.channels.ChannelRegistry;
import org.redress.app.store.Complaints;
import org.redress.app.store.Database;
import org.redress.app.store.Leases;
import org.redress.app.store.Promises;
import org.redress.app.store.TestDatabases;
import org.redress.core.channel.Channel;
import org.redress.core.channel.ChannelContext;
import org.redress.core.channel.ChannelPlugin;
import org.redress.core.channel.ChannelSettings;
import org.redress.core.complaint.Complaint;
import org.redress.core.complaint.EscalationLevel;
import org.redress.core.intake.IntakeRunner;
import org.redress.core.promise.Promise;
import org.redress.core.sla.SlaMetric;
import org.redress.core.sla.SlaPolicy;
import org.redress.core.time.BusinessCalendar;

/**
 * The scheduler's jobs on H2 and PostgreSQL, driven by a clock the test moves: SLA warning then breach (each
 * once, the breach escalating), a promise due soon then broken, a stuck complaint escalated once per spell, an
 * outage flood proposed as one incident; two nodes never both run a job, and a job run again does nothing twice.
 */
class SchedulerTest {

    static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    static final BusinessCalendar CALENDAR = BusinessCalendar.weekdays(ZoneOffset.UTC, LocalTime.of(9, 0), LocalTime.of(17, 0), Set.of());
    static final SlaPolicy SLA = SlaPolicy.standard(CALENDAR);

    @TempDir
    Path dir;

    final MovingClock clock = new MovingClock(T0);

    static final class MovingClock extends Clock {
        volatile Instant now;

        MovingClock(Instant now) {
            this.now = now;
        }

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

    void receive(Database db, String... bodies) throws Exception {
        Path inbox = Files.createDirectories(dir.resolve("inbox-" + System.nanoTime()));
        for (int i = 0; i < bodies.length; i++) {
            Files.writeString(inbox.resolve(String.format("%03d.eml", i)), "Message-ID: <m" + System.nanoTime() + "." + i
                    + "@customer.example>\r\nFrom: customer" + i + "@customer.example\r\nTo: support@desk.example\r\n"
                    + "Subject: " + bodies[i].split("\\.")[0] + "\r\nDate: Mon, 23 Nov 2026 10:00:00 +0000\r\n"
                    + "Content-Type: text/plain; charset=UTF-8\r\n\r\n" + bodies[i] + "\r\n", StandardCharsets.UTF_8);
        }
        ChannelPlugin email = ChannelRegistry.discover().require("email");
        try (Channel channel = email.open(ChannelSettings.validate(email.descriptor(), Map.of("path", inbox.toString(), "settle", "PT0S")),
                new ChannelContext("support", clock))) {
            new IntakeRunner(TestDesks.english(db, clock).intake("email", false), 50)
                    .drain("support", channel);
        }
    }

    Scheduler scheduler(Database db, String node) {
        // the desk's own jobs, as serve schedules them (default policies: weekdays 9-17 UTC, stuck after 16 h)
        return new Scheduler(TestDesks.english(db, clock).jobs(), new Leases(db, clock), node, clock);
    }

    static Job job(Scheduler s, String name) {
        return s.jobs().stream().filter(j -> j.name().equals(name)).findFirst().orElseThrow();
    }

    static List<String> kinds(Database db, long number) {
        return db.jdbi().withHandle(h -> h.createQuery("select kind from complaint_entry where complaint_number = :n and kind like 'system:%' "
                + "order by id").bind("n", number).mapTo(String.class).list());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void sla_warns_then_breaches_once_and_the_breach_escalates(String kind) throws Exception {
        try (Database db = Database.open(TestDatabases.fresh(kind, dir), 4)) {
            receive(db, "My parcel never arrived. Where is it?");
            long n = 1000;
            Complaints complaints = new Complaints(db, SLA, clock);
            Instant ackDeadline = complaints.require(n).clocks().clock(SlaMetric.ACKNOWLEDGEMENT).orElseThrow().deadline(CALENDAR);
            Instant warnAt = db.jdbi().withHandle(h -> h.createQuery("select min(next_check_at) as first_check from sla_clock where complaint_number = :n")
                    .bind("n", n).map((rs, ctx) -> Complaints.instant(rs, "first_check")).one());
            assertThat(warnAt).isAfter(T0).isBefore(ackDeadline);

            Scheduler a = scheduler(db, "node-a");
            Scheduler b = scheduler(db, "node-b");
            clock.now = warnAt.minusSeconds(60);
            assertThat(a.runIfHeld(job(a, "sla"))).isZero();
            clock.now = warnAt;
            assertThat(a.runIfHeld(job(a, "sla"))).isEqualTo(1);
            assertThat(kinds(db, n)).containsExactly("system:sla-warning");
            // node b cannot run the job while a holds it; a running it again finds nothing new
            assertThat(b.runIfHeld(job(b, "sla"))).isZero();
            assertThat(a.runIfHeld(job(a, "sla"))).isZero();

            clock.now = ackDeadline.plusSeconds(120);
            assertThat(a.runIfHeld(job(a, "sla"))).isEqualTo(1);
            assertThat(kinds(db, n)).containsExactly("system:sla-warning", "system:sla-breach", "system:escalated");
            assertThat(complaints.require(n).complaint().escalation()).isEqualTo(EscalationLevel.SENIOR);
            List<String> triggers = db.jdbi().withHandle(h -> h.createQuery("select trigger_kind from escalation").mapTo(String.class).list());
            assertThat(triggers).containsExactly("sla-breach");

            // a stops and gives its leases up: b takes the job over, and does nothing a already did
            a.close();
            clock.now = clock.now.plusSeconds(1);
            assertThat(b.runIfHeld(job(b, "sla"))).isZero();
            assertThat(kinds(db, n)).hasSize(3);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void a_promise_reminds_once_then_breaks_and_escalates(String kind) throws Exception {
        try (Database db = Database.open(TestDatabases.fresh(kind, dir), 4)) {
            receive(db, "My parcel never arrived. Where is it?");
            Promises promises = new Promises(db);
            Promise p = promises.add(new Complaint.Number(1000), "ana", "I will call you back by 14:00", T0,
                    Instant.parse("2026-11-23T14:00:00Z"), Promise.Source.REPLY);
            Scheduler s = scheduler(db, "node-a");
            clock.now = Instant.parse("2026-11-23T13:00:00Z");
            assertThat(s.runIfHeld(job(s, "promises"))).isZero();
            clock.now = Instant.parse("2026-11-23T13:35:00Z");
            assertThat(s.runIfHeld(job(s, "promises"))).isEqualTo(1);
            assertThat(s.runIfHeld(job(s, "promises"))).isZero();
            clock.now = Instant.parse("2026-11-23T14:01:00Z");
            assertThat(s.runIfHeld(job(s, "promises"))).isEqualTo(1);
            assertThat(s.runIfHeld(job(s, "promises"))).isZero();
            assertThat(kinds(db, 1000)).containsExactly("system:promise-due-soon", "system:promise-broken", "system:escalated");
            assertThat(promises.of(1000)).singleElement().satisfies(stored -> {
                assertThat(stored.promise().id()).isEqualTo(p.id());
                assertThat(stored.promise().state()).isEqualTo(Promise.State.BROKEN);
            });
            List<String> triggers = db.jdbi().withHandle(h -> h.createQuery("select trigger_kind from escalation").mapTo(String.class).list());
            assertThat(triggers).containsExactly("broken-promise");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void a_stuck_complaint_escalates_once_per_spell_and_a_flood_is_proposed_once(String kind) throws Exception {
        try (Database db = Database.open(TestDatabases.fresh(kind, dir), 4)) {
            receive(db, "The internet is down in Cluj since this morning, the router shows a red light.",
                    "No internet at all in Cluj today, router red light blinking.",
                    "Internet down again in Cluj! Router light is red.",
                    "Our office in Cluj has no internet, router has a red light.",
                    "Internet outage Cluj: router red light, nothing works.",
                    "I want to change the name on my invoice.");
            Scheduler s = scheduler(db, "node-a");
            clock.now = T0.plus(Duration.ofMinutes(10));
            assertThat(s.runIfHeld(job(s, "bursts"))).isEqualTo(1);
            assertThat(s.runIfHeld(job(s, "bursts"))).isZero();
            List<Long> linked = db.jdbi().withHandle(h -> h.createQuery("select complaint_number from incident_link order by 1")
                    .mapTo(Long.class).list());
            assertThat(linked).containsExactly(1000L, 1001L, 1002L, 1003L, 1004L);
            List<Boolean> proposed = db.jdbi().withHandle(h -> h.createQuery("select proposed from incident").mapTo(Boolean.class).list());
            assertThat(proposed).containsExactly(true);

            // three working days later nobody has touched any of them: each escalates once, however often the job runs
            clock.now = Instant.parse("2026-11-26T10:00:00Z");
            assertThat(s.runIfHeld(job(s, "stuck"))).isEqualTo(6);
            clock.now = clock.now.plus(Duration.ofHours(2));
            assertThat(s.runIfHeld(job(s, "stuck"))).isZero();
            long stuck = db.jdbi().withHandle(h -> h.createQuery("select count(*) from escalation where trigger_kind = 'stuck'")
                    .mapTo(Long.class).one());
            assertThat(stuck).isEqualTo(6);
        }
    }
}
