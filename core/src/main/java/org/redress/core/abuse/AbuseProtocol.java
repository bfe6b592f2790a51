package org.redress.core.abuse;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.redress.core.complaint.AuditAction;
import org.redress.core.complaint.AuditRecord;
import org.redress.core.complaint.Complaint;
import org.redress.core.complaint.Entry;
import org.redress.core.staff.Actor;
import org.redress.core.text.PhraseFile;

/**
 * What an agent may do when a customer is abusive: first a scripted warning, in the customer's language;
 * after a logged warning, further abuse lets the agent end the conversation. Every step is logged, and the
 * case goes on the supervisor's review list.
 */
public final class AbuseProtocol {

    /** Where a complaint stands in the protocol. */
    public enum State { NONE, ABUSE_SEEN, WARNED, ABUSE_AFTER_WARNING, ENDED }

    /** What the agent should do after an insult. */
    public sealed interface Advice {
        /** Send this warning, then log it with {@link #warningGiven}. */
        record Warn(String script) implements Advice {
        }

        /** The customer was warned and went on: the agent may end the conversation with this script. */
        record MayEnd(String script) implements Advice {
        }
    }

    private final Complaint.Number complaint;
    private final String language;
    private State state = State.NONE;
    private final List<AuditRecord> log = new ArrayList<>();

    public AbuseProtocol(Complaint.Number complaint, String language) {
        this.complaint = Objects.requireNonNull(complaint, "complaint");
        this.language = language == null ? "en" : language;
    }

    /**
     * The protocol of a stored complaint, where its audit trail left it: its abuse records are the protocol's log, and
     * the last one says the state.
     */
    public static AbuseProtocol of(Complaint c) {
        AbuseProtocol p = new AbuseProtocol(c.number(), c.language().orElse("en"));
        for (AuditRecord r : c.audit()) {
            if (r.is(AuditAction.ABUSE)) {
                p.log.add(r);
                p.state = State.valueOf(r.after());
            }
        }
        return p;
    }

    /** The records added since the protocol was restored or made, for the complaint's audit trail. */
    public List<AuditRecord> since(int logged) {
        return List.copyOf(log.subList(logged, log.size()));
    }

    /** The scripted words for the customer at this point: the warning, or the ending. */
    public String warningScript() {
        return script("warning");
    }

    public String endingScript() {
        return script("ending");
    }

    /** Abuse was found in what the customer sent (triage's INSULT signal, or the agent's own report). */
    public Advice abuseSeen(String evidence, Instant at) {
        if (state == State.ENDED) {
            throw new IllegalStateException("the conversation on complaint " + complaint + " was already ended");
        }
        if (state == State.WARNED || state == State.ABUSE_AFTER_WARNING) {
            move(State.ABUSE_AFTER_WARNING, Actor.DESK, "abuse after warning: " + evidence, at);
            return new Advice.MayEnd(script("ending"));
        }
        move(State.ABUSE_SEEN, Actor.DESK, "abuse: " + evidence, at);
        return new Advice.Warn(script("warning"));
    }

    /** The agent sent the warning. */
    public void warningGiven(Complaint c, Actor agent, Instant at) {
        if (state != State.ABUSE_SEEN) {
            throw new IllegalStateException("no abuse awaits a warning on complaint " + complaint + " (" + state + ")");
        }
        move(State.WARNED, agent, "warning given", at);
        c.append(new Entry.SystemEvent(at, "abuse-warning", "Abuse warning given by " + agent.id()));
    }

    /**
     * Ends the conversation.
     *
     * @throws IllegalStateException unless the customer was warned and abused again after it
     */
    public void end(Complaint c, Actor agent, String reason, Instant at) {
        if (state != State.ABUSE_AFTER_WARNING) {
            throw new IllegalStateException("the conversation on complaint " + complaint + " can be ended only after "
                    + "a logged warning and further abuse (now " + state + ")");
        }
        move(State.ENDED, agent, reason, at);
        c.append(new Entry.SystemEvent(at, "abuse-ended", "Conversation ended by " + agent.id() + " after a warning: "
                + reason + ". Awaiting supervisor review."));
    }

    /**
     * The supervisor's review list: every case with abuse in it, those whose conversation was ended first, then
     * the most recent first.
     */
    public static List<AbuseProtocol> reviewList(java.util.Collection<AbuseProtocol> cases) {
        return cases.stream().filter(AbuseProtocol::needsReview)
                .sorted(java.util.Comparator.comparing((AbuseProtocol p) -> p.state() != State.ENDED)
                        .thenComparing(p -> p.log.get(p.log.size() - 1).at(), java.util.Comparator.reverseOrder()))
                .toList();
    }

    /** Whether a supervisor should look at this case: any abuse at all. */
    public boolean needsReview() {
        return state != State.NONE;
    }

    private void move(State to, Actor actor, String reason, Instant at) {
        log.add(new AuditRecord(at, actor, AuditAction.ABUSE, state.name(), to.name(), reason));
        state = to;
    }

    private String script(String key) {
        List<String> lines = PhraseFile.resource(AbuseProtocol.class, "abuse-" + language + ".txt").all(key);
        if (lines.isEmpty()) {
            lines = PhraseFile.resource(AbuseProtocol.class, "abuse-en.txt").all(key);
        }
        return lines.isEmpty() ? "" : lines.get(0);
    }

    public Complaint.Number complaint() {
        return complaint;
    }

    public State state() {
        return state;
    }

    public List<AuditRecord> log() {
        return List.copyOf(log);
    }
}
