package org.redress.channel.phonelog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redress.core.channel.Batch;
import org.redress.core.channel.Channel;
import org.redress.core.channel.ChannelException;
import org.redress.core.channel.Checkpoint;
import org.redress.core.channel.Inbound;
import org.redress.core.channel.InboundMessage;
import org.redress.core.channel.Quarantined;

class CallFormatsTest {

    @TempDir
    Path dir;

    static String cti(String event, String callId, String direction, String extra, String at) {
        return "{\"event\":\"" + event + "\",\"from\":\"40721000001\",\"to\":\"40312000000\",\"direction\":\"" + direction
                + "\",\"callId\":\"" + callId + "\"" + extra + ",\"timestamp\":\"2026-03-02T09:" + at + ":00Z\"}\n";
    }

    @Test
    void asterisk_legs_with_one_linkedid_are_one_call_answered_by_the_agent() throws Exception {
        // 21 columns: a queue leg that no one took, then the agent leg, both under linkedid 100.1
        String queue = "\"\",\"+40721000001\",\"100\",\"from-trunk\",\"\"\"Ana\"\" <+40721000001>\",\"PJSIP/trunk-1\",\"\","
                + "\"Queue\",\"support,t\",\"2026-03-02 09:00:00\",\"2026-03-02 09:00:00\",\"2026-03-02 09:01:00\",60,60,"
                + "\"ANSWERED\",\"DOCUMENTATION\",\"100.1\",\"\",\"\",\"100.1\",1\n";
        String agent = "\"\",\"+40721000001\",\"201\",\"from-queue\",\"\"\"Ana\"\" <+40721000001>\",\"Local/201\",\"PJSIP/201-2\","
                + "\"Dial\",\"PJSIP/201\",\"2026-03-02 09:01:00\",\"2026-03-02 09:01:05\",\"2026-03-02 09:06:00\",300,295,"
                + "\"ANSWERED\",\"DOCUMENTATION\",\"100.2\",\"\",\"\",\"100.1\",2\n";
        String other = agent.replace("100.2", "200.1").replace("\"100.1\",2", "\"200.1\",3");
        Path file = Files.writeString(dir.resolve("Master.csv"), queue + agent + other);
        List<InboundMessage> calls = Open.messages(Open.all(file));
        assertThat(calls).hasSize(2);
        InboundMessage first = calls.get(0);
        assertThat(first.externalId()).isEqualTo("100.1");
        assertThat(first.attributes()).containsEntry(Calls.OUTCOME, "answered").containsEntry(Calls.ANSWERED_BY, "PJSIP/201-2")
                .containsEntry(Calls.LEGS, "2").containsEntry(Calls.DURATION, "360").containsEntry(Calls.QUEUE, "support");
        assertThat(first.raw().location()).isEqualTo("Master.csv lines 1-2");
        // batches of one never split the two legs
        try (Channel c = Open.channel(file)) {
            Batch b = c.read(Checkpoint.START, 1);
            assertThat(b.items()).singleElement().satisfies(i -> assertThat(i.externalId()).isEqualTo("100.1"));
            assertThat(b.more()).isTrue();
            assertThat(c.read(b.next(), 1).items()).extracting(Inbound::externalId).containsExactly("200.1");
        }
    }

    @Test
    void cti_calls_wait_for_their_hangup_and_in_flight_calls_survive_the_checkpoint() throws Exception {
        Path file = dir.resolve("cti.jsonl");
        Files.writeString(file, cti("newCall", "a", "in", ",\"user\":[\"ana\",\"ion\"]", "00")
                + cti("newCall", "b", "in", "", "01")
                + cti("answer", "a", "in", ",\"answeringNumber\":\"ana\"", "02")
                + cti("hangup", "b", "in", ",\"cause\":\"cancel\"", "03"));
        try (Channel c = Open.channel(file, "format", "cti")) {
            Batch first = c.read(Checkpoint.START, 10);
            assertThat(first.items()).extracting(Inbound::externalId).containsExactly("b");
            assertThat(Open.outcome((InboundMessage) first.items().get(0))).isEqualTo("abandoned");
            Files.writeString(file, cti("hangup", "a", "in", ",\"cause\":\"normalClearing\"", "09"), StandardOpenOption.APPEND);
            Batch second = c.read(first.next(), 10);
            assertThat(second.items()).singleElement().satisfies(i -> {
                InboundMessage m = (InboundMessage) i;
                assertThat(m.externalId()).isEqualTo("a");
                assertThat(m.attributes()).containsEntry(Calls.OUTCOME, "answered").containsEntry(Calls.ANSWERED_BY, "ana")
                        .containsEntry(Calls.TALK, "420").containsEntry(Calls.CALLER, "+40721000001");
            });
            assertThat(c.read(second.next(), 10).items()).isEmpty();
        }
    }

    @Test
    void cti_voicemail_is_missed_and_bad_events_are_quarantined_with_their_line() throws Exception {
        Path file = Files.writeString(dir.resolve("cti.jsonl"), cti("newCall", "v", "in", "", "00")
                + cti("answer", "v", "in", ",\"user\":\"voicemail\"", "01")
                + cti("hangup", "v", "in", ",\"cause\":\"normalClearing\"", "02")
                + "{\"event\":\"newCall\",\"direction\":\"sideways\",\"callId\":\"x\"}\n"
                + "not json\n"
                + cti("newCall", "v", "in", "", "05"));
        List<Inbound> items = Open.all(file, "format", "cti");
        assertThat(Open.messages(items)).singleElement().satisfies(m -> assertThat(Open.outcome(m)).isEqualTo("missed"));
        assertThat(items).filteredOn(Quarantined.class::isInstance).extracting(i -> ((Quarantined) i).reason())
                .containsExactlyInAnyOrder("line 4: Invalid 'direction' 'sideways': expected in or out",
                        "line 5: malformed JSON: Unrecognized token 'not': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')",
                        "line 6: a second newCall for callId v");
    }

    @Test
    void any_csv_through_a_column_map() throws Exception {
        Path mapping = Files.writeString(dir.resolve("twilio.properties"), """
                header = true
                time-format = iso
                column.call-id = CallSid
                column.caller = From
                column.callee = To
                column.start = StartTime
                column.end = EndTime
                column.duration = Duration
                column.status = Status
                column.direction = Direction
                status.answered = completed
                status.missed = no-answer
                status.busy = busy
                status.abandoned = canceled
                direction.out = outbound-api|outbound-dial
                """);
        Path file = Files.writeString(dir.resolve("calls.csv"), """
                CallSid,From,To,StartTime,EndTime,Duration,Status,Direction
                CA1,+447700900123,+442079460000,2025-03-03T09:14:02Z,2025-03-03T09:21:47Z,465,completed,inbound
                CA2,+447700900456,+442079460000,2025-03-03T09:30:11Z,2025-03-03T09:30:41,30,no-answer,inbound
                CA3,+442079460000,+447700900456,2025-03-04T17:05:00Z,2025-03-04T17:09:40Z,280,completed,outbound-api
                CA4,+447700900789,+442079460000,2025-03-04T18:00:00Z,,0,ringing,inbound
                """);
        List<Inbound> items = Open.all(file, "format", "mapping", "mapping", mapping.toString());
        assertThat(items).hasSize(4);
        assertThat(Open.outcome((InboundMessage) items.get(0))).isEqualTo("answered");
        assertThat(items.get(1)).isInstanceOfSatisfying(Quarantined.class, q -> assertThat(q.reason())
                .isEqualTo("line 3: end '2025-03-03T09:30:41' is not a time as iso"));
        assertThat(((InboundMessage) items.get(2)).isAutomated()).isTrue();
        assertThat(items.get(3)).isInstanceOfSatisfying(Quarantined.class, q -> assertThat(q.reason())
                .isEqualTo("line 5: status 'ringing' is not mapped; add it to a status.<outcome> line of the mapping"));
    }

    @Test
    void a_mapping_that_does_not_fit_the_file_names_the_column() throws Exception {
        Path mapping = Files.writeString(dir.resolve("m.properties"), "column.call-id = Id\ncolumn.caller = From\n"
                + "column.callee = To\ncolumn.start = Start\ncolumn.status = State\nstatus.answered = ok\n");
        Path file = Files.writeString(dir.resolve("calls.csv"), "Id,From,To,Start,Status\n1,+1,+2,2025-01-01 10:00:00,ok\n");
        try (Channel c = Open.channel(file, "format", "mapping", "mapping", mapping.toString())) {
            assertThatThrownBy(() -> c.read(Checkpoint.START, 10)).isInstanceOf(ChannelException.class)
                    .hasMessageContaining("the file's header has no column for column.status = State");
        }
        Path incomplete = Files.writeString(dir.resolve("bad.properties"), "column.call-id = Id\n");
        assertThatThrownBy(() -> Open.channel(file, "format", "mapping", "mapping", incomplete.toString()))
                .isInstanceOf(ChannelException.class).hasMessageContaining("needs 'column.caller'");
        assertThatThrownBy(() -> Open.channel(file, "format", "mapping"))
                .hasMessageContaining("setting 'mapping' is required for format=mapping");
    }

    @Test
    void notes_in_csv_with_text_over_several_lines_resume_by_record() throws Exception {
        Path file = Files.writeString(dir.resolve("notes.csv"), """
                call_id,caller,agent,written_at,text,callback_due
                1741000442.1,07700 900123,201,2025-03-03T09:23:10Z,"Parcel stuck at depot.
                Will call back tomorrow before 12:00.",2025-03-04T12:00:00Z
                ,+447700900456,202,2025-03-03T10:00:00Z,,
                """);
        try (Channel c = Open.channel(file, "format", "notes", "default-region", "GB")) {
            Batch b = c.read(Checkpoint.START, 1);
            InboundMessage note = (InboundMessage) b.items().get(0);
            assertThat(note.text()).isEqualTo("Parcel stuck at depot.\nWill call back tomorrow before 12:00.");
            assertThat(note.sender().value()).isEqualTo("+447700900123");
            assertThat(note.threadReferences()).containsExactly("1741000442.1");
            assertThat(b.next().value()).isEqualTo("record:1");
            Batch rest = c.read(b.next(), 10);
            assertThat(rest.items()).singleElement().isInstanceOfSatisfying(Quarantined.class,
                    q -> assertThat(q.reason()).isEqualTo("record 2: the note has no text"));
        }
    }

    @Test
    void numbers_go_to_e164_with_the_default_region() {
        PhoneNumbers ro = new PhoneNumbers("RO");
        assertThat(ro.normalise("0721 000 001")).isEqualTo("+40721000001");
        assertThat(ro.normalise("0044 7700 900123")).isEqualTo("+447700900123");
        assertThat(ro.normalise("tel:+40-21-312-0000")).isEqualTo("+40213120000");
        assertThat(ro.normalise("493023125741")).isEqualTo("+493023125741");
        assertThat(ro.normalise("Anonymous")).isEqualTo("withheld");
        assertThat(ro.normalise("")).isEqualTo("withheld");
        assertThat(ro.normalise("201")).isEqualTo("201");
        assertThatThrownBy(() -> new PhoneNumbers("XX")).hasMessageContaining("'XX' is not a region");
    }

    @Test
    void a_line_still_being_written_waits_and_a_growing_file_is_followed_from_its_offset() throws Exception {
        Path file = dir.resolve("Master.csv");
        String first = "\"\",\"+40721000001\",\"100\",\"from-trunk\",\"Ana\",\"PJSIP/t-1\",\"PJSIP/201-1\",\"Dial\",\"x\","
                + "\"2026-03-02 09:00:00\",\"2026-03-02 09:00:05\",\"2026-03-02 09:01:00\",60,55,\"ANSWERED\",\"DOCUMENTATION\","
                + "\"1.1\",\"\"\n";
        String second = first.replace("1.1", "1.2").replace("+40721000001", "+40721000002");
        Files.writeString(file, first + second.substring(0, 30));
        try (Channel c = Open.channel(file)) {
            Batch batch = c.read(Checkpoint.START, 10);
            assertThat(batch.items()).extracting(Inbound::externalId).containsExactly("1.1");
            assertThat(batch.more()).isFalse();
            assertThat(batch.next().value()).isEqualTo(first.getBytes().length + ":1");
            Files.writeString(file, second.substring(30), StandardOpenOption.APPEND);
            Batch next = c.read(batch.next(), 10);
            assertThat(next.items()).extracting(Inbound::externalId).containsExactly("1.2");
            assertThat(next.next().value()).isEqualTo((first + second).getBytes().length + ":2");
            assertThat(c.read(next.next(), 10).items()).isEmpty();
        }
        Files.writeString(file, "");
        try (Channel c = Open.channel(file)) {
            assertThatThrownBy(() -> c.read(Checkpoint.of("500:2"), 10)).isInstanceOf(ChannelException.class)
                    .hasMessageContaining("truncated or replaced");
        }
    }
}
