package org.redress.app.desk;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.redress.app.store.Complaints;
import org.redress.app.store.Promises;
import org.redress.app.store.Remedies;
import org.redress.app.store.Satisfaction;
import org.redress.app.store.Users;
import org.redress.core.abuse.AbuseProtocol;
import org.redress.core.complaint.Complaint;
import org.redress.core.complaint.Entry;
import org.redress.core.complaint.Status;
import org.redress.core.promise.Promise;
import org.redress.core.remedy.Money;
import org.redress.core.remedy.Remedy;
import org.redress.core.remedy.RemedyKind;
import org.redress.core.staff.Actor;

/**
 * What an agent or a supervisor does with a complaint besides replying: notes, status changes, ownership and
 * transfers, promises kept, remedies proposed and decided, and the customer's answer to the satisfaction question.
 * Each change names the complaint's version it was made against and goes through core's rules, which write the
 * complaint's audit trail.
 */
public final class Casework {

    private final Complaints complaints;
    private final Promises promises;
    private final Remedies remedies;
    private final Satisfaction satisfaction;
    private final Clock clock;
    private final Doorbell doorbell;

    private final Answering answering;

    Casework(Complaints complaints, Promises promises, Remedies remedies, Satisfaction satisfaction, Clock clock, Doorbell doorbell,
             Answering answering) {
        this.answering = answering;
        this.doorbell = doorbell;
        this.complaints = complaints;
        this.promises = promises;
        this.remedies = remedies;
        this.satisfaction = satisfaction;
        this.clock = clock;
    }

    public Complaints.Loaded open(long number) {
        return complaints.require(number);
    }

    /** An internal note: on the timeline for colleagues, never sent to the customer. */
    public Complaint note(long number, long version, Actor by, String text) {
        required(text, "text");
        return complaints.change(number, version, c -> c.append(new Entry.InternalNote(clock.instant(), by, text)));
    }

    /**
     * Moves a complaint on; with the decision goes the satisfaction question, once per complaint, to be answered at
     * {@code answerAt} (the desk's address as the customer reaches it).
     */
    public Complaint transition(long number, long version, Status to, String reason, Actor by, String answerAt) {
        return move(number, version, to, by, answerAt, x -> x.transition(to, by, reason == null ? "" : reason, clock.instant()));
    }

    /**
     * Moves a complaint to a status in as many allowed steps as it takes (the console's one move, and the status a
     * reply implies), with what {@link #transition} does on the way.
     */
    public Complaint moveTo(long number, long version, Status to, String reason, Actor by, String answerAt) {
        return move(number, version, to, by, answerAt, x -> x.moveTo(to, by, reason == null ? "" : reason, clock.instant()));
    }

    private Complaint move(long number, long version, Status to, Actor by, String answerAt, java.util.function.Consumer<Complaint> step) {
        return complaints.change(number, version, step, (tx, x) -> {
            if (to == Status.DECISION_COMMUNICATED) {
                String token = satisfaction.ask(tx, x.number().value());
                if (token != null) {
                    answering.owe(tx, x, "satisfaction-" + x.number().value(), "How satisfied are you with how we handled complaint "
                            + x.number().tag() + "? Answer with a score from 1 (very unhappy) to 5 (very happy): POST " + answerAt
                            + "/api/satisfaction/" + token + " {\"score\": 5}", clock.instant());
                }
            }
        });
    }

    /**
     * The customer answered the agent's recap: confirmed (the playbook moves on to the apology and the resolution), or
     * corrected with what they said instead (the agent recaps again).
     */
    public Complaint recapAnswered(long number, long version, boolean confirmed, String correction, Actor by) {
        if (!confirmed) {
            required(correction, "correction");
        }
        return complaints.change(number, version, x -> {
            if (confirmed) {
                x.recapConfirmed(by, clock.instant());
            } else {
                x.recapCorrected(by, correction, clock.instant());
            }
        });
    }

    /**
     * The abuse protocol's next step, taken by the agent: after an insult, the scripted warning (in the customer's
     * language) is sent; after abuse despite the warning, the ending is sent and the conversation is ended. Each is on
     * the complaint's audit trail for the supervisor's review.
     *
     * @param end false to warn, true to end
     */
    public Complaint abuseStep(long number, long version, boolean end, String reason, Actor by) {
        Instant now = clock.instant();
        String[] said = new String[1];
        @SuppressWarnings("unchecked")
        Optional<String>[] owedThrough = new Optional[] {Optional.empty()};
        Complaint after = complaints.change(number, version, c -> {
            AbuseProtocol protocol = AbuseProtocol.of(c);
            int logged = protocol.log().size();
            if (end) {
                required(reason, "reason");
                protocol.end(c, by, reason, now);
                said[0] = protocol.endingScript();
            } else {
                protocol.warningGiven(c, by, now);
                said[0] = protocol.warningScript();
            }
            c.append(new Entry.Reply(now, by, said[0], Optional.empty()));
            c.recordAll(protocol.since(logged));
        }, (tx, c) -> {
            owedThrough[0] = answering.owe(tx, c, "abuse-" + (end ? "end" : "warning") + "-" + number + "-" + now.toEpochMilli(), said[0], now);
            if (owedThrough[0].isEmpty()) {
                complaints.answered(tx, number, "in person", now);
            }
        });
        owedThrough[0].ifPresent(doorbell::ring);
        return after;
    }

    public Complaint assign(long number, long version, String owner, String team, String reason, Actor by) {
        required(owner, "owner");
        required(team, "team");
        return complaints.change(number, version, x -> x.assign(owner, team, by, reason == null ? "" : reason, clock.instant()));
    }

    /** The agent takes the complaint: theirs, in their team (or the complaint's own team when they have none). */
    public Complaint take(long number, long version, Users.User agent) {
        String team = Optional.ofNullable(agent.team()).orElseGet(() -> complaints.require(number).complaint().team().orElse("front-desk"));
        return complaints.change(number, version, c -> c.assign(agent.username(), team, agent.actor(), "taken in the console", clock.instant()));
    }

    /** Offers the complaint to another team; its owner stays accountable until a member of that team accepts. */
    public Complaint requestTransfer(long number, long version, String toTeam, Optional<String> toOwner, String reason, Actor by) {
        required(toTeam, "toTeam");
        required(reason, "reason");
        return complaints.change(number, version, x -> x.requestTransfer(toTeam.strip(), toOwner, by, reason, clock.instant()));
    }

    public Complaint acceptTransfer(long number, long version, Actor by) {
        return complaints.change(number, version, x -> x.acceptTransfer(by, clock.instant()));
    }

    public Complaint declineTransfer(long number, long version, String reason, Actor by) {
        required(reason, "reason");
        return complaints.change(number, version, x -> x.declineTransfer(by, reason, clock.instant()));
    }

    /** The owner says the promise is kept: kept when on time, broken when late. */
    public Promise.State keepPromise(long id) {
        return promises.keep(id, clock.instant());
    }

    /** Proposes a remedy: granted at once within the proposer's cap, else waiting for a supervisor. */
    public Remedy proposeRemedy(long number, RemedyKind kind, Money claimed, Money offered, Actor by, String reason) {
        required(reason, "reason");
        return remedies.propose(number, kind, claimed, offered, by, reason);
    }

    public Remedy decideRemedy(long id, long version, boolean approve, Actor by, String reason) {
        required(reason, "reason");
        return remedies.decide(id, version, approve, by, reason);
    }

    /** The customer's answer to the satisfaction question; returns the complaint it was about. */
    public long answerSatisfaction(String token, int score, String comment) {
        return satisfaction.answer(token, score, comment);
    }

    public String currency() {
        return remedies.catalogue().currency();
    }

    static void required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + ": required");
        }
    }
}
