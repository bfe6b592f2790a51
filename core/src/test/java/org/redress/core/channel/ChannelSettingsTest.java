package org.redress.core.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChannelSettingsTest {

    static final ChannelDescriptor MAILBOX = new ChannelDescriptor("mailbox", "Mailbox", "1.0", List.of(
            SettingSpec.required("host", SettingType.TEXT, "The server to read mail from."),
            SettingSpec.optional("port", SettingType.PORT, "993", "The server's IMAPS port."),
            SettingSpec.required("password", SettingType.SECRET, "The mailbox password."),
            SettingSpec.optional("poll", SettingType.DURATION, "PT1M", "How often to poll when IDLE is not available."),
            SettingSpec.choice("after-commit", List.of("flag", "move"), "flag", "What to do with a stored message.")),
            true);

    @Test
    void fills_defaults_and_reads_typed_values() throws Exception {
        ChannelSettings s = ChannelSettings.validate(MAILBOX, Map.of("host", "imap.example.org", "password", "pw",
                "poll", "30"));
        assertThat(s.require("host")).isEqualTo("imap.example.org");
        assertThat(s.integer("port")).contains(993L);
        assertThat(s.duration("poll")).contains(Duration.ofSeconds(30));
        assertThat(s.require("after-commit")).isEqualTo("flag");
    }

    @Test
    void names_every_missing_unknown_and_malformed_setting_at_once() {
        assertThatThrownBy(() -> ChannelSettings.validate(MAILBOX, Map.of("port", "99999", "hots", "x",
                "after-commit", "delete")))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("setting 'host' is required: The server to read mail from.")
                .hasMessageContaining("setting 'password' is required")
                .hasMessageContaining("setting 'port' must be a port number from 1 to 65535, got 99999")
                .hasMessageContaining("setting 'hots' is unknown; known settings: host, port")
                .hasMessageContaining("setting 'after-commit' must be one of flag, move, got 'delete'")
                .satisfies(e -> assertThat(((InvalidSettingsException) e).problems()).hasSize(5));
    }

    @Test
    void never_prints_a_secret() throws Exception {
        ChannelSettings s = ChannelSettings.validate(MAILBOX, Map.of("host", "h", "password", "hunter2"));
        assertThat(s.toString()).contains("password=***").doesNotContain("hunter2");
    }

    @Test
    void a_malformed_duration_is_explained() {
        assertThatThrownBy(() -> ChannelSettings.validate(MAILBOX, Map.of("host", "h", "password", "p",
                "poll", "often")))
                .hasMessageContaining("setting 'poll' must be a duration such as PT30S or 30 (seconds), got 'often'");
    }

    @Test
    void a_descriptor_rejects_bad_ids_and_duplicate_settings() {
        assertThatThrownBy(() -> new ChannelDescriptor("E-mail", "x", "1", List.of(), false))
                .hasMessageContaining("channel id 'E-mail'");
        SettingSpec host = SettingSpec.required("host", SettingType.TEXT, "The host to use.");
        assertThatThrownBy(() -> new ChannelDescriptor("x", "x", "1", List.of(host, host), false))
                .hasMessageContaining("declares setting 'host' twice");
        assertThatThrownBy(() -> SettingSpec.optional("port", SettingType.PORT, "0", "A port."))
                .hasMessageContaining("default of setting 'port'");
    }
}
