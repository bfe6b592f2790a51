package org.redress.channel.phonelog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redress.core.channel.Inbound;
import org.redress.core.channel.InboundMessage;
import org.redress.core.channel.Quarantined;
import org.redress.core.channel.SenderIdentity;

/**
 * The channel over ../shared/corpus/phone (path: -Dredress.corpus), against what each sample's README and
 * upstream say. Reports a pass rate per source and holds the floor at every check passing.
 */
class PhoneLogCorpusTest {

    static Path corpus;
    static final Map<String, int[]> RESULTS = new TreeMap<>();

    @BeforeAll
    static void findCorpus() {
        corpus = Path.of(System.getProperty("redress.corpus", "../../shared/corpus")).resolve("phone");
        Assumptions.assumeTrue(Files.isDirectory(corpus), "no phone corpus at " + corpus.toAbsolutePath()
                + " (set -Dredress.corpus): corpus checks skipped");
    }

    @AfterAll
    static void report() {
        RESULTS.forEach((source, r) -> System.out.printf("phone corpus %-28s %d/%d checks pass (%.0f%%)%n", source, r[0],
                r[1], 100.0 * r[0] / r[1]));
    }

    static void check(String source, boolean ok, List<String> failures, String what) {
        int[] r = RESULTS.computeIfAbsent(source, k -> new int[2]);
        r[1]++;
        if (ok) {
            r[0]++;
        } else {
            failures.add(source + ": " + what);
        }
    }

    static Map<String, InboundMessage> byId(List<Inbound> items) {
        Map<String, InboundMessage> m = new LinkedHashMap<>();
        Open.messages(items).forEach(x -> m.put(x.externalId(), x));
        return m;
    }

    @Test
    void asterisk_samples() throws Exception {
        List<String> failures = new ArrayList<>();
        Map<String, InboundMessage> c18 = byId(Open.all(corpus.resolve("asterisk/synthetic-Master-18col.csv"),
                "time-zone", "Europe/London"));
        String s = "asterisk 18 columns";
        check(s, c18.size() == 8, failures, "8 calls, got " + c18.size());
        check(s, "answered".equals(Open.outcome(c18.get("1741000442.1"))), failures, "Jane Roe's first call answered");
        check(s, "missed".equals(Open.outcome(c18.get("1741001411.3"))), failures, "NO ANSWER is missed");
        check(s, "busy".equals(Open.outcome(c18.get("1741002115.5"))), failures, "BUSY is busy");
        check(s, "abandoned".equals(Open.outcome(c18.get("1741003320.7"))), failures, "Queue ANSWERED without agent");
        check(s, c18.get("1741003320.7").sender().kind() == SenderIdentity.Kind.WITHHELD, failures, "anonymous is withheld");
        check(s, "abandoned".equals(Open.outcome(c18.get("1741107320.9"))), failures, "Jane's second call abandoned in queue");
        InboundMessage callback = c18.get("1741108700.11");
        check(s, callback.threadReferences().contains("1741001411.3"), failures, "callback links the missed call");
        check(s, callback.isAutomated() && callback.sender().value().equals("+447700900456"), failures,
                "callback is the desk's own, to the customer");
        check(s, "failed".equals(Open.outcome(c18.get("1741161600.14"))), failures, "CONGESTION is failed");
        check(s, c18.get("1741161600.14").sender().displayName().equals("ACME Ltd, Accounts"), failures,
                "caller name with a comma");

        Map<String, InboundMessage> c16 = byId(Open.all(corpus.resolve("asterisk/synthetic-Master-16col.csv")));
        check("asterisk 16 columns", c16.size() == 2 && c16.keySet().stream().allMatch(k -> k.startsWith("row:")),
                failures, "2 calls keyed by row digest (no uniqueid column)");
        List<Inbound> c21 = Open.all(corpus.resolve("asterisk/synthetic-Master-21col-newcdrcolumns.csv"));
        check("asterisk 21 columns", byId(c21).keySet().equals(java.util.Set.of("1741000442.1", "1741001411.3")), failures,
                "calls keyed by linkedid");
        Map<String, InboundMessage> real = byId(Open.all(corpus.resolve("asterisk/testsuite-Master.csv")));
        check("asterisk testsuite", real.size() == 2 && real.values().stream().noneMatch(InboundMessage::isAutomated),
                failures, "2 real lines read, inbound");
        List<Inbound> cel = Open.all(corpus.resolve("asterisk/testsuite-CELMaster1.csv"));
        check("asterisk CEL (not CDR)", cel.stream().allMatch(Quarantined.class::isInstance) && !cel.isEmpty(), failures,
                "CEL lines are not CDR rows: quarantined, not misread");
        assertThat(failures).isEmpty();
    }

    @Test
    void freeswitch_samples() throws Exception {
        List<String> failures = new ArrayList<>();
        Map<String, InboundMessage> builtin = byId(Open.all(corpus.resolve(
                "freeswitch/synthetic-Master-builtin-default-template.csv"), "format", "freeswitch"));
        String s = "freeswitch built-in default";
        check(s, builtin.size() == 2, failures, "2 calls despite the stray space");
        check(s, "answered".equals(Open.outcome(builtin.get("5b0e2c1a-7d2f-4f8e-9c1d-2a6f8e1b3c01"))), failures, "answered");
        check(s, "missed".equals(Open.outcome(builtin.get("0c1d2e3f-4a5b-4c6d-8e7f-901a2b3c4d5e"))), failures, "NO_ANSWER");
        Map<String, InboundMessage> example = byId(Open.all(corpus.resolve(
                "freeswitch/synthetic-Master-example-template.csv"), "format", "freeswitch"));
        s = "freeswitch example template";
        check(s, example.size() == 5, failures, "5 calls");
        check(s, "busy".equals(Open.outcome(example.get("6f7e8d9c-0b1a-4c2d-9e3f-a4b5c6d7e8f9"))), failures, "USER_BUSY");
        check(s, "abandoned".equals(Open.outcome(example.get("1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d"))), failures,
                "ORIGINATOR_CANCEL while ringing");
        check(s, example.get("9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d").isAutomated(), failures,
                "agent's call from context default is the desk's own");
        assertThat(failures).isEmpty();
    }

    @Test
    void zammad_cti_spec_replayed(@TempDir Path dir) throws Exception {
        // Zammad's own request spec: the final 'done' of each call says whether it needs attention (missed).
        JsonNode spec = new ObjectMapper().readTree(corpus.resolve("zammad-cti/zammad-cti-spec-sequences.json").toFile());
        StringBuilder lines = new StringBuilder();
        Map<String, Boolean> done = new LinkedHashMap<>();
        java.util.Set<String> hungUp = new java.util.HashSet<>();
        for (JsonNode step : spec.get("does_log_call")) {
            JsonNode p = step.get("params");
            lines.append(p.toString()).append('\n');
            String id = p.has("callId") ? p.get("callId").asText() : p.get("call_id").asText();
            if (p.get("event").asText().equals("hangup")) {
                hungUp.add(id);
            }
            if (step.has("expect_log") && step.get("expect_log").has("done")) {
                done.put(id, step.get("expect_log").get("done").asBoolean());
            }
        }
        Path file = Files.writeString(dir.resolve("cti.jsonl"), lines);
        Map<String, InboundMessage> calls;
        org.redress.core.channel.Checkpoint end;
        try (org.redress.core.channel.Channel c = Open.channel(file, "format", "cti")) {
            org.redress.core.channel.Batch b = c.read(org.redress.core.channel.Checkpoint.START, 1000);
            calls = byId(b.items());
            end = b.next();
        }
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, Boolean> e : done.entrySet()) {
            InboundMessage call = calls.get(e.getKey());
            if (!hungUp.contains(e.getKey())) {
                // still ringing when the spec ends: held until its hangup, carried in the checkpoint
                check("zammad cti spec", call == null && end.value().contains("|"), failures,
                        "ringing call " + e.getKey() + " is held in the checkpoint");
                continue;
            }
            boolean needsAttention = call != null && !call.isAutomated()
                    && !"answered".equals(Open.outcome(call));
            check("zammad cti spec", call != null && needsAttention == !e.getValue(), failures,
                    "call " + e.getKey() + " done=" + e.getValue() + " but got " + (call == null ? "nothing" : Open.outcome(call)));
        }
        Map<String, InboundMessage> docs = byId(Open.all(corpus.resolve("zammad-cti/doc-inbound-session-307fa962.jsonl"),
                "format", "cti"));
        check("zammad cti docs", docs.size() == 1 && "answered".equals(Open.outcome(docs.values().iterator().next()))
                && "+493023125741".equals(docs.values().iterator().next().sender().value()), failures,
                "documented inbound session is one answered call from +493023125741");
        assertThat(failures).isEmpty();
    }

    @Test
    void agent_notes() throws Exception {
        List<String> failures = new ArrayList<>();
        List<Inbound> items = Open.all(corpus.resolve("agent-notes/synthetic-agent-call-notes.jsonl"), "format", "notes",
                "default-region", "GB");
        Map<String, InboundMessage> notes = new LinkedHashMap<>();
        Open.messages(items).forEach(m -> notes.put(m.attributes().get(Calls.CALL_ID), m));
        String s = "agent notes";
        check(s, notes.size() == 3, failures, "3 notes with text");
        check(s, items.stream().filter(Quarantined.class::isInstance).count() == 2, failures,
                "2 entries without text quarantined, not dropped");
        InboundMessage jane = notes.get("1741000442.1");
        check(s, jane != null && "2025-03-04T12:00:00Z".equals(jane.attributes().get(AgentNotes.CALLBACK_DUE)), failures,
                "structured callback due kept");
        InboundMessage callback = notes.get("1741108700.11");
        check(s, callback != null && callback.threadReferences().contains("1741001411.3"), failures,
                "callback note links the missed call it fulfils");
        check(s, notes.get("1741003320.7") != null
                && notes.get("1741003320.7").sender().kind() == SenderIdentity.Kind.WITHHELD, failures, "anonymous caller");
        assertThat(failures).isEmpty();
    }
}
