package org.redress.app.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.redress.core.complaint.AuditRecord;
import org.redress.core.complaint.Category;
import org.redress.core.complaint.Complaint;
import org.redress.core.complaint.Entry;
import org.redress.core.complaint.EscalationLevel;
import org.redress.core.complaint.Priority;
import org.redress.core.complaint.Status;
import org.redress.core.complaint.Transfer;
import org.redress.core.customer.Customer;
import org.redress.core.sla.SlaClock;
import org.redress.core.sla.SlaClocks;
import org.redress.core.sla.SlaMetric;
import org.redress.core.sla.SlaPolicy;
import org.redress.core.staff.Actor;
import org.redress.core.staff.Role;
import org.redress.core.triage.Signal;
import org.redress.core.triage.SignalCode;

/**
 * The desk's complaints: loaded whole (timeline, audit trail, SLA clocks) and changed through core's own rules,
 * with optimistic locking. A change names the version it was made against; if anybody changed the complaint
 * since, the change is refused with a {@link ConcurrentChangeException} and nothing is written.
 */
public final class Complaints {

    /** A complaint with its SLA clocks, as stored. */
    public record Loaded(Complaint complaint, SlaClocks clocks) {
    }

    private final Database database;
    private final SlaPolicy sla;
    private final Clock clock;

    public Complaints(Database database, SlaPolicy sla, Clock clock) {
        this.database = database;
        this.sla = sla;
        this.clock = clock;
    }

    public SlaPolicy policy() {
        return sla;
    }

    public Optional<Loaded> find(long number) {
        return database.jdbi().withHandle(h -> load(h, number));
    }

    /** @throws NotFoundException when the desk has no complaint with this number */
    public Loaded require(long number) {
        return find(number).orElseThrow(() -> notFound(number));
    }

    /**
     * Applies a change to the complaint as it is at {@code expectedVersion}, keeping its SLA clocks in step
     * (transitions pause, resume and stop them; replies restart the next-update clock).
     *
     * @return the complaint after the change
     * @throws ConcurrentChangeException when the complaint is no longer at {@code expectedVersion}
     * @throws NotFoundException         when there is no such complaint
     */
    public Complaint change(long number, long expectedVersion, Consumer<Complaint> change) {
        return change(number, expectedVersion, change, (h, c) -> { });
    }

    /**
     * As {@link #change(long, long, Consumer)}, and then {@code alsoWrite} in the same transaction (what the change
     * owes elsewhere: promises, outbound messages, audit records of decisions made around it).
     */
    public Complaint change(long number, long expectedVersion, Consumer<Complaint> change, BiConsumer<Handle, Complaint> alsoWrite) {
        return database.jdbi().inTransaction(h -> {
            Loaded loaded = load(h, number).orElseThrow(() -> notFound(number));
            Complaint c = loaded.complaint();
            if (c.version() != expectedVersion) {
                throw conflict(h, number, expectedVersion, c.version());
            }
            apply(h, loaded, (complaint, clocks) -> change.accept(complaint), false);
            alsoWrite.accept(h, c);
            return c;
        });
    }

    /** Applies a change to the complaint as it is now, in the caller's transaction (for the desk's own jobs). */
    public Complaint changeNow(Handle h, long number, Consumer<Complaint> change) {
        Loaded loaded = load(h, number).orElseThrow(() -> notFound(number));
        apply(h, loaded, (complaint, clocks) -> change.accept(complaint), false);
        return loaded.complaint();
    }

    /**
     * Applies a change that reads or moves the complaint's SLA clocks too (the scheduler's checks), in the caller's
     * transaction; the clocks are saved even when the complaint itself did not change.
     */
    public Complaint changeWithClocks(Handle h, long number, BiConsumer<Complaint, SlaClocks> change) {
        Loaded loaded = load(h, number).orElseThrow(() -> notFound(number));
        apply(h, loaded, change, true);
        return loaded.complaint();
    }

    private void apply(Handle h, Loaded loaded, BiConsumer<Complaint, SlaClocks> change, boolean clocksChanged) {
        Complaint c = loaded.complaint();
        long before = c.version();
        Status statusBefore = c.status();
        Priority priorityBefore = c.priority();
        int entries = c.timeline().size();
        int audits = c.audit().size();
        int signals = c.signals().size();
        SlaClocks clocks = loaded.clocks();
        change.accept(c, clocks);
        if (c.version() == before) {
            if (clocksChanged) {
                saveClocks(h, c.number().value(), clocks);
            }
            return;
        }
        Instant now = clock.instant();
        List<Entry> added = c.timeline().subList(entries, c.timeline().size());
        for (AuditRecord r : c.audit().subList(audits, c.audit().size())) {
            if (r.action().equals("transition")) {
                clocks.onTransition(Status.valueOf(r.before()), Status.valueOf(r.after()), r.at());
            }
        }
        for (Entry e : added) {
            if (e instanceof Entry.Reply reply) {
                clocks.onReply(reply.at(), reply.eta());
            }
        }
        if (c.priority() != priorityBefore) {
            clocks.reprioritise(c.priority());
        }
        int updated = h.createUpdate("update complaint set customer_id = :customer, category = :category, priority = :priority, "
                        + "status = :status, team = :team, owner = :owner, escalation = :escalation, root_cause = :rootCause, "
                        + "closed_at = :closedAt, reopen_count = :reopens, transfer_team = :tTeam, transfer_owner = :tOwner, "
                        + "transfer_by = :tBy, transfer_at = :tAt, transfer_reason = :tReason, updated_at = :now, "
                        + "version = :version, open = :open, due_at = :due where number = :n and version = :expected")
                .bind("customer", c.customer().value()).bind("category", c.category().code())
                .bind("priority", c.priority().name()).bind("status", c.status().name()).bind("team", c.team().orElse(null))
                .bind("owner", c.owner().orElse(null)).bind("escalation", c.escalation().name())
                .bind("rootCause", c.rootCause().orElse(null)).bind("closedAt", at(c.closedAt().orElse(null)))
                .bind("reopens", c.reopenCount())
                .bind("tTeam", c.pendingTransfer().map(Transfer::toTeam).orElse(null))
                .bind("tOwner", c.pendingTransfer().flatMap(Transfer::toOwner).orElse(null))
                .bind("tBy", c.pendingTransfer().map(t -> actor(t.requestedBy())).orElse(null))
                .bind("tAt", at(c.pendingTransfer().map(Transfer::at).orElse(null)))
                .bind("tReason", c.pendingTransfer().map(Transfer::reason).orElse(null))
                .bind("now", at(now)).bind("version", c.version()).bind("open", c.status().isOpen())
                .bind("due", at(resolutionDeadline(clocks))).bind("n", c.number().value()).bind("expected", before)
                .execute();
        if (updated == 0) {
            // another transaction got in between our read and this write
            throw conflict(h, c.number().value(), before, before + 1);
        }
        for (Entry e : added) {
            insertEntry(h, c.number().value(), e);
        }
        for (AuditRecord r : c.audit().subList(audits, c.audit().size())) {
            audit(h, c.number().value(), r);
            if (r.action().equals("escalate")) {
                escalation(h, c.number().value(), r);
            }
        }
        for (Signal s : c.signals().subList(signals, c.signals().size())) {
            insertSignal(h, c.number().value(), s);
        }
        if (clocksChanged || c.status() != statusBefore || !added.isEmpty() || c.priority() != priorityBefore) {
            saveClocks(h, c.number().value(), clocks);
        }
    }

    private Instant resolutionDeadline(SlaClocks clocks) {
        return clocks.clock(SlaMetric.RESOLUTION).filter(c -> !c.isStopped()).map(c -> c.deadline(sla.calendar())).orElse(null);
    }

    // ---- reading --------------------------------------------------------------------------------------

    private Optional<Loaded> load(Handle h, long number) {
        Optional<Complaint.Snapshot> head = h.createQuery("select * from complaint where number = :n").bind("n", number)
                .map((rs, ctx) -> snapshotHead(rs)).findOne();
        if (head.isEmpty()) {
            return Optional.empty();
        }
        List<Signal> signals = h.createQuery("select code, evidence, span_start, span_end from complaint_signal "
                        + "where complaint_number = :n")
                .bind("n", number).map((rs, ctx) -> new Signal(SignalCode.valueOf(rs.getString("code")), rs.getString("evidence"),
                        rs.getInt("span_start"), rs.getInt("span_end"))).list();
        String channel = head.get().channel();
        List<Entry> timeline = h.createQuery("select * from complaint_entry where complaint_number = :n order by id")
                .bind("n", number).map((rs, ctx) -> entry(rs, channel)).list();
        List<AuditRecord> audit = h.createQuery("select * from audit_record where complaint_number = :n order by id")
                .bind("n", number).map((rs, ctx) -> new AuditRecord(instant(rs, "at"),
                        actor(rs.getString("actor"), rs.getString("actor_role")), rs.getString("action"),
                        rs.getString("before_value"), rs.getString("after_value"), rs.getString("reason"))).list();
        Complaint.Snapshot s = head.get();
        Complaint complaint = Complaint.restore(new Complaint.Snapshot(s.number(), s.customer(), s.channel(), s.subject(),
                s.category(), s.priority(), s.language(), s.status(), s.owner(), s.team(), s.escalation(),
                s.pendingTransfer(), s.rootCause(), s.receivedAt(), s.closedAt(), s.reopenCount(), s.version(), signals,
                timeline, audit));
        return Optional.of(new Loaded(complaint, clocks(h, number, complaint)));
    }

    private static Complaint.Snapshot snapshotHead(ResultSet rs) throws SQLException {
        String tTeam = rs.getString("transfer_team");
        Transfer transfer = tTeam == null ? null : new Transfer(tTeam, Optional.ofNullable(rs.getString("transfer_owner")),
                actor(rs.getString("transfer_by"), null), instant(rs, "transfer_at"), nz(rs.getString("transfer_reason")));
        return new Complaint.Snapshot(new Complaint.Number(rs.getLong("number")), new Customer.Id(rs.getLong("customer_id")),
                rs.getString("channel"), rs.getString("subject"), new Category(rs.getString("category")),
                Priority.valueOf(rs.getString("priority")), rs.getString("language"), Status.valueOf(rs.getString("status")),
                rs.getString("owner"), rs.getString("team"), EscalationLevel.valueOf(rs.getString("escalation")), transfer,
                rs.getString("root_cause"), instant(rs, "received_at"), instant(rs, "closed_at"), rs.getInt("reopen_count"),
                rs.getLong("version"), List.of(), List.of(), List.of());
    }

    private static Entry entry(ResultSet rs, String complaintChannel) throws SQLException {
        String kind = rs.getString("kind");
        Instant at = instant(rs, "at");
        String author = rs.getString("author");
        String text = rs.getString("text");
        String role = rs.getString("author_role");
        String externalId = rs.getString("external_id");
        if (kind.startsWith("system:")) {
            return new Entry.SystemEvent(at, kind.substring("system:".length()), text);
        }
        return switch (kind) {
            case "inbound" -> new Entry.Inbound(at, Optional.ofNullable(rs.getString("channel")).orElse(complaintChannel),
                    externalId, author, text, rs.getBoolean("automated"));
            case "reply" -> new Entry.Reply(at, actor(author, role), text,
                    Optional.ofNullable(instant(rs, "eta")));
            case "note" -> new Entry.InternalNote(at, actor(author, role), text);
            case "call" -> new Entry.Call(at, nz(rs.getString("call_id")), author, nz(rs.getString("outcome")),
                    Optional.ofNullable(role).map(r -> actor(externalId, r)), text);
            default -> new Entry.SystemEvent(at, kind, text);
        };
    }

    private SlaClocks clocks(Handle h, long number, Complaint complaint) {
        List<SlaClock.Stored> current = new ArrayList<>();
        List<SlaClock.Stored> replaced = new ArrayList<>();
        h.createQuery("select * from sla_clock where complaint_number = :n order by id").bind("n", number)
                .map((rs, ctx) -> {
                    Object missed = rs.getObject("missed");
                    SlaClock.Stored s = new SlaClock.Stored(SlaMetric.valueOf(rs.getString("metric")), instant(rs, "started_at"),
                            Duration.ofSeconds(rs.getLong("target_seconds")), instant(rs, "fixed_deadline"),
                            instant(rs, "paused_since"), Duration.ofSeconds(rs.getLong("paused_seconds")),
                            instant(rs, "stopped_at"), rs.getBoolean("warned"), rs.getBoolean("breached"),
                            missed == null ? null : rs.getBoolean("missed"));
                    return rs.getBoolean("current_clock") ? current.add(s) : replaced.add(s);
                }).list();
        if (current.isEmpty()) {
            // stored before the desk kept clocks: they start from receipt
            return SlaClocks.start(complaint.number(), complaint.priority(), complaint.receivedAt(), sla);
        }
        return SlaClocks.restore(complaint.number(), complaint.priority(), sla, current, replaced);
    }

    // ---- writing (also used by intake, in its own transaction) -----------------------------------------

    /** Replaces the stored clocks of a complaint with these. */
    public void saveClocks(Handle h, long number, SlaClocks clocks) {
        h.createUpdate("delete from sla_clock where complaint_number = :n").bind("n", number).execute();
        for (SlaClock.Stored s : clocks.replaced()) {
            insertClock(h, number, s, false);
        }
        for (SlaClock.Stored s : clocks.current()) {
            insertClock(h, number, s, true);
        }
    }

    private void insertClock(Handle h, long number, SlaClock.Stored s, boolean current) {
        h.createUpdate("insert into sla_clock (complaint_number, metric, current_clock, started_at, target_seconds, fixed_deadline, "
                        + "paused_since, paused_seconds, stopped_at, warned, breached, missed, next_check_at) values (:n, :metric, "
                        + ":current, :start, :target, :fixed, :pausedSince, :paused, :stopped, :warned, :breached, :missed, :next)")
                .bind("n", number).bind("metric", s.metric().name()).bind("current", current).bind("start", at(s.start()))
                .bind("target", s.target().toSeconds()).bind("fixed", at(s.fixedDeadline())).bind("pausedSince", at(s.pausedSince()))
                .bind("paused", s.paused().toSeconds()).bind("stopped", at(s.stoppedAt())).bind("warned", s.warned())
                .bind("breached", s.breached()).bind("missed", s.missed())
                .bind("next", current ? at(nextCheck(s)) : null).execute();
    }

    /**
     * When a clock can next owe an event: its warning point until it warned, then its deadline; a clock that
     * stopped late still owes its breach; a paused clock owes nothing until it resumes (which saves it again).
     */
    Instant nextCheck(SlaClock.Stored s) {
        if (s.breached()) {
            return null;
        }
        if (s.stoppedAt() != null) {
            return Boolean.TRUE.equals(s.missed()) ? s.stoppedAt() : null;
        }
        if (s.pausedSince() != null) {
            return null;
        }
        Instant deadline = s.fixedDeadline() != null ? s.fixedDeadline()
                : sla.calendar().plus(s.start(), s.target().plus(s.paused()));
        if (s.warned()) {
            return deadline.plusSeconds(1);
        }
        Duration whole = s.fixedDeadline() != null ? sla.calendar().between(s.start(), s.fixedDeadline()) : s.target();
        Duration warnAfter = Duration.ofMillis((long) Math.ceil(whole.toMillis() * sla.warnAt()));
        return s.fixedDeadline() != null ? sla.calendar().plus(s.start(), warnAfter)
                : sla.calendar().plus(s.start(), warnAfter.plus(s.paused()));
    }

    public static void insertEntry(Handle h, long number, Entry e) {
        String kind;
        String author;
        String role = null;
        String text;
        String externalId = null;
        String channel = null;
        Instant eta = null;
        String callId = null;
        String outcome = null;
        boolean automated = false;
        if (e instanceof Entry.Inbound in) {
            kind = "inbound";
            author = in.from();
            text = in.text();
            externalId = in.externalId();
            automated = in.automated();
            channel = in.channel();
        } else if (e instanceof Entry.Reply r) {
            kind = "reply";
            author = r.author().id();
            role = r.author().role().name();
            text = r.text();
            eta = r.eta().orElse(null);
        } else if (e instanceof Entry.InternalNote n) {
            kind = "note";
            author = n.author().id();
            role = n.author().role().name();
            text = n.text();
        } else if (e instanceof Entry.Call call) {
            kind = "call";
            author = call.caller();
            text = call.notes();
            callId = call.callId();
            outcome = call.outcome();
            externalId = call.agent().map(Actor::id).orElse(null);
            role = call.agent().map(a -> a.role().name()).orElse(null);
        } else {
            Entry.SystemEvent s = (Entry.SystemEvent) e;
            kind = "system:" + s.kind();
            author = "desk";
            text = s.text();
            automated = true;
        }
        h.createUpdate("insert into complaint_entry (complaint_number, at, kind, author, text, external_id, automated, channel, "
                        + "author_role, eta, call_id, outcome) values (:n, :at, :kind, :author, :text, :externalId, :automated, "
                        + ":channel, :role, :eta, :callId, :outcome)")
                .bind("n", number).bind("at", at(e.at())).bind("kind", cut(kind, 32)).bind("author", cut(author, 500))
                .bind("text", text).bind("externalId", cut(externalId, 1000)).bind("automated", automated)
                .bind("channel", cut(channel, 100)).bind("role", role).bind("eta", at(eta)).bind("callId", cut(callId, 300))
                .bind("outcome", cut(outcome, 32)).execute();
    }

    public static void audit(Handle h, long number, AuditRecord a) {
        h.createUpdate("insert into audit_record (complaint_number, at, actor, actor_role, action, before_value, after_value, reason) "
                        + "values (:n, :at, :actor, :role, :action, :before, :after, :reason)")
                .bind("n", number).bind("at", at(a.at())).bind("actor", cut(a.actor().id(), 200)).bind("role", a.actor().role().name())
                .bind("action", a.action()).bind("before", cut(nz(a.before()), 200)).bind("after", cut(nz(a.after()), 200))
                .bind("reason", cut(nz(a.reason()), 2000)).execute();
    }

    /** The escalation log supervisors read: who moved which complaint up, from where to where, and on what trigger. */
    public static void escalation(Handle h, long number, AuditRecord r) {
        String reason = nz(r.reason());
        String trigger = reason.startsWith("SLA breached") ? "sla-breach" : reason.startsWith("promise broken") ? "broken-promise"
                : reason.startsWith("stuck") ? "stuck" : reason.startsWith("triage") ? "triage-signal" : "manual";
        h.createUpdate("insert into escalation (complaint_number, at, from_level, to_level, trigger_kind, reason, actor) "
                        + "values (:n, :at, :from, :to, :trigger, :reason, :actor)")
                .bind("n", number).bind("at", at(r.at())).bind("from", r.before()).bind("to", r.after()).bind("trigger", trigger)
                .bind("reason", cut(reason, 2000)).bind("actor", cut(actor(r.actor()), 200)).execute();
    }

    public static void insertSignal(Handle h, long number, Signal s) {
        h.createUpdate("insert into complaint_signal (complaint_number, code, evidence, span_start, span_end) "
                        + "values (:n, :code, :evidence, :start, :end)")
                .bind("n", number).bind("code", s.code().name()).bind("evidence", cut(s.evidence(), 1000))
                .bind("start", s.start()).bind("end", s.end()).execute();
    }

    // ---- helpers ----------------------------------------------------------------------------------------

    private static final Pattern ACTOR_WITH_ROLE = Pattern.compile("(.+) \\((\\w+)\\)");

    /** An actor from its stored id and role; rows written before roles had a column hold "id (role)". */
    public static Actor actor(String id, String role) {
        if (role != null) {
            return new Actor(id, Role.valueOf(role));
        }
        Matcher m = ACTOR_WITH_ROLE.matcher(id == null ? "" : id);
        if (m.matches()) {
            try {
                return new Actor(m.group(1), Role.valueOf(m.group(2).toUpperCase(java.util.Locale.ROOT)));
            } catch (IllegalArgumentException ignored) {
                // not a role: the whole string is the id
            }
        }
        return id == null || id.isBlank() ? Actor.DESK : new Actor(id, Role.SYSTEM);
    }

    public static String actor(Actor a) {
        return a.id() + " (" + a.role().name().toLowerCase(java.util.Locale.ROOT) + ")";
    }

    private ConcurrentChangeException conflict(Handle h, long number, long expected, long actual) {
        String last = h.createQuery("select actor, actor_role, action, at from audit_record where complaint_number = :n "
                        + "order by id desc limit 1")
                .bind("n", number).map((rs, ctx) -> actor(actor(rs.getString("actor"), rs.getString("actor_role"))) + " "
                        + rs.getString("action") + " at " + instant(rs, "at")).findOne().orElse("");
        long now = h.createQuery("select version from complaint where number = :n").bind("n", number).mapTo(Long.class)
                .findOne().orElse(actual);
        return new ConcurrentChangeException("complaint #" + number, expected, now, last);
    }

    private static NotFoundException notFound(long number) {
        return new NotFoundException("there is no complaint #" + number);
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    public static OffsetDateTime at(Instant i) {
        return i == null ? null : i.atOffset(ZoneOffset.UTC);
    }

    public static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
