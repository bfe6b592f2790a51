package org.redress.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class CliTest {

    record Result(int code, String out, String err) {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = RedressCommand.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void channels_lists_the_three_channel_plugins_as_a_table() {
        Result r = run("channels");
        assertThat(r.code()).isZero();
        assertThat(r.out().lines().toList()).hasSize(4);
        assertThat(r.out().lines().findFirst().orElseThrow()).startsWith("ID").contains("NAME").contains("VERSION");
        assertThat(r.out()).containsPattern("(?m)^email\\s+Email\\s+\\S+")
                .containsPattern("(?m)^phone-log\\s+Phone log\\s+\\S+")
                .containsPattern("(?m)^social\\s+Social media\\s+\\S+");
        assertThat(r.out()).doesNotContain("unknown");
    }

    @Test
    void channels_json_describes_each_plugin_and_its_settings() throws Exception {
        Result r = run("channels", "--json");
        assertThat(r.code()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json).hasSize(3);
        assertThat(json.findValuesAsText("id")).containsExactly("email", "phone-log", "social");
        JsonNode email = json.get(0);
        assertThat(email.get("version").asText()).isNotBlank().isNotEqualTo("unknown");
        assertThat(email.get("settings").findValuesAsText("key")).contains("path", "host", "smtp-host");
        assertThat(email.get("settings").get(0).get("key").asText()).isEqualTo("source");
        assertThat(email.get("settings").get(0).get("choices")).extracting(JsonNode::asText)
                .containsExactly("imap", "pop3", "eml", "mbox", "maildir");
        assertThat(email.get("canReply").asBoolean()).isTrue();
    }

    @Test
    void an_unknown_command_is_a_one_line_hint_and_exit_code_2() {
        Result r = run("chanels");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().lines().toList()).singleElement().asString()
                .contains("chanels").contains("did you mean channels").contains("--help");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void an_unknown_option_is_a_one_line_hint_and_exit_code_2() {
        Result r = run("channels", "--jsn");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().lines().toList()).singleElement().asString()
                .contains("--jsn").contains("redress channels --help");
    }

    @Test
    void help_and_version() {
        Result help = run("--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("Usage: redress").contains("channels");
        Result version = run("--version");
        assertThat(version.code()).isZero();
        assertThat(version.out()).startsWith("redress ");
    }

    @Test
    void no_command_is_a_usage_error() {
        Result r = run();
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("a command is required");
    }
}
