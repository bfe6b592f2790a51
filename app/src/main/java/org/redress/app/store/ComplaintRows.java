package org.redress.app.store;

import static org.redress.app.store.Complaints.actor;
import static org.redress.app.store.Complaints.at;
import static org.redress.app.store.Complaints.cut;
import static org.redress.app.store.Complaints.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
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
import org.redress.core.escalation.Trigger;
import org.redress.core.staff.Actor;
import org.redress.core.triage.Signal;

/** How a complaint's parts are kept in rows: its head, entries, audit records, escalations and signals. */
final class ComplaintRows {

    private ComplaintRows() {
    }

    static Complaint.Snapshot snapshotHead(ResultSet rs) throws SQLException {
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

    static Entry entry(ResultSet rs, String complaintChannel) throws SQLException {
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
            case "inbound" -> new Entry.CustomerMessage(at, Optional.ofNullable(rs.getString("channel")).orElse(complaintChannel),
                    externalId, author, text, rs.getBoolean("automated"), rs.getString("public_post") != null);
            case "reply" -> new Entry.Reply(at, actor(author, role), text,
                    Optional.ofNullable(instant(rs, "eta")));
            case "note" -> new Entry.InternalNote(at, actor(author, role), text);
            case "call" -> new Entry.Call(at, nz(rs.getString("call_id")), author, nz(rs.getString("outcome")),
                    Optional.ofNullable(role).map(r -> actor(externalId, r)), text);
            default -> new Entry.SystemEvent(at, kind, text);
        };
    }

    static void insertEntry(Handle h, long number, Entry e) {
        insertEntry(h, number, e, true);
    }

    /** An entry's row; {@code forSearch} false when the complaint is already waiting for the search index. */
    static void insertEntry(Handle h, long number, Entry e, boolean forSearch) {
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
        if (e instanceof Entry.CustomerMessage in) {
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
        if (forSearch) {
            SearchIndex.entryAdded(h, number, kind);
        }
        if (e instanceof Entry.CustomerMessage in && in.inPublic() && in.externalId() != null) {
            h.createUpdate("insert into public_post (complaint_number, external_id) values (:n, :id) on conflict do nothing")
                    .bind("n", number).bind("id", cut(in.externalId(), 1000)).execute();
        }
    }

    private static final String AUDIT_INSERT = "insert into audit_record (complaint_number, at, actor, actor_role, action, "
            + "before_value, after_value, reason) values (:n, :at, :actor, :role, :action, :before, :after, :reason)";

    static void audit(Handle h, long number, AuditRecord a) {
        bindAudit(h.createUpdate(AUDIT_INSERT), number, a).execute();
    }

    /** A complaint's whole audit trail as one batch (a new complaint's: received, routed, perhaps escalated). */
    static void auditAll(Handle h, long number, java.util.List<AuditRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        org.jdbi.v3.core.statement.PreparedBatch batch = h.prepareBatch(AUDIT_INSERT);
        for (AuditRecord a : records) {
            bindAudit(batch, number, a).add();
        }
        batch.execute();
    }

    private static <S extends org.jdbi.v3.core.statement.SqlStatement<S>> S bindAudit(S statement, long number, AuditRecord a) {
        return statement.bind("n", number).bind("at", at(a.at())).bind("actor", cut(a.actor().id(), 200))
                .bind("role", a.actor().role().name()).bind("action", a.action()).bind("before", cut(nz(a.before()), 200))
                .bind("after", cut(nz(a.after()), 200)).bind("reason", cut(nz(a.reason()), 2000));
    }

    /** The escalation log supervisors read: who moved which complaint up, from where to where, and on what trigger. */
    static void escalation(Handle h, long number, AuditRecord r) {
        String reason = nz(r.reason());
        String trigger = Trigger.Kind.ofReason(reason).stored();
        h.createUpdate("insert into escalation (complaint_number, at, from_level, to_level, trigger_kind, reason, actor) "
                        + "values (:n, :at, :from, :to, :trigger, :reason, :actor)")
                .bind("n", number).bind("at", at(r.at())).bind("from", r.before()).bind("to", r.after()).bind("trigger", trigger)
                .bind("reason", cut(reason, 2000)).bind("actor", cut(actor(r.actor()), 200)).execute();
    }

    static void insertSignal(Handle h, long number, Signal s) {
        h.createUpdate("insert into complaint_signal (complaint_number, code, evidence, span_start, span_end) "
                        + "values (:n, :code, :evidence, :start, :end)")
                .bind("n", number).bind("code", s.code().name()).bind("evidence", cut(s.evidence(), 1000))
                .bind("start", s.start()).bind("end", s.end()).execute();
    }

    // ---- helpers ----------------------------------------------------------------------------------------

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
