package org.redress.app.intake;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import org.jdbi.v3.core.Handle;
import org.redress.app.store.Complaints;
import org.redress.app.store.Database;
import org.redress.core.channel.Batch;
import org.redress.core.channel.Checkpoint;
import org.redress.core.channel.Inbound;
import org.redress.core.channel.InboundMessage;
import org.redress.core.channel.Quarantined;
import org.redress.core.channel.SenderIdentity;
import org.redress.core.classify.Triage;
import org.redress.core.complaint.AuditRecord;
import org.redress.core.complaint.Complaint;
import org.redress.core.complaint.Entry;
import org.redress.core.complaint.Status;
import org.redress.core.escalation.EscalationPolicy;
import org.redress.core.escalation.Escalator;
import org.redress.core.staff.Actor;
import org.redress.core.customer.Customer;
import org.redress.core.intake.InboundStore;
import org.redress.core.intake.IntakeCounts;
import org.redress.core.intake.Threading;
import org.redress.core.routing.RoutingTable;
import org.redress.core.sla.SlaClocks;
import org.redress.core.sla.SlaMetric;
import org.redress.core.sla.SlaPolicy;
import org.redress.core.time.BusinessCalendar;
import org.redress.core.text.LanguageDetection;
import org.redress.core.triage.Signal;

/**
 * The desk's side of intake: each batch a channel read is stored in one transaction together with its
 * checkpoint, so that a crash anywhere repeats a read but never loses or doubles one. For every message not
 * seen before under (channel instance, external id): thread it (core {@link Threading}), and then create a
 * complaint (triaged, routed, its first entry the customer's full account, an acknowledgement owed in the
 * outbox), append it to the complaint it continues (reopening a closed one), attach machine mail as a system
 * entry, or park machine mail that threads onto nothing. Input the channel could not understand goes to the
 * quarantine with its raw bytes.
 *
 * <p>One instance serves one channel instance, one {@link #store} at a time, as {@link IntakeRunner} calls it.
 */
public final class DeskIntake implements InboundStore {

    /** What the desk did with what it stored, beyond {@link IntakeCounts}. */
    public record Counts(long read, long created, long appended, long systemEntries, long parked, long duplicates,
                         long quarantined) {
    }

    /** How much of a message triage reads. */
    static final int TRIAGED_CHARS = 10_000;

    private final Database database;
    private final String plugin;
    private final Triage triage;
    private final LanguageDetection detection;
    private final RoutingTable routing;
    private final Clock clock;
    private final boolean acknowledge;
    private final SlaPolicy sla;
    private final Complaints complaints;
    private final Escalator escalator;

    /** This batch's assessments, by message identity (a message's equality compares its raw bytes). */
    private final Map<InboundMessage, Triage.Result> assessed = new IdentityHashMap<>();
    private final AtomicLong read = new AtomicLong();
    private final AtomicLong created = new AtomicLong();
    private final AtomicLong appended = new AtomicLong();
    private final AtomicLong systemEntries = new AtomicLong();
    private final AtomicLong parked = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong quarantined = new AtomicLong();

    /**
     * @param acknowledge whether a new complaint gets an automatic acknowledgement (live mailboxes: yes; an
     *                    import of old mail: no)
     */
    public DeskIntake(Database database, String plugin, Triage triage, LanguageDetection detection, RoutingTable routing,
                      Clock clock, boolean acknowledge) {
        // until the desk's configuration names its business hours (the API issue): weekdays 9 to 17 UTC
        this(database, plugin, triage, detection, routing, clock, acknowledge, SlaPolicy.standard(
                BusinessCalendar.weekdays(java.time.ZoneOffset.UTC, java.time.LocalTime.of(9, 0), java.time.LocalTime.of(17, 0),
                        java.util.Set.of())));
    }

    public DeskIntake(Database database, String plugin, Triage triage, LanguageDetection detection, RoutingTable routing,
                      Clock clock, boolean acknowledge, SlaPolicy sla) {
        this.sla = sla;
        this.complaints = new Complaints(database, sla, clock);
        this.escalator = new Escalator(EscalationPolicy.standard(), clock);
        this.database = database;
        this.plugin = plugin;
        this.triage = triage;
        this.detection = detection;
        this.routing = routing;
        this.clock = clock;
        this.acknowledge = acknowledge;
    }

    public Counts counts() {
        return new Counts(read.get(), created.get(), appended.get(), systemEntries.get(), parked.get(), duplicates.get(),
                quarantined.get());
    }

    @Override
    public Checkpoint checkpoint(String instance) {
        return database.jdbi().withHandle(h -> h.createQuery("select checkpoint from channel_instance where name = :name")
                .bind("name", instance).mapTo(String.class).findOne().map(Checkpoint::of).orElse(Checkpoint.START));
    }

    @Override
    public IntakeCounts store(String instance, Batch batch) {
        // language and triage need no database: done for the whole batch on every core before the transaction,
        // which then holds its locks only for the writes (a follow-up's assessment is simply not used)
        List<InboundMessage> people = batch.items().stream().filter(i -> i instanceof InboundMessage m && !m.isAutomated())
                .map(InboundMessage.class::cast).toList();
        List<Triage.Result> results = people.parallelStream().map(this::assess).toList();
        assessed.clear();
        for (int i = 0; i < people.size(); i++) {
            assessed.put(people.get(i), results.get(i));
        }
        Tally tally = database.jdbi().inTransaction(h -> {
            Tally t = new Tally();
            t.stored.addAll(alreadyStored(h, instance, batch));
            for (Inbound item : batch.items()) {
                if (item instanceof Quarantined q) {
                    storeQuarantined(h, instance, q, t);
                } else {
                    storeMessage(h, instance, (InboundMessage) item, t);
                }
            }
            saveCheckpoint(h, instance, batch.next());
            return t;
        });
        // counted only once the transaction committed
        read.addAndGet(batch.items().size());
        created.addAndGet(tally.created);
        appended.addAndGet(tally.appended);
        systemEntries.addAndGet(tally.system);
        parked.addAndGet(tally.parked);
        duplicates.addAndGet(tally.duplicates);
        quarantined.addAndGet(tally.quarantined);
        return new IntakeCounts(batch.items().size(), tally.created + tally.appended + tally.system + tally.parked,
                tally.duplicates, tally.quarantined);
    }

    /**
     * Which of a batch's messages the desk has stored before: one query for the batch, not one per message. The ids
     * are matched as (instance, id) rows: H2 uses the primary key for a row-value IN, but for {@code instance = ? and
     * external_id in (...)} it reads every message of the instance, which grows with the desk.
     */
    private static List<String> alreadyStored(Handle h, String instance, Batch batch) {
        List<String> ids = batch.items().stream().filter(i -> i instanceof InboundMessage).map(i -> ((InboundMessage) i).externalId())
                .distinct().toList();
        List<String> found = new java.util.ArrayList<>();
        for (int from = 0; from < ids.size(); from += 500) {
            List<String> some = ids.subList(from, Math.min(ids.size(), from + 500));
            StringBuilder rows = new StringBuilder();
            for (int i = 0; i < some.size(); i++) {
                rows.append(i == 0 ? "" : ", ").append("(:instance, :id").append(i).append(')');
            }
            var query = h.createQuery("select external_id from inbound_message where (instance, external_id) in (" + rows + ")")
                    .bind("instance", instance);
            for (int i = 0; i < some.size(); i++) {
                query.bind("id" + i, some.get(i));
            }
            found.addAll(query.mapTo(String.class).list());
        }
        return found;
    }

    private static final class Tally {
        /** External ids stored before or in this batch: a message whose id is here is a duplicate. */
        final java.util.Set<String> stored = new java.util.HashSet<>();
        long created;
        long appended;
        long system;
        long parked;
        long duplicates;
        long quarantined;
    }

    private void saveCheckpoint(Handle h, String instance, Checkpoint next) {
        int updated = h.createUpdate("update channel_instance set checkpoint = :cp, last_read_at = :now where name = :name")
                .bind("cp", next.value()).bind("now", now()).bind("name", instance).execute();
        if (updated == 0) {
            h.createUpdate("insert into channel_instance (name, plugin, checkpoint, last_read_at) values (:name, :plugin, :cp, :now)")
                    .bind("name", instance).bind("plugin", plugin).bind("cp", next.value()).bind("now", now()).execute();
        }
    }

    private void storeQuarantined(Handle h, String instance, Quarantined q, Tally t) {
        int inserted = h.createUpdate("insert into quarantine (instance, external_id, reason, location, media_type, raw, received_at, status) "
                        + "values (:instance, :id, :reason, :location, :type, :raw, :now, 'open') on conflict do nothing")
                .bind("instance", instance).bind("id", q.externalId()).bind("reason", cut(q.reason(), 4000))
                .bind("location", cut(q.raw().location(), 1000)).bind("type", q.raw().mediaType()).bind("raw", q.raw().bytes())
                .bind("now", now()).execute();
        if (inserted == 0) {
            t.duplicates++;
        } else {
            t.quarantined++;
        }
    }

    private void storeMessage(Handle h, String instance, InboundMessage m, Tally t) {
        if (!t.stored.add(m.externalId())) {
            t.duplicates++;
            return;
        }
        Threading.Decision decision = new Threading(new StoredConversations(h)).decide(m);
        Long number = null;
        String disposition;
        if (decision instanceof Threading.NewComplaint) {
            number = create(h, instance, m);
            disposition = "complaint";
            t.created++;
        } else if (decision instanceof Threading.FollowUp f) {
            number = f.complaint().value();
            append(h, number, m);
            disposition = "follow-up";
            t.appended++;
        } else if (decision instanceof Threading.SystemEntry s) {
            number = s.complaint().value();
            attachSystemEntry(h, number, m);
            disposition = "system";
            t.system++;
        } else {
            disposition = "parked";
            t.parked++;
        }
        h.createUpdate("insert into inbound_message (instance, external_id, disposition, complaint_number, reason, sender, subject, "
                        + "automated, received_at, raw_location, raw) values (:instance, :id, :disposition, :number, :reason, :sender, "
                        + ":subject, :automated, :now, :location, :raw)")
                .bind("instance", instance).bind("id", m.externalId()).bind("disposition", disposition).bind("number", number)
                .bind("reason", cut(decision.reason(), 2000)).bind("sender", cut(m.sender().value(), 500))
                .bind("subject", cut(m.subject(), 2000)).bind("automated", m.automated().map(a -> a.kind().name()).orElse(null))
                .bind("now", now()).bind("location", cut(m.raw().location(), 1000)).bind("raw", m.raw().bytes()).execute();
    }

    /** Language and triage of a message a person sent, from what it says alone (no database needed). */
    private Triage.Result assess(InboundMessage m) {
        String opening = (m.subject() + "\n" + m.text()).strip();
        // a few hundred characters tell the language as well as the whole text, at a fraction of the cost
        String language = m.languageHint().map(l -> l.toLowerCase().replaceAll("[-_].*", ""))
                .filter(Triage.LANGUAGES::contains)
                .or(() -> detection.detect(opening.substring(0, Math.min(opening.length(), 400))))
                .orElse("en");
        String followers = m.attributes().get(InboundMessage.FOLLOWERS);
        // triage reads what a person wrote; past TRIAGED_CHARS it is pasted logs or newsletters, not the complaint
        return triage.triage(opening.substring(0, Math.min(opening.length(), TRIAGED_CHARS)), language,
                followers != null && followers.matches("\\d{1,18}") ? OptionalLong.of(Long.parseLong(followers)) : OptionalLong.empty());
    }

    private long create(Handle h, String instance, InboundMessage m) {
        long customer = customerOf(h, m.sender());
        String text = m.text();
        Triage.Result result = assessed.containsKey(m) ? assessed.get(m) : assess(m);
        long number = h.createQuery("select nextval('complaint_number_seq')").mapTo(Long.class).one();
        Instant at = m.sentAt().isAfter(clock.instant()) ? clock.instant() : m.sentAt();
        Complaint complaint = Complaint.receive(new Complaint.Number(number), new Customer.Id(customer), plugin, subjectOf(m),
                result.category(), result.priority(), result.language(), result.signals(),
                new Entry.Inbound(at, plugin, m.externalId(), m.sender().value(), text, false));
        // a threat in the first message (legal, regulator, chargeback, going public) escalates at once
        escalator.on(complaint, complaint.signals());
        String team = routing.teamFor(complaint.category());
        SlaClocks clocks = SlaClocks.start(complaint.number(), complaint.priority(), complaint.receivedAt(), sla);
        Instant due = clocks.clock(SlaMetric.RESOLUTION).map(c -> c.deadline(sla.calendar())).orElse(null);
        h.createUpdate("insert into complaint (number, customer_id, channel, subject, category, priority, language, status, team, "
                        + "escalation, received_at, updated_at, version, due_at, open, reopen_count) values (:number, :customer, :channel, :subject, "
                        + ":category, :priority, :language, :status, :team, :escalation, :received, :now, :version, :due, true, 0)")
                .bind("version", complaint.version())
                .bind("due", due == null ? null : offset(due))
                .bind("number", number).bind("customer", customer).bind("channel", instance)
                .bind("subject", cut(complaint.subject(), 2000)).bind("category", complaint.category().code())
                .bind("priority", complaint.priority().name()).bind("language", complaint.language().orElse(null))
                .bind("status", complaint.status().name()).bind("team", team).bind("escalation", complaint.escalation().name())
                .bind("received", offset(complaint.receivedAt())).bind("now", now()).execute();
        for (Signal s : complaint.signals()) {
            Complaints.insertSignal(h, number, s);
        }
        complaints.saveClocks(h, number, clocks);
        for (Entry e : complaint.timeline()) {
            insertEntry(h, number, e);
        }
        for (AuditRecord a : complaint.audit()) {
            audit(h, number, a);
            if (a.action().equals("escalate")) {
                Complaints.escalation(h, number, a);
            }
        }
        audit(h, number, new AuditRecord(clock.instant(), org.redress.core.staff.Actor.DESK, "route", "", team,
                "category " + complaint.category().code()));
        reference(h, m.externalId(), number, "in");
        if (acknowledge && !"true".equals(m.attributes().get(InboundMessage.NO_AUTOMATIC_ANSWER))) {
            owe(h, instance, number, m, complaint.language().orElse("en"));
        }
        return number;
    }

    /** A post or a call has no subject: the queue shows the start of what the customer said instead. */
    static String subjectOf(InboundMessage m) {
        if (!m.subject().isBlank()) {
            return m.subject();
        }
        String text = m.text().strip().replaceAll("\\s+", " ");
        return text.length() <= 80 ? text : text.substring(0, text.lastIndexOf(' ', 80) > 40 ? text.lastIndexOf(' ', 80) : 80) + "…";
    }

    private void append(Handle h, long number, InboundMessage m) {
        reference(h, m.externalId(), number, "in");
        Triage.Result result = assessed.get(m);
        complaints.changeNow(h, number, c -> {
            Instant at = clock.instant();
            c.append(new Entry.Inbound(at, plugin, m.externalId(), m.sender().value(), m.text(), false));
            if (c.status() == Status.CLOSED) {
                // the customer writes again about a closed complaint: the desk reopens it rather than losing the answer
                c.transition(Status.REOPENED, Actor.DESK, "the customer wrote again (" + m.externalId() + ")", at);
            }
            if (result != null) {
                // what the customer says now counts: a new threat in a follow-up escalates like one in the first message
                List<Signal> fresh = result.signals().stream().filter(s -> !c.has(s.code())).toList();
                if (!fresh.isEmpty()) {
                    c.addSignals(fresh, at);
                    escalator.on(c, fresh);
                }
            }
        });
    }

    /** Machine mail about a complaint (a bounce, an out-of-office): recorded, and nothing else changes. */
    private void attachSystemEntry(Handle h, long number, InboundMessage m) {
        String kind = m.automated().map(a -> a.kind().name()).orElse("AUTOMATED");
        insertEntry(h, number, new Entry.SystemEvent(clock.instant(), kind.toLowerCase(),
                m.automated().map(a -> a.reason()).orElse("") + ": " + m.subject() + "\n" + m.text()));
    }

    private void owe(Handle h, String instance, long number, InboundMessage m, String language) {
        String tag = "[#" + number + "]";
        String subject = (m.subject().isBlank() ? Acknowledgement.subject(language) : "Re: " + m.subject().replaceAll("^(?i)(re|aw|fwd?):\\s*", ""))
                + " " + tag;
        Outbox.owe(h, "ack-" + number, number, instance, m.sender(), subject, Acknowledgement.text(language, number),
                m.externalId(), true, clock.instant());
    }

    private long customerOf(Handle h, SenderIdentity sender) {
        Optional<Long> known = h.createQuery("select customer_id from customer_identity where kind = :kind and address = :value")
                .bind("kind", sender.kind().name()).bind("value", sender.value()).mapTo(Long.class).findOne();
        if (known.isPresent()) {
            return known.get();
        }
        long id = h.createUpdate("insert into customer (display_name, created_at) values (:name, :now)")
                .bind("name", cut(sender.displayName().isBlank() ? sender.value() : sender.displayName(), 300)).bind("now", now())
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        h.createUpdate("insert into customer_identity (kind, address, customer_id) values (:kind, :value, :id)")
                .bind("kind", sender.kind().name()).bind("value", cut(sender.value(), 500)).bind("id", id).execute();
        return id;
    }

    private static void insertEntry(Handle h, long number, Entry e) {
        Complaints.insertEntry(h, number, e);
    }

    private static void audit(Handle h, long number, AuditRecord a) {
        Complaints.audit(h, number, a);
    }

    private static void reference(Handle h, String messageId, long number, String direction) {
        h.createUpdate("insert into message_ref (message_id, complaint_number, direction) values (:id, :n, :direction) "
                        + "on conflict do nothing")
                .bind("id", cut(messageId, 1000)).bind("n", number).bind("direction", direction).execute();
    }

    private OffsetDateTime now() {
        return offset(clock.instant());
    }

    private static OffsetDateTime offset(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    /** Threading's view of what the desk has stored, read in the batch's own transaction. */
    private static final class StoredConversations implements Threading.Conversations {
        private final Handle h;

        StoredConversations(Handle h) {
            this.h = h;
        }

        @Override
        public Optional<Complaint.Number> complaintOf(String externalId) {
            return h.createQuery("select complaint_number from message_ref where message_id = :id").bind("id", externalId)
                    .mapTo(Long.class).findOne().map(Complaint.Number::new);
        }

        @Override
        public boolean exists(Complaint.Number number) {
            return h.createQuery("select count(*) from complaint where number = :n").bind("n", number.value())
                    .mapTo(Long.class).one() > 0;
        }

        @Override
        public boolean isParticipant(Complaint.Number number, SenderIdentity sender) {
            return h.createQuery("select count(*) from complaint c join customer_identity i on i.customer_id = c.customer_id "
                            + "where c.number = :n and i.kind = :kind and i.address = :value")
                    .bind("n", number.value()).bind("kind", sender.kind().name()).bind("value", sender.value())
                    .mapTo(Long.class).one() > 0;
        }
    }
}
