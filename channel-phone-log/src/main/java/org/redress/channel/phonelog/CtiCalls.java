package org.redress.channel.phonelog;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The events of one CTI call to one leg, following Zammad's caller-log rules for what counts as missed. */
final class CtiCalls {

    private CtiCalls() {
    }

    /** A call's events so far, with the lines they came from. */
    record Pending(String callId, List<CtiEvent> events, List<LineReader.Line> lines) {
        boolean complete() {
            return events.stream().anyMatch(e -> e.event().equals("hangup"));
        }
    }

    static Leg leg(Pending call, Instant fallbackTime) {
        CtiEvent first = call.events().get(0);
        CtiEvent answer = null;
        CtiEvent hangup = null;
        for (CtiEvent e : call.events()) {
            if (e.event().equals("answer") && answer == null && hangup == null) {
                answer = e; // an answer after the hangup is ignored, as Zammad does
            } else if (e.event().equals("hangup") && hangup == null) {
                hangup = e;
            }
        }
        boolean voicemail = answer != null && (answer.user().contains("voicemail")
                || answer.answeringNumber().equalsIgnoreCase("voicemail"));
        Leg.Outcome outcome;
        String agent = null;
        if (answer != null && !voicemail) {
            outcome = Leg.Outcome.ANSWERED;
            agent = !answer.answeringNumber().isEmpty() ? answer.answeringNumber() : String.join(", ", answer.user());
        } else if (hangup != null && hangup.cause().equals("forwarded")) {
            outcome = Leg.Outcome.ANSWERED;
            agent = "forwarded";
        } else if (hangup == null || voicemail) {
            outcome = Leg.Outcome.MISSED;
        } else {
            outcome = switch (hangup.cause()) {
                case "busy" -> Leg.Outcome.BUSY;
                case "cancel" -> Leg.Outcome.ABANDONED;
                case "congestion", "notFound" -> Leg.Outcome.FAILED;
                default -> Leg.Outcome.MISSED;
            };
        }
        Instant start = first.timestamp() != null ? first.timestamp() : fallbackTime;
        Instant answered = answer != null && answer.timestamp() != null ? answer.timestamp() : null;
        Instant end = hangup != null && hangup.timestamp() != null ? hangup.timestamp() : null;
        long duration = end != null ? Math.max(0, end.getEpochSecond() - start.getEpochSecond()) : 0;
        long talk = end != null && answered != null ? Math.max(0, end.getEpochSecond() - answered.getEpochSecond()) : 0;
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        for (int i = 0; i < call.lines().size(); i++) {
            if (i > 0) {
                raw.write('\n');
            }
            raw.writeBytes(call.lines().get(i).bytes());
        }
        String queue = first.queue().isEmpty() ? null : first.queue();
        return new Leg(call.callId(), call.callId(), first.direction().equals("out") ? Leg.Direction.OUT : Leg.Direction.IN,
                first.from(), "", first.to(), start, answered, end, duration, talk, outcome,
                outcome == Leg.Outcome.ANSWERED ? agent : null, List.of(), queue, call.lines().get(0).number(),
                raw.toByteArray(), Map.of("cause", hangup == null ? "" : hangup.cause(),
                        "rang", String.join(", ", first.user())));
    }
}
