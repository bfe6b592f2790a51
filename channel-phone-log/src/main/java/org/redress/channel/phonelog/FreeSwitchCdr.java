package org.redress.channel.phonelog;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;

/**
 * FreeSWITCH {@code mod_cdr_csv} lines: the vanilla {@code example} template (15 fields) or the built-in
 * default (13, with a stray space before the last field). Both start caller_id_name, caller_id_number,
 * destination_number, context, start_stamp, answer_stamp, end_stamp, duration, billsec, hangup_cause, uuid,
 * bleg_uuid, accountcode.
 */
final class FreeSwitchCdr implements LegFormat {

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setIgnoreSurroundingSpaces(true).build();
    private static final Set<String> MISSED = Set.of("NO_ANSWER", "NO_USER_RESPONSE", "CALL_REJECTED",
            "SUBSCRIBER_ABSENT", "ALLOTTED_TIMEOUT");

    private final ZoneId zone;
    private final Set<String> internalContexts;

    FreeSwitchCdr(ZoneId zone, Set<String> internalContexts) {
        this.zone = zone;
        this.internalContexts = Set.copyOf(internalContexts);
    }

    @Override
    public CSVFormat csv() {
        return FORMAT;
    }

    @Override
    public Optional<Leg> leg(List<String> f, byte[] bytes, long line) throws BadRow {
        if (f.size() != 13 && f.size() != 15) {
            throw new BadRow(line, "expected 13 (built-in default) or 15 (example template) fields, found " + f.size());
        }
        Instant start = Csv.time(f.get(4), zone, Csv.PBX_TIME, "start_stamp", line);
        if (start == null) {
            throw new BadRow(line, "start_stamp is empty");
        }
        Instant answer = Csv.time(f.get(5), zone, Csv.PBX_TIME, "answer_stamp", line);
        Instant end = Csv.time(f.get(6), zone, Csv.PBX_TIME, "end_stamp", line);
        long duration = Csv.number(f.get(7), "duration", line);
        long billsec = Csv.number(f.get(8), "billsec", line);
        String cause = f.get(9).strip();
        String uuid = f.get(10).strip();
        if (uuid.isEmpty()) {
            throw new BadRow(line, "uuid is empty");
        }
        Leg.Outcome outcome;
        if (answer != null && (cause.equals("NORMAL_CLEARING") || billsec > 0)) {
            outcome = Leg.Outcome.ANSWERED;
        } else if (cause.equals("USER_BUSY")) {
            outcome = Leg.Outcome.BUSY;
        } else if (cause.equals("ORIGINATOR_CANCEL") || cause.equals("LOSE_RACE")) {
            outcome = Leg.Outcome.ABANDONED;
        } else if (MISSED.contains(cause) || (answer == null && cause.equals("NORMAL_CLEARING"))) {
            outcome = Leg.Outcome.MISSED;
        } else {
            outcome = Leg.Outcome.FAILED;
        }
        boolean out = internalContexts.contains(f.get(3));
        String bleg = f.get(11).strip();
        return Optional.of(new Leg(uuid, uuid, out ? Leg.Direction.OUT : Leg.Direction.IN, f.get(1), f.get(0), f.get(2),
                start, outcome == Leg.Outcome.ANSWERED ? answer : null, end, duration, billsec, outcome,
                outcome == Leg.Outcome.ANSWERED ? (out ? f.get(1) : f.get(2)) : null, List.of(), null, line, bytes,
                Map.of("hangupCause", cause, "context", f.get(3), "blegUuid", bleg)));
    }
}
