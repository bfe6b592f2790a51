package org.redress.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextCommandsTest {

    static CliTest.Result withStdin(String input, String... args) {
        InputStream saved = System.in;
        System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
        try {
            return CliTest.run(args);
        } finally {
            System.setIn(saved);
        }
    }

    @Test
    void triage_detects_the_language_and_prints_signals_priority_and_category() throws Exception {
        CliTest.Result r = CliTest.run("triage", "Dacă nu primesc rambursarea de 250 lei, contest plata la bancă și vă dau în judecată!");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode o = new ObjectMapper().readTree(r.out());
        assertThat(o.get("language").asText()).isEqualTo("ro");
        assertThat(o.get("languageSource").asText()).isEqualTo("detected");
        assertThat(o.get("signals").findValuesAsText("code")).contains("MONEY_CLAIM", "THREAT_CHARGEBACK", "THREAT_LEGAL");
        JsonNode legal = o.get("signals").get(o.get("signals").size() - 1);
        assertThat(legal.get("evidence").asText()).isEqualTo("vă dau în judecată");
        assertThat(o.get("priority").asText()).isEqualTo("P1");
        assertThat(o.get("category").asText()).isEqualTo("billing");
    }

    @Test
    void check_reply_reports_findings_suggestions_and_promises() throws Exception {
        CliTest.Result r = CliTest.run("check-reply", "--lang", "en", "--unresolved", "--now", "2026-11-23T08:00:00Z",
                "--time-zone", "Europe/Bucharest", "I don't know why. I will call you back tomorrow by 10.");
        JsonNode o = new ObjectMapper().readTree(r.out());
        assertThat(o.get("findings")).singleElement().satisfies(f -> {
            assertThat(f.get("code").asText()).isEqualTo("ADMITS_NOT_KNOWING");
            assertThat(f.get("severity").asText()).isEqualTo("block");
            assertThat(f.get("start").asInt()).isZero();
            assertThat(f.get("end").asInt()).isEqualTo(12);
            assertThat(f.get("suggestion").asText()).startsWith("Let me find out for you");
        });
        assertThat(o.get("promises").get(0).get("due").asText()).isEqualTo("2026-11-24T08:00:00Z");
    }

    @Test
    void check_reply_in_a_language_without_rules_says_not_checked() throws Exception {
        CliTest.Result r = CliTest.run("check-reply", "--lang", "de", "Ich weiß es nicht, beruhigen Sie sich.");
        JsonNode o = new ObjectMapper().readTree(r.out());
        assertThat(o.get("checked").asBoolean()).isFalse();
        assertThat(o.get("note").asText()).isEqualTo("not checked (language de)");
        assertThat(o.get("findings")).isEmpty();
    }

    @Test
    void batch_answers_line_by_line_and_a_bad_line_gets_an_error_object() throws Exception {
        CliTest.Result r = withStdin("{\"text\":\"Calm down, please.\",\"lang\":\"en\"}\n{\"txt\":\"x\"}\n"
                + "{\"text\":\"Ne pare rău. Revin cu vești până vineri.\"}\n", "check-reply", "--batch");
        List<JsonNode> out = ParseCallsTest.lines(r.out());
        assertThat(out).hasSize(3);
        assertThat(out.get(0).get("findings").findValuesAsText("code")).containsExactly("TELLS_TO_CALM_DOWN");
        assertThat(out.get(1).get("error").asText()).isEqualTo("line 2: expected an object with a \"text\" string");
        assertThat(out.get(2).get("language").asText()).isEqualTo("ro");
        assertThat(out.get(2).get("promises")).hasSize(1);
    }

    @Test
    void an_undetectable_text_falls_back_to_the_default_and_says_so() throws Exception {
        CliTest.Result r = CliTest.run("triage", "--default-lang", "et", "12345 !!! ???");
        JsonNode o = new ObjectMapper().readTree(r.out());
        assertThat(o.get("language").asText()).isEqualTo("et");
        assertThat(o.get("languageSource").asText()).isEqualTo("default");
        assertThat(o.get("note").asText()).isEqualTo("language not detected; using the default et");
    }

    @Test
    void a_wrong_option_value_is_a_usage_error() {
        CliTest.Result r = CliTest.run("check-reply", "--now", "yesterday", "Hello");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--now 'yesterday' is not an ISO-8601 instant");
    }
}
