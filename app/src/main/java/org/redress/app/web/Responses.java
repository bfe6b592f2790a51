package org.redress.app.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.redress.app.desk.DeskReports;
import org.redress.app.store.ChannelBoard;
import org.redress.app.store.Complaints;
import org.redress.app.store.IncidentBook;
import org.redress.app.store.Promises;
import org.redress.app.store.QuarantineShelf;
import org.redress.app.store.Queue;
import org.redress.app.store.Users;
import org.redress.core.abuse.AbuseProtocol;
import org.redress.core.complaint.AuditRecord;
import org.redress.core.complaint.Complaint;
import org.redress.core.complaint.Entry;
import org.redress.core.guard.ReplyGuard;
import org.redress.core.incident.Incident;
import org.redress.core.remedy.Remedy;
import org.redress.core.sla.SlaMetric;

/** What the API answers, as records that Javalin's JSON mapper writes; each built from what a use case returned. */
final class Responses {

    private Responses() {
    }

    record Error(String error) {
    }

    record Health(String status, String database) {
    }

    record Liveness(String status) {
    }

    record Readiness(String status, String database, String databaseError, List<ChannelHealth> channels) {
    }

    record ChannelHealth(String name, String plugin, String state, String lastError) {
    }

    record SignedIn(String username, String role, String csrf) {
    }

    record User(String username, String displayName, String role, String team, boolean active) {
        static User of(Users.User u) {
            return new User(u.username(), u.displayName(), u.role().name().toLowerCase(), u.team(), u.active());
        }
    }

    /** An API token as listed: never the token itself. */
    record TokenView(String id, String user, String name, String createdAt, String lastUsedAt, String expiresAt, String state) {
        static TokenView of(org.redress.app.store.Users.TokenInfo t, java.time.Instant now) {
            return new TokenView(t.id(), t.username(), t.name(), t.createdAt().toString(),
                    t.lastUsedAt() == null ? null : t.lastUsedAt().toString(), t.expiresAt() == null ? null : t.expiresAt().toString(),
                    t.state(now));
        }
    }

    record TokenList(List<TokenView> tokens) {
    }

    /** A token just made: the only time it is shown. */
    record NewToken(String id, String user, String name, String token, String expiresAt) {
    }

    record UserList(List<User> users) {
    }

    record QueueItem(long number, String subject, String priority, String status, String team, String owner, String dueAt) {
        static QueueItem of(Queue.Item i) {
            return new QueueItem(i.number(), i.subject(), i.priority(), i.status(), i.team(), i.owner(),
                    i.dueAt() == null ? null : i.dueAt().toInstant().toString());
        }
    }

    record QueuePage(List<QueueItem> complaints) {
    }

    record SignalView(String code, String evidence) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record TimelineItem(String at, String kind, String from, String author, String event, String text, String eta, String outcome) {
        static TimelineItem of(Entry e) {
            String at = e.at().toString();
            if (e instanceof Entry.CustomerMessage in) {
                return new TimelineItem(at, "inbound", in.from(), null, null, in.text(), null, null);
            } else if (e instanceof Entry.Reply r) {
                return new TimelineItem(at, "reply", null, r.author().id(), null, r.text(), r.eta().map(Instant::toString).orElse(null), null);
            } else if (e instanceof Entry.InternalNote n) {
                return new TimelineItem(at, "note", null, n.author().id(), null, n.text(), null, null);
            } else if (e instanceof Entry.Call call) {
                return new TimelineItem(at, "call", call.caller(), null, null, call.notes(), null, call.outcome());
            }
            Entry.SystemEvent s = (Entry.SystemEvent) e;
            return new TimelineItem(at, "system", null, null, s.kind(), s.text(), null, null);
        }
    }

    record ClockView(String metric, String state, String deadline) {
    }

    record PromiseView(long id, String text, String owner, String due, String state) {
        static PromiseView of(Promises.Stored s) {
            var p = s.promise();
            return new PromiseView(p.id().value(), p.text(), p.owner(), p.due().toString(), p.state().name());
        }
    }

    record AuditView(String at, String actor, String role, String action, String before, String after, String reason) {
        static AuditView of(AuditRecord a) {
            return new AuditView(a.at().toString(), a.actor().id(), a.actor().role().name().toLowerCase(), a.action(), a.before(),
                    a.after(), a.reason());
        }
    }

    record ComplaintView(long number, long version, String subject, long customer, String channel, String category, String priority,
                         String language, String status, List<String> allowedNext, String owner, String team, String escalation,
                         String receivedAt, String playbookStep, PlaybookView playbook, AbuseView abuse, List<SignalView> signals, List<TimelineItem> timeline,
                         List<ClockView> slaClocks, List<PromiseView> promises, List<Outgoing> outgoing,
                         List<AttachmentView> attachments, List<AuditView> audit) {

        static ComplaintView of(Complaints.Loaded loaded, List<Promises.Stored> promises, List<org.redress.app.store.Outbound.Sent> sent,
                                List<org.redress.app.store.Attachments.Listed> files, Instant now) {
            Complaint c = loaded.complaint();
            List<ClockView> clocks = new ArrayList<>();
            for (SlaMetric metric : SlaMetric.values()) {
                loaded.clocks().clock(metric).ifPresent(k -> clocks.add(new ClockView(metric.name(),
                        loaded.clocks().state(metric, now).map(Enum::name).orElse(null),
                        k.deadline(loaded.clocks().policy().calendar()).toString())));
            }
            return new ComplaintView(c.number().value(), c.version(), c.subject(), c.customer().value(), c.channel(), c.category().code(),
                    c.priority().name(), c.language().orElse(null), c.status().name(),
                    c.allowedNext().stream().map(Enum::name).sorted().toList(), c.owner().orElse(null), c.team().orElse(null),
                    c.escalation().name(), c.receivedAt().toString(), c.playbook().step().name(),
                    new PlaybookView(c.playbook().step().name(), c.playbook().recap().name(), c.playbook().apologies(), c.playbook().isEmpathyShown(), c.version()),
                    AbuseView.of(c),
                    c.signals().stream().map(s -> new SignalView(s.code().name(), s.evidence())).toList(),
                    c.timeline().stream().map(TimelineItem::of).toList(), clocks,
                    promises.stream().map(PromiseView::of).toList(), sent.stream().map(Outgoing::of).toList(),
                    files.stream().map(AttachmentView::of).toList(),
                    c.audit().stream().map(AuditView::of).toList());
        }
    }

    record Finding(String code, String severity, String evidence, int start, int end, String suggestion) {
        static List<Finding> of(ReplyGuard.Result r) {
            return r.findings().stream().map(f -> new Finding(f.code().name(), f.severity().name(), f.evidence(), f.start(), f.end(),
                    f.suggestion())).toList();
        }
    }

    /** @param note "not checked (language de)" when the guard has no rules for the reply's language, else null */
    record Check(String language, boolean checked, String note, boolean blocked, List<Finding> findings) {
        static Check of(ReplyGuard.Result r) {
            return new Check(r.language(), r.checked(), r.note().orElse(null), r.blocked(), Finding.of(r));
        }
    }

    record Refused(String error, String language, boolean blocked, List<Finding> findings) {
        static Refused of(String error, ReplyGuard.Result r) {
            return new Refused(error, r.language(), r.blocked(), Finding.of(r));
        }
    }

    record PromiseMade(long id, String text, String due) {
    }

    record ReplySent(String replyId, long version, List<PromiseMade> promises, String language, boolean checked, String note,
                     boolean blocked, List<Finding> findings) {
    }

    record PlaybookView(String step, String recap, int apologies, boolean empathy, long version) {
    }

    /** Where a complaint stands in the abuse protocol, and the script the agent is offered for the next step. */
    record AbuseView(String state, String script, long version) {
        static AbuseView of(Complaint c) {
            AbuseProtocol p = AbuseProtocol.of(c);
            String script = switch (p.state()) {
                case ABUSE_SEEN -> p.warningScript();
                case ABUSE_AFTER_WARNING -> p.endingScript();
                default -> null;
            };
            return new AbuseView(p.state().name(), script, c.version());
        }
    }

    /** A message the desk sent or owes the customer: pending, sent (when) or failed (why); posted in public or sent privately. */
    record Outgoing(String replyId, String subject, boolean automatic, String status, String createdAt, String sentAt, String error,
                    boolean inPublic, int attempts) {
        static Outgoing of(org.redress.app.store.Outbound.Sent s) {
            return new Outgoing(s.replyId(), s.subject(), s.automatic(), s.status(), s.createdAt().toString(),
                    s.sentAt() == null ? null : s.sentAt().toString(), s.error(), s.inPublic(), s.attempts());
        }
    }

    /** A file the customer sent, to download from {@code /api/attachments/{id}}. */
    record AttachmentView(long id, String name, String mediaType, long size) {
        static AttachmentView of(org.redress.app.store.Attachments.Listed a) {
            return new AttachmentView(a.id(), a.name(), a.mediaType(), a.size());
        }
    }

    record Versioned(long version) {
    }

    /** What a bulk action did. */
    record BulkDone(java.util.List<Long> changed, java.util.List<NotChanged> refused) {
    }

    record NotChanged(long number, String why) {
    }

    record Moved(String status, long version) {
    }

    record Owned(String owner, String team, long version) {
    }

    record Offered(String pendingTransfer, long version) {
    }

    record PromiseState(long id, String state) {
    }

    record RemedyView(long id, long complaint, String kind, String claimed, String offered, String currency, String proposedBy,
                      String state, long version) {
        static RemedyView of(Remedy r, long version) {
            return new RemedyView(r.id().value(), r.complaint().value(), r.kind().name(), r.claimedLoss().amount().stripTrailingZeros().toPlainString(),
                    r.offered().amount().stripTrailingZeros().toPlainString(), r.offered().currency(), r.proposedBy().id(), r.state().name(), version);
        }
    }

    record Remedies(List<RemedyView> remedies) {
    }

    record IncidentView(long id, String title, String category, String area, String eta, String state, String declaredBy,
                        String sharedTerms, List<Long> complaints, String resolution, long version) {
        static IncidentView of(IncidentBook.Stored s) {
            Incident i = s.incident();
            return new IncidentView(i.id().value(), i.title(), i.category().code(), i.area(), i.eta().toString(),
                    s.proposed() ? "PROPOSED" : i.state().name(), i.declaredBy().id(), s.terms(),
                    i.linked().stream().map(Complaint.Number::value).toList(), i.resolution().orElse(null), s.version());
        }
    }

    record Incidents(List<IncidentView> incidents) {
    }

    record SavedReply(long id, String category, String language, String title, String text) {
        static SavedReply of(org.redress.app.store.SavedReplies.Saved r) {
            return new SavedReply(r.id(), r.category(), r.language(), r.title(), r.text());
        }
    }

    record SavedReplyList(List<SavedReply> savedReplies) {
    }

    record Thanks(long complaint, String thanks) {
    }

    record Erased(long id, boolean erased, int complaints) {
    }

    record CallAccepted(boolean accepted, String callId) {
    }

    record ChannelView(String name, String plugin, String checkpoint, String lastReadAt, String polledBy, long quarantined,
                       long pending, long failed, String lastError) {
        static ChannelView of(ChannelBoard.Instance c, String lastError) {
            return new ChannelView(c.name(), c.plugin(), c.checkpoint(), c.lastReadAt() == null ? null : c.lastReadAt().toString(),
                    c.polledBy(), c.quarantined(), c.pending(), c.failed(), lastError);
        }
    }

    record Channels(List<ChannelView> channels) {
    }

    record Held(long id, String channel, String externalId, String reason, String location, String mediaType, String receivedAt) {
        static Held of(QuarantineShelf.Item r) {
            return new Held(r.id(), r.channel(), r.externalId(), r.reason(), r.location(), r.mediaType(), r.receivedAt().toInstant().toString());
        }
    }

    record QuarantineList(List<Held> quarantine) {
    }

    record Discarded(long id, String status, String by) {
    }

    record Retried(long id, boolean stored, String outcome) {
    }

    record AuditLog(List<Map<String, Object>> audit) {
    }

    /** A report: its parts as rows of a label and the row's figures. */
    static Map<String, Object> report(DeskReports.Report r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("since", r.since().toString());
        m.put("until", r.until().toString());
        m.put("complaints", r.complaints());
        m.put("weakAreas", rows(r.weakAreas()));
        m.put("sla", rows(r.sla()));
        m.put("promises", rows(r.promises()));
        m.put("rates", rows(r.rates()));
        m.put("compensation", rows(r.compensation()));
        return m;
    }

    private static List<Map<String, Object>> rows(List<DeskReports.Row> rows) {
        return rows.stream().map(row -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("label", row.label());
            x.putAll(row.figures());
            return x;
        }).toList();
    }
}
