package org.redress.channel.phonelog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redress.core.channel.Batch;
import org.redress.core.channel.Channel;
import org.redress.core.channel.Checkpoint;
import org.redress.core.channel.Inbound;
import org.redress.core.channel.InboundMessage;
import org.redress.core.channel.Quarantined;

/**
 * Over broken input, every reader of the phone-log channel accounts for every item it was given: calls (or notes)
 * out plus quarantined equals items in, read in small batches as the poller would, and each quarantine names its
 * line or record.
 */
class EveryItemAccountedForTest {

    @TempDir
    Path dir;

    private record Outcome(List<InboundMessage> messages, List<Quarantined> quarantined) {
        int total() {
            return messages.size() + quarantined.size();
        }
    }

    private Outcome read(String name, String content, int batch, String... settings) throws Exception {
        Path file = Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
        List<String> all = new ArrayList<>(List.of(settings));
        all.addAll(List.of("settle", "PT0S"));
        List<Inbound> items = new ArrayList<>();
        try (Channel c = Open.channel(file, all.toArray(String[]::new))) {
            Checkpoint at = Checkpoint.START;
            for (int reads = 0; reads < 1000; reads++) {
                Batch b = c.read(at, batch);
                assertThat(b.items().size()).as("a batch holds at most its max").isLessThanOrEqualTo(batch);
                items.addAll(b.items());
                if (!b.more() || b.next().equals(at)) {
                    break;
                }
                at = b.next();
            }
        }
        return new Outcome(Open.messages(items),
                items.stream().filter(Quarantined.class::isInstance).map(Quarantined.class::cast).toList());
    }

    @Test
    void asterisk_cdr() throws Exception {
        List<String> rows = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            rows.add(Cdr.in("+4072100" + String.format("%04d", i), "Caller " + i, "2026-03-02 09:" + String.format("%02d", i)
                    + ":00", "NO ANSWER", "1700000000." + i, "").strip());
        }
        rows.set(2, rows.get(2).replace("\"2026-03-02 09:03:00\"", "\"yesterday\""));   // a time that is none
        rows.set(4, "\"only\",\"three\",\"columns\"");                                   // too few columns
        rows.set(6, rows.get(6).replace("+40721000007", "sip:@"));                       // a caller that is no number
        rows.set(8, "\"unclosed,\"quote" + rows.get(8));                                 // broken quoting
        rows.set(10, "\u0000\u0001\u00ff garbage");                                      // binary
        Outcome out = read("Master.csv", String.join("\n", rows) + "\n\n", 3);
        assertThat(out.total()).as("calls out + quarantined = rows in").isEqualTo(12);
        assertThat(out.messages()).hasSize(7);
        assertThat(out.quarantined()).extracting(Quarantined::reason)
                .allMatch(r -> r.matches("line (3|5|7|9|11): .+"), "names its line");
    }

    @Test
    void freeswitch_cdr() throws Exception {
        String good = "\"Jane Roe\",\"+4477009001%02d\",\"3000\",\"public\",\"2025-03-03 09:14:02\",\"2025-03-03 09:14:09\","
                + "\"2025-03-03 09:21:47\",\"465\",\"458\",\"NORMAL_CLEARING\",\"5b0e2c1a-7d2f-4f8e-9c1d-2a6f8e1b3c%02d\",\"\",\"\"";
        List<String> rows = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            rows.add(String.format(good, i, i));
        }
        rows.set(1, rows.get(1).replace("\"465\"", "\"four\""));                 // duration that is no number
        rows.set(3, rows.get(3).replace("5b0e2c1a-7d2f-4f8e-9c1d-2a6f8e1b3c04", ""));   // no call uuid
        rows.set(5, rows.get(5).replace("+447700900106", "tel:"));               // no caller
        rows.set(7, "NORMAL_CLEARING");                                          // one column
        Outcome out = read("freeswitch.csv", String.join("\r", rows), 2, "format", "freeswitch");
        assertThat(out.total()).as("calls out + quarantined = rows in").isEqualTo(10);
        assertThat(out.messages()).hasSize(6);
        assertThat(out.quarantined()).extracting(Quarantined::reason).allMatch(r -> r.matches("line (2|4|6|8): .+"));
    }

    @Test
    void cti_events() throws Exception {
        StringBuilder s = new StringBuilder();
        int calls = 0;
        for (int i = 0; i < 6; i++) {
            String id = "c" + i;
            s.append(CallFormatsTest.cti("newCall", id, "in", "", String.format("%02d", i)));
            s.append(CallFormatsTest.cti("hangup", id, "in", ",\"cause\":\"cancel\"", String.format("%02d", i + 1)));
            calls++;
        }
        int bad = 0;
        // more bad lines than a batch holds: the reader must move on through them, not stand still
        for (int i = 0; i < 7; i++) {
            s.append("{not json ").append(i).append("\n");
            bad++;
        }
        s.append(CallFormatsTest.cti("answer", "ghost", "in", "", "30"));                         // no newCall for it
        bad++;
        s.append("{\"event\":\"newCall\",\"direction\":\"in\",\"timestamp\":\"2026-03-02T09:31:00Z\"}\n"); // no callId
        bad++;
        s.append(CallFormatsTest.cti("newCall", "late", "in", "", "40"));
        s.append(CallFormatsTest.cti("hangup", "late", "in", ",\"cause\":\"normalClearing\"", "41"));
        calls++;
        s.append(CallFormatsTest.cti("hangup", "late", "in", ",\"cause\":\"normalClearing\"", "42")); // after its call was taken
        bad++;
        Outcome out = read("cti.jsonl", s.toString(), 3, "format", "cti");
        assertThat(out.messages()).extracting(InboundMessage::externalId).hasSize(calls).doesNotHaveDuplicates();
        assertThat(out.quarantined()).hasSize(bad).extracting(Quarantined::reason).allMatch(r -> r.matches("line \\d+: .+"));
    }

    @Test
    void agent_notes_in_json_lines() throws Exception {
        String good = "{\"call_ref\":{\"uniqueid\":\"17410004%02d.1\"},\"caller\":\"+447700900123\",\"agent\":\"201\","
                + "\"written_at\":\"2025-03-03T09:23:10Z\",\"text\":\"Parcel %d stuck at depot.\",\"callback_promise\":null}";
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            lines.add(String.format(good, i, i));
        }
        lines.set(1, "{\"text\": \"unfinished");                                         // cut off
        lines.set(3, lines.get(3).replace("2025-03-03T09:23:10Z", "Tuesday"));           // a time that is none
        lines.set(5, "[1,2,3]");                                                         // not an object
        Outcome out = read("notes.jsonl", String.join("\n", lines), 3, "format", "notes", "default-region", "GB");
        assertThat(out.total()).isEqualTo(8);
        assertThat(out.messages()).hasSize(5);
        assertThat(out.quarantined()).extracting(Quarantined::reason).allMatch(r -> r.matches("line (2|4|6): .+"));
    }

    @Test
    void agent_notes_in_csv_with_a_quote_that_never_closes() throws Exception {
        String csv = """
                call_id,caller,agent,written_at,text,callback_due
                1.1,+447700900123,201,2025-03-03T09:23:10Z,"Parcel stuck.
                Will call back.",2025-03-04T12:00:00Z
                1.2,+447700900124,201,2025-03-03T09:24:10Z,No text problem here,
                1.3,+447700900125,201,not a time,Broken time,
                1.4,+447700900126,201,2025-03-03T09:26:10Z,"The quote never closes,
                1.5,+447700900127,201,2025-03-03T09:27:10Z,Swallowed by the quote,
                """;
        Outcome out = read("notes.csv", csv, 2, "format", "notes", "default-region", "GB");
        assertThat(out.messages()).hasSize(2);
        assertThat(out.quarantined()).extracting(Quarantined::reason).satisfiesExactly(
                r -> assertThat(r).startsWith("record 3: "),
                r -> assertThat(r).startsWith("record 4 (from line 6): ").containsIgnoringCase("EOF"));
        assertThat(new String(out.quarantined().get(1).raw().bytes(), StandardCharsets.UTF_8))
                .startsWith("1.4,").contains("Swallowed by the quote");
    }
}
