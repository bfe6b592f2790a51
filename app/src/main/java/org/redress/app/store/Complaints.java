package org.redress.app.store;

import org.redress.core.complaint.AuditAction;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.redress.core.complaint.AuditRecord;
import org.redress.core.complaint.Complaint;
import org.redress.core.complaint.Entry;
import org.redress.core.complaint.Priority;
import org.redress.core.complaint.Status;
import org.redress.core.complaint.Transfer;
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
    public Complaint change(long number, long expectedVersion, Consumer<Complaint> change, BiConsumer<Tx, Complaint> alsoWrite) {
        return database.jdbi().inTransaction(h -> {
            Loaded loaded = load(h, number).orElseThrow(() -> notFound(number));
            Complaint c = loaded.complaint();
            if (c.version() != expectedVersion) {
                throw conflict(h, number, expectedVersion, c.version());
            }
            apply(h, loaded, (complaint, clocks) -> change.accept(complaint), false);
            alsoWrite.accept(new Tx(h), c);
            return c;
        });
    }

    /** Applies a change to the complaint as it is now, in the caller's transaction (for the desk's own jobs). */
    public Complaint changeNow(Tx tx, long number, Consumer<Complaint> change) {
        return changeNow(tx.handle, number, change);
    }

    Complaint changeNow(Handle h, long number, Consumer<Complaint> change) {
        Loaded loaded = load(h, number).orElseThrow(() -> notFound(number));
        apply(h, loaded, (complaint, clocks) -> change.accept(complaint), false);
        return loaded.complaint();
    }

    /**
     * Applies a change that reads or moves the complaint's SLA clocks too (the scheduler's checks), in the caller's
     * transaction; the clocks are saved even when the complaint itself did not change.
     */
    public Complaint changeWithClocks(Tx tx, long number, BiConsumer<Complaint, SlaClocks> change) {
        Handle h = tx.handle;
        Loaded loaded = load(h, number).orElseThrow(() -> notFound(number));
        apply(h, loaded, change, true);
        return loaded.complaint();
    }

    /**
     * A person's message reached the customer at {@code at} (delivered by {@code channel}, or given in person when the
     * complaint has no address): the acknowledgement and first-response clocks are met then, and the audit trail
     * says so once.
     */
    public void answered(Tx tx, long number, String channel, Instant at) {
        changeWithClocks(tx, number, (c, clocks) -> {
            if (clocks.onAnswered(at)) {
                c.answered(channel, at);
            }
        });
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
                var figures = h.createUpdate("update complaint set " + ComplaintFigures.CLOCK_SETS + " where number = :n")
                        .bind("n", c.number().value());
                ComplaintFigures.bindClocks(figures, clocks);
                figures.execute();
            }
            return;
        }
        Instant now = clock.instant();
        List<Entry> added = c.timeline().subList(entries, c.timeline().size());
        for (AuditRecord r : c.audit().subList(audits, c.audit().size())) {
            if (r.is(AuditAction.TRANSITION)) {
                clocks.onTransition(Status.valueOf(r.before()), Status.valueOf(r.after()), r.at());
            }
        }
        for (Entry e : added) {
            if (e instanceof Entry.Reply reply) {
                clocks.onReplyWritten(reply.at(), reply.eta());
            }
        }
        if (c.priority() != priorityBefore) {
            clocks.reprioritise(c.priority());
        }
        var update = h.createUpdate("update complaint set customer_id = :customer, category = :category, priority = :priority, "
                        + "status = :status, team = :team, owner = :owner, escalation = :escalation, root_cause = :rootCause, "
                        + "closed_at = :closedAt, reopen_count = :reopens, transfer_team = :tTeam, transfer_owner = :tOwner, "
                        + "transfer_by = :tBy, transfer_at = :tAt, transfer_reason = :tReason, updated_at = :now, "
                        + "version = :version, open = :open, due_at = :due, replies = :replies, contacts = :contacts, "
                        + ComplaintFigures.CLOCK_SETS + " where number = :n and version = :expected")
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
                .bind("due", at(resolutionDeadline(clocks))).bind("n", c.number().value()).bind("expected", before);
        ComplaintFigures.bindEntries(update, c);
        ComplaintFigures.bindClocks(update, clocks);
        if (update.execute() == 0) {
            // another transaction got in between our read and this write
            throw conflict(h, c.number().value(), before, before + 1);
        }
        for (Entry e : added) {
            ComplaintRows.insertEntry(h, c.number().value(), e);
        }
        for (AuditRecord r : c.audit().subList(audits, c.audit().size())) {
            ComplaintRows.audit(h, c.number().value(), r);
            if (r.is(AuditAction.ESCALATE)) {
                ComplaintRows.escalation(h, c.number().value(), r);
            }
        }
        for (Signal s : c.signals().subList(signals, c.signals().size())) {
            ComplaintRows.insertSignal(h, c.number().value(), s);
        }
        if (clocksChanged || c.status() != statusBefore || !added.isEmpty() || c.priority() != priorityBefore) {
            saveClocks(h, c.number().value(), clocks);
        }
    }

    private Instant resolutionDeadline(SlaClocks clocks) {
        return clocks.clock(SlaMetric.RESOLUTION).filter(c -> !c.isStopped()).map(c -> c.deadline(sla.calendar())).orElse(null);
    }

    // ---- a new complaint ------------------------------------------------------------------------------

    /** The number the next complaint gets, from the database's sequence, in the caller's transaction. */
    public static Complaint.Number nextNumber(Tx tx) {
        return new Complaint.Number(tx.handle.createQuery("select nextval('complaint_number_seq')").mapTo(Long.class).one());
    }

    /**
     * Stores a complaint just received (by intake or at the desk), with its signals, first entries, audit trail
     * and SLA clocks, in the caller's transaction: the one place a complaint row is inserted.
     */
    public void insert(Tx tx, Complaint c, SlaClocks clocks) {
        Handle h = tx.handle;
        long number = c.number().value();
        Instant due = resolutionDeadline(clocks);
        var insert = h.createUpdate("insert into complaint (number, customer_id, channel, subject, category, priority, language, status, team, "
                        + "escalation, received_at, updated_at, version, due_at, open, closed_at, reopen_count, replies, contacts, "
                        + String.join(", ", ComplaintFigures.CLOCK_COLUMNS) + ") values (:number, :customer, "
                        + ":channel, :subject, :category, :priority, :language, :status, :team, :escalation, :received, :now, :version, :due, "
                        + ":open, :closedAt, 0, :replies, :contacts, :" + String.join(", :", ComplaintFigures.CLOCK_COLUMNS) + ")")
                .bind("open", c.status().isOpen()).bind("closedAt", at(c.closedAt().orElse(null)))
                .bind("version", c.version()).bind("due", at(due))
                .bind("number", number).bind("customer", c.customer().value()).bind("channel", c.channel())
                .bind("subject", cut(c.subject(), 2000)).bind("category", c.category().code())
                .bind("priority", c.priority().name()).bind("language", c.language().orElse(null))
                .bind("status", c.status().name()).bind("team", c.team().orElse(null)).bind("escalation", c.escalation().name())
                .bind("received", at(c.receivedAt())).bind("now", at(clock.instant()));
        ComplaintFigures.bindEntries(insert, c);
        ComplaintFigures.bindClocks(insert, clocks);
        insert.execute();
        SearchIndex.complaintAdded(h, number);
        for (Signal s : c.signals()) {
            ComplaintRows.insertSignal(h, number, s);
        }
        // a new complaint has no clocks to replace: inserted in one batch, without the delete
        insertClocks(h, number, clocks);
        for (Entry e : c.timeline()) {
            // the new complaint waits for the search index whole (complaintAdded): its entries need no row of their own
            ComplaintRows.insertEntry(h, number, e, false);
        }
        ComplaintRows.auditAll(h, number, c.audit());
        for (AuditRecord a : c.audit()) {
            if (a.is(AuditAction.ESCALATE)) {
                ComplaintRows.escalation(h, number, a);
            }
        }
    }

    /**
     * Puts what machines said about a complaint (a bounce, an out-of-office) on its timeline, in the caller's
     * transaction; the complaint itself does not change, so nobody's version goes stale for it.
     */
    public void note(Tx tx, long number, Entry.SystemEvent e) {
        ComplaintRows.insertEntry(tx.handle, number, e);
    }

    /** A clock whose estimate was early owes nothing yet: looked at again {@code later}, not on every run. */
    public static void lookAtClocksAgain(Tx tx, long complaint, Instant now, Instant later) {
        tx.handle.createUpdate("update sla_clock set next_check_at = :later where complaint_number = :n and next_check_at <= :now")
                .bind("later", at(later)).bind("n", complaint).bind("now", at(now)).execute();
    }

    /** The stuck job looked at this complaint now. */
    public static void stuckChecked(Tx tx, long complaint, Instant now) {
        tx.handle.createUpdate("update complaint set stuck_checked_at = :now where number = :n")
                .bind("now", at(now)).bind("n", complaint).execute();
    }

    // ---- reading --------------------------------------------------------------------------------------

    private Optional<Loaded> load(Handle h, long number) {
        return loadAll(h, "number = :n", "= :n", q -> q.bind("n", number)).stream().findFirst();
    }

    /** All of a customer's complaints, whole, oldest first, in the caller's transaction. */
    public List<Loaded> ofCustomer(Tx tx, long customer) {
        return loadAll(tx.handle, "customer_id = :c", "in (select number from complaint where customer_id = :c)", q -> q.bind("c", customer));
    }

    /** A customer's open complaints, whole, oldest first, in the caller's transaction. */
    public List<Loaded> openOf(Tx tx, long customer) {
        return loadAll(tx.handle, "customer_id = :c and open = true", "in (select number from complaint where customer_id = :c and open = true)",
                q -> q.bind("c", customer));
    }

    /** When a number's calls reached the desk since an instant (the calls on the desk's complaints). */
    public static List<Instant> callsFrom(Tx tx, String caller, Instant since) {
        return tx.handle.createQuery("select at from complaint_entry where author = :caller and kind = 'call' and at >= :since order by at")
                .bind("caller", caller).bind("since", at(since)).map((rs, ctx) -> instant(rs, "at")).list();
    }

    /** The complaints received since an instant, whole, oldest first: five queries however many there are. */
    public List<Loaded> receivedSinceWhole(Instant since) {
        return database.jdbi().withHandle(h -> loadAll(h, "received_at >= :since",
                "in (select number from complaint where received_at >= :since)", q -> q.bind("since", at(since))));
    }

    /**
     * Loads every complaint whose row matches {@code where}, each table read once for all of them; {@code numbers} is
     * the same choice as a condition on a complaint number (one complaint: its number, so each table is read by index).
     */
    private List<Loaded> loadAll(Handle h, String where, String numbers, Consumer<org.jdbi.v3.core.statement.SqlStatement<?>> bind) {
        var headQuery = h.createQuery("select * from complaint where " + where + " order by number");
        bind.accept(headQuery);
        List<Complaint.Snapshot> heads = headQuery.map((rs, ctx) -> ComplaintRows.snapshotHead(rs)).list();
        if (heads.isEmpty()) {
            return List.of();
        }
        Map<Long, List<Signal>> signals = new HashMap<>();
        Map<Long, List<Entry>> timelines = new HashMap<>();
        Map<Long, List<AuditRecord>> audits = new HashMap<>();
        Map<Long, String> channels = new HashMap<>();
        heads.forEach(x -> channels.put(x.number().value(), x.channel()));
        var q1 = h.createQuery("select complaint_number, code, evidence, span_start, span_end from complaint_signal "
                + "where complaint_number " + numbers);
        bind.accept(q1);
        q1.map((rs, ctx) -> {
            signals.computeIfAbsent(rs.getLong("complaint_number"), k -> new ArrayList<>()).add(new Signal(SignalCode.valueOf(rs.getString("code")),
                    rs.getString("evidence"), rs.getInt("span_start"), rs.getInt("span_end")));
            return 0;
        }).forEach(x -> { });
        var q2 = h.createQuery("select e.*, p.external_id as public_post from complaint_entry e left join public_post p "
                + "on p.complaint_number = e.complaint_number and p.external_id = e.external_id and e.kind = 'inbound' "
                + "where e.complaint_number " + numbers + " order by e.id");
        bind.accept(q2);
        q2.map((rs, ctx) -> {
            long n = rs.getLong("complaint_number");
            timelines.computeIfAbsent(n, k -> new ArrayList<>()).add(ComplaintRows.entry(rs, channels.get(n)));
            return 0;
        }).forEach(x -> { });
        var q3 = h.createQuery("select * from audit_record where complaint_number " + numbers + " order by id");
        bind.accept(q3);
        q3.map((rs, ctx) -> {
            audits.computeIfAbsent(rs.getLong("complaint_number"), k -> new ArrayList<>()).add(new AuditRecord(instant(rs, "at"),
                    actor(rs.getString("actor"), rs.getString("actor_role")), rs.getString("action"),
                    rs.getString("before_value"), rs.getString("after_value"), rs.getString("reason")));
            return 0;
        }).forEach(x -> { });
        Map<Long, List<SlaClock.Stored>> current = new HashMap<>();
        Map<Long, List<SlaClock.Stored>> replaced = new HashMap<>();
        var q4 = h.createQuery("select * from sla_clock where complaint_number " + numbers + " order by id");
        bind.accept(q4);
        q4.map((rs, ctx) -> {
            SlaClock.Stored k = clock(rs);
            (rs.getBoolean("current_clock") ? current : replaced).computeIfAbsent(rs.getLong("complaint_number"), x -> new ArrayList<>()).add(k);
            return 0;
        }).forEach(x -> { });
        List<Loaded> out = new ArrayList<>(heads.size());
        for (Complaint.Snapshot s : heads) {
            long n = s.number().value();
            Complaint complaint = Complaint.restore(new Complaint.Snapshot(s.number(), s.customer(), s.channel(), s.subject(),
                    s.category(), s.priority(), s.language(), s.status(), s.owner(), s.team(), s.escalation(),
                    s.pendingTransfer(), s.rootCause(), s.receivedAt(), s.closedAt(), s.reopenCount(), s.version(),
                    signals.getOrDefault(n, List.of()), timelines.getOrDefault(n, List.of()), audits.getOrDefault(n, List.of())));
            List<SlaClock.Stored> now = current.getOrDefault(n, List.of());
            // stored before the desk kept clocks: they start from receipt
            SlaClocks clocks = now.isEmpty() ? SlaClocks.start(complaint.number(), complaint.priority(), complaint.receivedAt(), sla)
                    : SlaClocks.restore(complaint.number(), complaint.priority(), sla, now, replaced.getOrDefault(n, List.of()));
            out.add(new Loaded(complaint, clocks));
        }
        return out;
    }

    /** A clock as a row of {@code sla_clock} holds it. */
    static SlaClock.Stored clock(java.sql.ResultSet rs) throws java.sql.SQLException {
        Object missed = rs.getObject("missed");
        return new SlaClock.Stored(SlaMetric.valueOf(rs.getString("metric")), instant(rs, "started_at"),
                Duration.ofSeconds(rs.getLong("target_seconds")), instant(rs, "fixed_deadline"),
                instant(rs, "paused_since"), Duration.ofSeconds(rs.getLong("paused_seconds")),
                instant(rs, "stopped_at"), rs.getBoolean("warned"), rs.getBoolean("breached"),
                missed == null ? null : rs.getBoolean("missed"));
    }

    // ---- writing (also used by intake, in its own transaction) -----------------------------------------

    /** Replaces the stored clocks of a complaint with these. */
    void saveClocks(Handle h, long number, SlaClocks clocks) {
        h.createUpdate("delete from sla_clock where complaint_number = :n").bind("n", number).execute();
        insertClocks(h, number, clocks);
    }

    /** Every clock of a complaint, replaced ones and current ones, as one batch: one statement prepared, not one a row. */
    private static void insertClocks(Handle h, long number, SlaClocks clocks) {
        org.jdbi.v3.core.statement.PreparedBatch batch = h.prepareBatch("insert into sla_clock (complaint_number, metric, "
                + "current_clock, started_at, target_seconds, fixed_deadline, paused_since, paused_seconds, stopped_at, warned, "
                + "breached, missed, next_check_at) values (:n, :metric, :current, :start, :target, :fixed, :pausedSince, :paused, "
                + ":stopped, :warned, :breached, :missed, :next)");
        for (SlaClock.Stored s : clocks.replaced()) {
            addClock(batch, number, s, false, null);
        }
        for (SlaClock.Stored s : clocks.current()) {
            addClock(batch, number, s, true, clocks.nextCheck(s.metric()).orElse(null));
        }
        if (batch.size() > 0) {
            batch.execute();
        }
    }

    private static void addClock(org.jdbi.v3.core.statement.PreparedBatch batch, long number, SlaClock.Stored s, boolean current,
                                 Instant nextCheck) {
        batch.bind("n", number).bind("metric", s.metric().name()).bind("current", current).bind("start", at(s.start()))
                .bind("target", s.target().toSeconds()).bind("fixed", at(s.fixedDeadline())).bind("pausedSince", at(s.pausedSince()))
                .bind("paused", s.paused().toSeconds()).bind("stopped", at(s.stoppedAt())).bind("warned", s.warned())
                .bind("breached", s.breached()).bind("missed", s.missed())
                .bind("next", at(nextCheck)).add();
    }

    /** Adds a record to a complaint's audit trail in the caller's transaction (a decision made around a change). */
    public static void audit(Tx tx, long number, AuditRecord a) {
        ComplaintRows.audit(tx.handle, number, a);
    }

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
