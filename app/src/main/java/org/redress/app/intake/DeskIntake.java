package org.redress.app.intake;

import java.time.Clock;
import java.time.Instant;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import org.redress.app.config.DeskConfig;
import org.redress.app.store.Attachments;
import org.redress.app.store.Complaints;
import org.redress.app.store.CustomerBook;
import org.redress.app.store.Inbox;
import org.redress.app.store.Outbound;
import org.redress.app.store.Promises;
import org.redress.app.store.QuarantineShelf;
import org.redress.app.store.Tx;
import org.redress.app.store.Database;
import org.redress.core.abuse.AbuseProtocol;
import org.redress.core.call.CallRules;
import org.redress.core.channel.Attachment;
import org.redress.core.channel.Batch;
import org.redress.core.channel.Checkpoint;
import org.redress.core.channel.Inbound;
import org.redress.core.channel.InboundMessage;
import org.redress.core.channel.Quarantined;
import org.redress.core.channel.SenderIdentity;
import org.redress.core.channel.Visibility;
import org.redress.core.classify.Triage;
import org.redress.core.complaint.Complaint;
import org.redress.core.complaint.Entry;
import org.redress.core.complaint.Status;
import org.redress.core.escalation.Escalator;
import org.redress.core.staff.Actor;
import org.redress.core.customer.Customer;
import org.redress.core.intake.InboundStore;
import org.redress.core.intake.IntakeCounts;
import org.redress.core.intake.Threading;
import org.redress.core.routing.RoutingTable;
import org.redress.core.sla.SlaClocks;
import org.redress.core.text.LanguageDetection;
import org.redress.core.triage.Signal;
import org.redress.core.triage.SignalCode;

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

    /** What intake does with a new complaint besides storing it. */
    public enum Mode {
        /** A live channel: the complaint's clocks start when it arrives, and the customer is acknowledged. */
        LIVE,
        /** Messages the desk takes in without answering automatically (an import, a retry, a walk-in, the demo). */
        QUIET,
        /**
         * An archive: the complaint is history, received when its sender says, stored closed with its clocks stopped
         * there, neither acknowledged nor escalated.
         */
        HISTORY
    }

    /** How much of a message triage reads. */
    static final int TRIAGED_CHARS = 10_000;

    private final Database database;
    private final String plugin;
    private final Triage triage;
    private final LanguageDetection detection;
    private final RoutingTable routing;
    private final Clock clock;
    private final Mode mode;
    /** Whether a channel instance can send: one that only reads is owed no acknowledgement. */
    private final java.util.function.Predicate<String> replies;
    private final DeskConfig.IntakeRules rules;
    private final Complaints complaints;
    private final Inbox inbox;
    private final Escalator escalator;
    private final CallIntake calls;

    /**
     * Assessments made ahead ({@link #assessAhead}) of the batches the channel read next, at most the two latest, each
     * known by the batch's identity (a batch's equality compares its messages' raw bytes).
     */
    private final java.util.Deque<Assessed> ahead = new java.util.ArrayDeque<>();

    private record Assessed(Batch batch, List<Triage.Result> results) {
    }

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
     * Built by the desk ({@code Desk.intake}) from its configuration, one per channel instance.
     *
     * @param mode        whether a new complaint is acknowledged automatically, or is history
     */
    public DeskIntake(Database database, Complaints complaints, Promises promises, Inbox inbox, String plugin, Triage triage,
                      LanguageDetection detection, RoutingTable routing, Escalator escalator, CallRules callRules,
                      DeskConfig.IntakeRules rules, Clock clock, Mode mode, java.util.function.Predicate<String> replies) {
        this.rules = rules;
        this.replies = replies;
        this.calls = new CallIntake(complaints, promises, callRules, escalator);
        this.database = database;
        this.complaints = complaints;
        this.inbox = inbox;
        this.plugin = plugin;
        this.triage = triage;
        this.detection = detection;
        this.routing = routing;
        this.escalator = escalator;
        this.clock = clock;
        this.mode = mode;
    }

    public Counts counts() {
        return new Counts(read.get(), created.get(), appended.get(), systemEntries.get(), parked.get(), duplicates.get(),
                quarantined.get());
    }

    @Override
    public Checkpoint checkpoint(String instance) {
        return inbox.checkpoint(instance);
    }

    @Override
    public IntakeCounts store(String instance, Batch batch) {
        // language and triage need no database: done for the whole batch on every core before the transaction,
        // which then holds its locks only for the writes (a follow-up's assessment is simply not used)
        List<InboundMessage> people = people(batch);
        List<Triage.Result> results = takeAhead(batch).orElseGet(() -> people.parallelStream().map(this::assess).toList());
        assessed.clear();
        for (int i = 0; i < people.size(); i++) {
            assessed.put(people.get(i), results.get(i));
        }
        List<String> ids = batch.items().stream().filter(i -> i instanceof InboundMessage).map(i -> ((InboundMessage) i).externalId())
                .distinct().toList();
        Tally tally = database.inTransaction(h -> {
            Tally t = new Tally();
            t.stored.addAll(Inbox.alreadyStored(h, instance, ids));
            for (Inbound item : batch.items()) {
                if (item instanceof Quarantined q) {
                    storeQuarantined(h, instance, q, t);
                } else {
                    storeMessage(h, instance, (InboundMessage) item, t);
                }
            }
            Inbox.saveCheckpoint(h, instance, plugin, batch.next(), clock.instant());
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
     * Language and triage of a batch that will be stored next, done now on the caller's thread (the import's reader,
     * which has read the batch while the desk stores the one before): the store then only writes, and the two cores
     * parse and assess on one side while they write on the other. Assessment needs no database, so doing it early
     * changes nothing but when; a batch the desk does not store after all is forgotten after two more.
     */
    public void assessAhead(Batch batch) {
        List<Triage.Result> results = people(batch).parallelStream().map(this::assess).toList();
        synchronized (ahead) {
            ahead.addLast(new Assessed(batch, results));
            while (ahead.size() > 2) {
                ahead.removeFirst();
            }
        }
    }

    private Optional<List<Triage.Result>> takeAhead(Batch batch) {
        synchronized (ahead) {
            for (java.util.Iterator<Assessed> i = ahead.iterator(); i.hasNext(); ) {
                Assessed a = i.next();
                if (a.batch() == batch) {
                    i.remove();
                    return Optional.of(a.results());
                }
            }
        }
        return Optional.empty();
    }

    /** The messages of a batch that people sent: what language and triage are for. */
    private static List<InboundMessage> people(Batch batch) {
        return batch.items().stream().filter(i -> i instanceof InboundMessage m && !m.isAutomated()).map(InboundMessage.class::cast).toList();
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

    private void storeQuarantined(Tx h, String instance, Quarantined q, Tally t) {
        if (!QuarantineShelf.hold(h, instance, q, clock.instant())) {
            t.duplicates++;
        } else {
            t.quarantined++;
        }
    }

    private void storeMessage(Tx h, String instance, InboundMessage received, Tally t) {
        InboundMessage m = answeredAt(received);
        if (!t.stored.add(m.externalId())) {
            t.duplicates++;
            return;
        }
        if (CallRules.isCall(m) && mode != Mode.HISTORY) {
            CallIntake.Stored call = calls.store(h, m, (tx, c, first, subject) -> create(tx, instance, c, first, subject), clock.instant());
            if (call.complaint() == null) {
                t.parked++;
            } else if (call.created()) {
                t.created++;
            } else {
                t.appended++;
            }
            Inbox.record(h, instance, m, call.disposition(), call.complaint(), "call", clock.instant());
            return;
        }
        Threading.Decision decision = new Threading(Inbox.conversations(h)).decide(m);
        Long number = null;
        String disposition;
        if (decision instanceof Threading.NewComplaint) {
            number = create(h, instance, m, null, subjectOf(m));
            disposition = "complaint";
            t.created++;
        } else if (decision instanceof Threading.FollowUp f) {
            number = f.complaint().value();
            append(h, number, m);
            if (CallRules.isNote(m)) {
                calls.notePromises(h, m, language(m), number);
            }
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
        if (number != null && !m.isAutomated() && (disposition.equals("complaint") || disposition.equals("follow-up"))) {
            for (Attachment file : m.attachments()) {
                Attachments.keep(h, number, m.externalId(), file, clock.instant());
            }
        }
        Inbox.record(h, instance, m, disposition, number, decision.reason(), clock.instant());
    }

    /** Letters enough to tell a language by; fewer (an empty body, "Re: ok") say nothing. */
    static final int LETTERS_TO_DETECT = 12;

    /** Language and triage of a message a person sent, from what it says alone (no database needed). */
    private Triage.Result assess(InboundMessage m) {
        String opening = (m.subject() + "\n" + m.text()).strip();
        // a few hundred characters tell the language as well as the whole text, at a fraction of the cost
        String sample = opening.substring(0, Math.min(opening.length(), 400));
        String language = m.languageHint().map(l -> l.toLowerCase().replaceAll("[-_].*", ""))
                .filter(Triage.LANGUAGES::contains)
                .or(() -> sample.codePoints().filter(Character::isLetter).count() < LETTERS_TO_DETECT ? Optional.empty()
                        : detection.detect(sample))
                .orElse(rules.language());
        if (!Triage.LANGUAGES.contains(language)) {
            // a language the desk has no rules for: marked as what it is, read by no other language's rules
            Triage.Result none = triage.triage("", rules.language(), OptionalLong.empty());
            return new Triage.Result(language, List.of(), none.priority(), none.category());
        }
        Optional<Long> followers = m.attribute(InboundMessage.FOLLOWERS);
        // triage reads what a person wrote; past TRIAGED_CHARS it is pasted logs or newsletters, not the complaint
        return triage.triage(opening.substring(0, Math.min(opening.length(), TRIAGED_CHARS)), language,
                followers.map(OptionalLong::of).orElse(OptionalLong.empty()));
    }

    /** Opens a complaint; its first entry is what the customer wrote, or {@code first} (a call) when given. */
    private long create(Tx h, String instance, InboundMessage m, Entry first, String subject) {
        long customer = CustomerBook.customerOf(h, m.sender(), clock.instant());
        Triage.Result result = assessed.containsKey(m) ? assessed.get(m) : assess(m);
        Complaint.Number number = Complaints.nextNumber(h);
        Instant now = clock.instant();
        Optional<Instant> arrivedLongAgo = arrivedLongAgo(m, now);
        // this message is history when it arrived long ago, whatever the channel's mode
        Mode as = arrivedLongAgo.isPresent() ? Mode.HISTORY : mode;
        // the desk's clocks run from when the desk received the complaint: a sender's Date is only what they claim
        // (a wrong clock); an archive keeps its own dates as history, and old mail in a mailbox its arrival
        Instant at = arrivedLongAgo.orElse(as == Mode.HISTORY && m.sentAt().isBefore(now) ? m.sentAt() : now);
        // the complaint's channel is the channel instance it came through (its answers go back through it)
        Complaint complaint = Complaint.receive(number, new Customer.Id(customer), instance, subject,
                result.category(), result.priority(), result.language(), result.signals(),
                first != null ? first : new Entry.CustomerMessage(at, plugin, m.externalId(), m.sender().value(), m.text(), false,
                m.visibility() == Visibility.PUBLIC));
        if (as != Mode.HISTORY) {
            // a threat in the first message (legal, regulator, chargeback, going public) escalates at once
            escalator.on(complaint, complaint.signals());
            abuseSeen(complaint, result.signals(), at);
        }
        complaint.route(routing.teamFor(complaint.category()), now);
        SlaClocks clocks = SlaClocks.start(complaint.number(), complaint.priority(), complaint.receivedAt(), complaints.policy());
        if (as == Mode.HISTORY) {
            complaint.transition(Status.CLOSED, Actor.DESK, arrivedLongAgo.isPresent() ? "arrived in the mailbox on " + at
                    + ", more than " + rules.historyBefore().toDays() + " days before the desk read it: kept as history" : "imported as history", at);
            clocks.onTransition(Status.RECEIVED, Status.CLOSED, at);
        }
        complaints.insert(h, complaint, clocks);
        Inbox.reference(h, m.externalId(), number.value());
        if (as == Mode.LIVE && first == null && replies.test(instance) && !m.attribute(InboundMessage.NO_AUTOMATIC_ANSWER).orElse(false)) {
            // in the customer's language when the desk writes it, else in the desk's own
            owe(h, instance, number.value(), m, complaint.language().filter(Triage.LANGUAGES::contains).orElse(rules.language()));
        }
        return number.value();
    }

    /**
     * When a live channel's message reached its mailbox, if that was longer ago than the desk's history horizon: old
     * mail in a mailbox connected today is history, not a flood of complaints breaching their clocks at once.
     */
    private Optional<Instant> arrivedLongAgo(InboundMessage m, Instant now) {
        if (mode != Mode.LIVE || rules.historyBefore().isZero()) {
            return Optional.empty();
        }
        return m.attribute(InboundMessage.ARRIVED_AT).filter(at -> at.isBefore(now.minus(rules.historyBefore())));
    }

    /**
     * The message as from the person answers go to: a web form's mail sent from a no-reply address with the
     * customer in Reply-To is the customer's, so the desk knows them by that address and answers there.
     */
    private InboundMessage answeredAt(InboundMessage m) {
        String replyTo = m.attribute(InboundMessage.REPLY_TO).orElse(null);
        if (replyTo == null || m.isAutomated()) {
            return m;
        }
        InboundMessage as = m.from(SenderIdentity.email(replyTo, m.sender().displayName()));
        Triage.Result r = assessed.remove(m);
        if (r != null) {
            assessed.put(as, r);
        }
        return as;
    }

    private String language(InboundMessage m) {
        Triage.Result r = assessed.get(m);
        return r == null ? rules.language() : r.language();
    }

    /** A post or a call has no subject: the queue shows the start of what the customer said instead. */
    static String subjectOf(InboundMessage m) {
        if (!m.subject().isBlank()) {
            return m.subject();
        }
        String text = m.text().strip().replaceAll("\\s+", " ");
        return text.length() <= 80 ? text : text.substring(0, text.lastIndexOf(' ', 80) > 40 ? text.lastIndexOf(' ', 80) : 80) + "…";
    }

    private void append(Tx h, long number, InboundMessage m) {
        Inbox.reference(h, m.externalId(), number);
        Triage.Result result = assessed.get(m);
        complaints.changeNow(h, number, c -> {
            Instant at = clock.instant();
            c.append(new Entry.CustomerMessage(at, plugin, m.externalId(), m.sender().value(), m.text(), false,
                m.visibility() == Visibility.PUBLIC));
            if (c.status() == Status.CLOSED) {
                // the customer writes again about a closed complaint: the desk reopens it rather than losing the answer
                c.transition(Status.REOPENED, Actor.DESK, "the customer wrote again (" + m.externalId() + ")", at);
            }
            if (result != null) {
                abuseSeen(c, result.signals(), at);
                // what the customer says now counts: a new threat in a follow-up escalates like one in the first message
                List<Signal> fresh = result.signals().stream().filter(s -> !c.has(s.code())).toList();
                if (!fresh.isEmpty()) {
                    c.addSignals(fresh, at);
                    escalator.on(c, fresh);
                }
            }
        });
    }

    /**
     * An insult starts the abuse protocol (the agent is offered the scripted warning), or, after a warning, lets the
     * agent end the conversation; a conversation already ended stays ended.
     */
    private static void abuseSeen(Complaint c, List<Signal> signals, Instant at) {
        signals.stream().filter(s -> s.code() == SignalCode.INSULT).findFirst().ifPresent(insult -> {
            AbuseProtocol protocol = AbuseProtocol.of(c);
            if (protocol.state() != AbuseProtocol.State.ENDED) {
                int logged = protocol.log().size();
                protocol.abuseSeen(insult.evidence(), at);
                c.recordAll(protocol.since(logged));
            }
        });
    }

    /** Machine mail about a complaint (a bounce, an out-of-office): recorded, and nothing else changes. */
    private void attachSystemEntry(Tx h, long number, InboundMessage m) {
        String kind = m.automated().map(a -> a.kind().name()).orElse("AUTOMATED");
        complaints.note(h, number, new Entry.SystemEvent(clock.instant(), kind.toLowerCase(),
                m.automated().map(a -> a.reason()).orElse("") + ": " + m.subject() + "\n" + m.text()));
    }

    private void owe(Tx h, String instance, long number, InboundMessage m, String language) {
        String tag = "[#" + number + "]";
        // another desk's tag in the customer's subject is dropped: the complaint's own number is the one that counts;
        // a public post is acknowledged where it was made (the text names only the complaint's number)
        String subject = m.subject().isBlank() ? Acknowledgement.subject(language) + " " + tag : Outbound.answering(m.subject(), tag);
        Outbound.owe(h, Outbox.ACKNOWLEDGEMENT + number, number, instance, m.sender(), subject, Acknowledgement.text(language, number),
                m.externalId(), true, m.visibility() == Visibility.PUBLIC, clock.instant());
    }
}
