package org.redress.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParseCallsTest {

    @TempDir
    Path dir;

    static List<JsonNode> lines(String out) throws Exception {
        ObjectMapper json = new ObjectMapper();
        return out.lines().map(l -> {
            try {
                return json.readTree(l);
            } catch (Exception e) {
                throw new AssertionError("not JSON: " + l, e);
            }
        }).toList();
    }

    @Test
    void prints_one_json_line_per_call_with_quarantined_rows_in_place() throws Exception {
        Path file = Files.writeString(dir.resolve("Master.csv"),
                "\"\",\"0721000001\",\"100\",\"from-trunk\",\"\"\"Ana Pop\"\" <0721000001>\",\"PJSIP/trunk-1\",\"\",\"Dial\","
                        + "\"PJSIP/201,30\",\"2026-03-02 09:00:00\",,\"2026-03-02 09:00:30\",30,0,\"NO ANSWER\",\"DOCUMENTATION\","
                        + "\"1.1\",\"\"\n"
                        + "\"broken\",\"row\"\n"
                        + "\"\",\"anonymous\",\"100\",\"from-trunk\",\"\",\"PJSIP/trunk-2\",\"PJSIP/201-2\",\"Dial\",\"x\","
                        + "\"2026-03-02 10:00:00\",\"2026-03-02 10:00:05\",\"2026-03-02 10:05:00\",300,295,\"ANSWERED\","
                        + "\"DOCUMENTATION\",\"1.2\",\"\"\n");
        CliTest.Result r = CliTest.run("parse-calls", file.toString(), "--format", "asterisk", "--region", "RO",
                "--time-zone", "Europe/Bucharest");
        assertThat(r.code()).as(r.err()).isZero();
        List<JsonNode> out = lines(r.out());
        assertThat(out).hasSize(3);
        JsonNode missed = out.get(0);
        assertThat(missed.get("callId").asText()).isEqualTo("1.1");
        assertThat(missed.get("caller").asText()).isEqualTo("+40721000001");
        assertThat(missed.get("start").asText()).isEqualTo("2026-03-02T07:00:00Z");
        assertThat(missed.get("outcome").asText()).isEqualTo("missed");
        assertThat(missed.get("durationSeconds").asLong()).isEqualTo(30);
        assertThat(missed.get("answeredBy").isNull()).isTrue();
        assertThat(out.get(1).get("quarantined").get("line").asLong()).isEqualTo(2);
        assertThat(out.get(1).get("quarantined").get("reason").asText()).isEqualTo("line 2: expected 16 to 21 columns, found 2");
        assertThat(out.get(2).get("caller").asText()).isEqualTo("withheld");
        assertThat(out.get(2).get("answeredBy").asText()).isEqualTo("PJSIP/201-2");
    }

    @Test
    void notes_show_their_promises() throws Exception {
        Path file = Files.writeString(dir.resolve("notes.jsonl"), "{\"call_ref\":{\"uniqueid\":\"1.1\"},\"caller\":\"+40721000001\","
                + "\"agent\":\"201\",\"written_at\":\"2026-03-02T08:00:00Z\",\"text\":\"Card charged twice. I will call her back "
                + "within two hours with the refund number.\"}\n");
        CliTest.Result r = CliTest.run("parse-calls", file.toString(), "--format", "notes");
        JsonNode note = lines(r.out()).get(0);
        assertThat(note.get("callId").asText()).isEqualTo("1.1");
        assertThat(note.get("notes").asText()).startsWith("Card charged twice.");
        assertThat(note.get("promises").get(0).get("due").asText()).isEqualTo("2026-03-02T10:00:00Z");
    }

    @Test
    void wrong_arguments_say_what_is_wrong() {
        CliTest.Result format = CliTest.run("parse-calls", "x.csv", "--format", "avaya");
        assertThat(format.code()).isEqualTo(2);
        assertThat(format.err()).contains("unknown --format 'avaya'");
        CliTest.Result missing = CliTest.run("parse-calls", dir.resolve("nope.csv").toString(), "--format", "asterisk");
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err()).contains("nope.csv: no such file");
        CliTest.Result noFormat = CliTest.run("parse-calls", "x.csv");
        assertThat(noFormat.code()).isEqualTo(2);
        assertThat(noFormat.err()).contains("--format");
    }
}
