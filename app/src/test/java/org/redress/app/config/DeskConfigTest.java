package org.redress.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redress.app.cli.RedressCommand;

class DeskConfigTest {

    @TempDir
    Path dir;

    Path file(String yaml) throws Exception {
        return Files.writeString(dir.resolve("redress.yaml"), yaml);
    }

    @Test
    void reads_the_desk_and_its_channels_with_secrets_from_the_environment() throws Exception {
        DeskConfig c = DeskConfig.load(file("""
                desk:
                  node: node-a
                  poll-every: 500ms
                  lease-ttl: PT45S
                  batch: 20
                channels:
                  support-mail:
                    plugin: email
                    settings:
                      source: imap
                      port: 993
                      password: ${MAIL_PASSWORD}
                """), "fallback", Map.of("MAIL_PASSWORD", "s3cret")::get);
        assertThat(c.node()).isEqualTo("node-a");
        assertThat(c.pollEvery()).isEqualTo(Duration.ofMillis(500));
        assertThat(c.leaseTtl()).isEqualTo(Duration.ofSeconds(45));
        assertThat(c.batch()).isEqualTo(20);
        assertThat(c.channels()).singleElement().isEqualTo(new DeskConfig.ChannelConfig("support-mail", "email",
                Map.of("source", "imap", "port", "993", "password", "s3cret")));
    }

    @Test
    void every_mistake_is_named_with_its_setting_at_once() throws Exception {
        Path f = file("""
                desk:
                  pol-every: 5s
                  lease-ttl: soon
                  batch: many
                channels:
                  support-mail:
                    settings:
                      password: ${NOT_SET_ANYWHERE}
                  phones:
                    plugin: phone-log
                    setings: {}
                """);
        assertThatThrownBy(() -> DeskConfig.load(f, "n", name -> null))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("unknown setting 'desk.pol-every' (known here: batch, lease-ttl, node, poll-every)")
                .hasMessageContaining("desk.lease-ttl: not a duration: 'soon'")
                .hasMessageContaining("desk.batch: not a whole number: 'many'")
                .hasMessageContaining("channels.support-mail.plugin: missing")
                .hasMessageContaining("unknown setting 'channels.phones.setings'");
    }

    @Test
    void serve_stops_at_start_up_naming_a_wrong_channel_setting_and_an_unknown_plugin() throws Exception {
        Path f = file("""
                channels:
                  support-mail:
                    plugin: email
                    settings:
                      source: imap
                      port: not-a-port
                  chat:
                    plugin: whatsapp
                """);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = RedressCommand.run(new String[] {"serve", "--db", dir.resolve("desk").toString(), "--config", f.toString()},
                new PrintWriter(out), new PrintWriter(err));
        assertThat(code).isEqualTo(1);
        assertThat(err.toString())
                .contains("channels.support-mail.settings:")
                .contains("port")
                .contains("channels.chat: no channel plugin has the id 'whatsapp'; known ids: email, phone-log, social");
        assertThat(out.toString()).doesNotContain("ready");
    }
}
