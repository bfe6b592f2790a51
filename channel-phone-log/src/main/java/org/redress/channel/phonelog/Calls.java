package org.redress.channel.phonelog;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.redress.core.channel.Automation;
import org.redress.core.channel.CallAttributes;
import org.redress.core.channel.InboundMessage;
import org.redress.core.channel.RawSource;
import org.redress.core.channel.SenderIdentity;
import org.redress.core.channel.Visibility;

/**
 * The legs of one call to one inbound message. The sender is the customer's side of the call: the caller of
 * an inbound call, the number called by the desk on an outbound one (which is the desk's own and marked so).
 */
final class Calls {

    /** Attribute keys {@code parse-calls} and the tests read: the SPI's (set typed below), plus a few of this channel's own. */
    static final String CALL_ID = CallAttributes.CALL_ID.key();
    static final String DIRECTION = CallAttributes.DIRECTION.key();
    static final String OUTCOME = CallAttributes.OUTCOME.key();
    static final String CALLER = CallAttributes.CALLER.key();
    static final String CALLEE = CallAttributes.CALLEE.key();
    static final String ANSWERED_BY = CallAttributes.ANSWERED_BY.key();
    static final String DURATION = CallAttributes.DURATION.key();
    static final String TALK = CallAttributes.TALK.key();
    static final String ANSWERED_AT = "answeredAt";
    static final String ENDED_AT = "endedAt";
    static final String LEGS = "legs";
    static final String QUEUE = "queue";

    private final PhoneNumbers numbers;

    Calls(PhoneNumbers numbers) {
        this.numbers = numbers;
    }

    InboundMessage message(List<Leg> legs, String file) {
        Leg first = legs.get(0);
        Leg answered = null;
        Instant start = first.start();
        Instant end = first.end();
        long talk = 0;
        long longest = 0;
        boolean abandoned = false;
        Set<String> references = new LinkedHashSet<>();
        String queue = null;
        for (Leg l : legs) {
            if (l.outcome() == Leg.Outcome.ANSWERED && (answered == null || (answered.agent() == null && l.agent() != null))) {
                answered = l;
            }
            abandoned |= l.outcome() == Leg.Outcome.ABANDONED;
            if (l.start().isBefore(start)) {
                start = l.start();
            }
            if (l.end() != null && (end == null || l.end().isAfter(end))) {
                end = l.end();
            }
            talk += l.talk();
            longest = Math.max(longest, l.duration());
            references.addAll(l.references());
            if (queue == null) {
                queue = l.queue();
            }
        }
        references.remove(first.key());
        Leg.Outcome outcome = answered != null ? Leg.Outcome.ANSWERED
                : abandoned ? Leg.Outcome.ABANDONED : first.outcome();
        long duration = end != null ? Math.max(longest, Duration.between(start, end).toSeconds()) : longest;
        boolean out = first.direction() == Leg.Direction.OUT;
        String caller = numbers.normalise(first.caller());
        String callee = numbers.normalise(first.callee());
        SenderIdentity customer = out ? PhoneNumbers.identityOf(callee, first.callee(), "")
                : PhoneNumbers.identityOf(caller, first.caller(), first.callerName());
        String agent = answered == null ? null : answered.agent();
        String who = customer.displayName().isEmpty() ? customer.value() : customer.displayName() + " <" + customer.value() + ">";
        StringBuilder text = new StringBuilder()
                .append(out ? "Call from the desk (" + caller + ") to " + who : "Call from " + who + " to " + callee)
                .append(": ").append(outcome.label());
        if (agent != null) {
            text.append(" by ").append(agent);
        }
        if (answered != null && talk > 0) {
            text.append(", talked ").append(talk).append(" s");
        }
        text.append(", ").append(duration).append(" s in all");
        if (queue != null) {
            text.append(" (queue ").append(queue).append(')');
        }
        if (legs.size() > 1) {
            text.append(", ").append(legs.size()).append(" legs");
        }

        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        for (Leg l : legs) {
            raw.writeBytes(l.raw());
            raw.write('\n');
        }
        long lastLine = legs.get(legs.size() - 1).line();
        String where = file + (first.line() == lastLine ? " line " + first.line() : " lines " + first.line() + "-" + lastLine);
        InboundMessage.Builder b = InboundMessage.builder(first.key())
                .threadReferences(new ArrayList<>(references))
                .sender(customer)
                .sentAt(start)
                .subject((out ? "Call to " + customer.value() : "Call from " + customer.value()) + " (" + outcome.label() + ")")
                .text(text.toString())
                .visibility(Visibility.PRIVATE)
                .attribute(CallAttributes.CALL_ID, first.key())
                .attribute(CallAttributes.DIRECTION, out ? CallAttributes.Direction.OUT : CallAttributes.Direction.IN)
                .attribute(CallAttributes.OUTCOME, CallAttributes.Outcome.valueOf(outcome.name()))
                .attribute(CallAttributes.CALLER, caller)
                .attribute(CallAttributes.CALLEE, callee)
                .attribute(CallAttributes.ANSWERED_BY, agent)
                .attribute(CallAttributes.DURATION, Duration.ofSeconds(duration))
                .attribute(CallAttributes.TALK, Duration.ofSeconds(talk))
                .attribute(ANSWERED_AT, answered == null || answered.answered() == null ? null : answered.answered().toString())
                .attribute(ENDED_AT, end == null ? null : end.toString())
                .attribute(LEGS, String.valueOf(legs.size()))
                .attribute(QUEUE, queue)
                .raw(new RawSource(where, "text/csv", raw.toByteArray()));
        first.extra().forEach((k, v) -> {
            if (!v.isEmpty()) {
                b.attribute(k, v);
            }
        });
        if (out) {
            b.automated(new Automation(Automation.Kind.OWN_ECHO, "placed by the desk"
                    + (first.extra().containsKey("context") ? " (context '" + first.extra().get("context") + "')" : "")));
        }
        return b.build();
    }
}
