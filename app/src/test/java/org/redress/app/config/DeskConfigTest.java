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
    void business_hours_sla_targets_routing_and_remedy_caps_come_from_the_file() throws Exception {
        DeskConfig c = DeskConfig.load(file("""
                hours:
                  timezone: Europe/Bucharest
                  open: "08:30"
                  close: "16:30"
                  days: [mon, tue, wed, thu, fri, sat]
                  holidays: [2026-12-25]
                sla:
                  warn-at: 0.75
                  P1: {acknowledgement: 10m, resolution: 4h}
                routing:
                  billing: billing-team
                  default: tier-1
                remedies:
                  currency: RON
                  caps: {agent: 100, supervisor: 5000}
                escalation:
                  stuck-after: 8h
                  stuck-floor: supervisor
                  on-broken-promise: false
                """), "n", name -> null);
        Policies p = c.policies();
        assertThat(p.calendar().zone()).isEqualTo(java.time.ZoneId.of("Europe/Bucharest"));
        assertThat(p.calendar().isWorkingDay(java.time.LocalDate.of(2026, 11, 28))).isTrue(); // a Saturday
        assertThat(p.calendar().isWorkingDay(java.time.LocalDate.of(2026, 12, 25))).isFalse();
        assertThat(p.sla().warnAt()).isEqualTo(0.75);
        assertThat(p.sla().target(org.redress.core.complaint.Priority.P1, org.redress.core.sla.SlaMetric.ACKNOWLEDGEMENT))
                .isEqualTo(Duration.ofMinutes(10));
        assertThat(p.sla().target(org.redress.core.complaint.Priority.P1, org.redress.core.sla.SlaMetric.FIRST_RESPONSE))
                .isEqualTo(Duration.ofHours(1));
        assertThat(p.routing().teamFor(new org.redress.core.complaint.Category("billing"))).isEqualTo("billing-team");
        assertThat(p.routing().teamFor(new org.redress.core.complaint.Category("delivery"))).isEqualTo("tier-1");
        assertThat(p.remedies().cap(org.redress.core.staff.Role.AGENT)).contains(org.redress.core.remedy.Money.of("100", "RON"));
        assertThat(p.remedies().cap(org.redress.core.staff.Role.SENIOR)).contains(org.redress.core.remedy.Money.of("200", "RON"));
        assertThat(p.stuckAfter()).isEqualTo(Duration.ofHours(8));
        org.redress.core.complaint.Complaint fresh = org.redress.core.complaint.Complaint.receive(new org.redress.core.complaint.Complaint.Number(1),
                new org.redress.core.customer.Customer.Id(1), "email", "s", new org.redress.core.complaint.Category("other"),
                org.redress.core.complaint.Priority.P3, "en", java.util.List.of(),
                new org.redress.core.complaint.Entry.CustomerMessage(java.time.Instant.EPOCH, "email", "x", "a@b.example", "t", false));
        assertThat(p.escalation().decide(fresh, new org.redress.core.escalation.Trigger.BrokenPromise("call back"))).isEmpty();
        assertThat(p.escalation().decide(fresh, new org.redress.core.escalation.Trigger.Stuck("idle")).orElseThrow().to())
                .isEqualTo(org.redress.core.complaint.EscalationLevel.SUPERVISOR);
    }

    @Test
    void a_wrong_policy_setting_is_named() throws Exception {
        Path f = file("""
                hours: {timezone: Mars/Olympus, open: "9am", days: [mon, funday], holidays: [christmas]}
                sla: {P7: {resolution: 1h}, P1: {resolution: soon}, warn-at: 2}
                remedies: {currency: euro, caps: {intern: 5}}
                escalation: {stuck-after: ages, on-sla-breach: maybe}
                """);
        assertThatThrownBy(() -> DeskConfig.load(f, "n", name -> null))
                .hasMessageContaining("hours.timezone: not a time zone: 'Mars/Olympus'")
                .hasMessageContaining("hours.open: not a time of day: '9am'")
                .hasMessageContaining("hours.days: not a day: 'funday'")
                .hasMessageContaining("hours.holidays: not a date: 'christmas'")
                .hasMessageContaining("sla.P7: not a priority")
                .hasMessageContaining("sla.P1.resolution: not a duration: 'soon'")
                .hasMessageContaining("sla.warn-at: between 0 and 1")
                .hasMessageContaining("remedies.currency: a three-letter currency code")
                .hasMessageContaining("remedies.caps.intern: not a role")
                .hasMessageContaining("escalation.stuck-after: not a duration: 'ages'")
                .hasMessageContaining("escalation.on-sla-breach: true or false");
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
                .hasMessageContaining("unknown setting 'desk.pol-every' (known here: batch, cti-spool, history-before, language, lease-ttl, node, poll-every, read-across-teams)")
                .hasMessageContaining("desk.lease-ttl: not a duration: 'soon'")
                .hasMessageContaining("desk.batch: not a whole number: 'many'")
                .hasMessageContaining("channels.support-mail.plugin: missing")
                .hasMessageContaining("unknown setting 'channels.phones.setings'");
    }

    @Test
    void negative_and_zero_intervals_duplicate_keys_and_yaml_syntax_are_named_with_where_they_are() throws Exception {
        assertThatThrownBy(() -> DeskConfig.load(file("""
                desk:
                  poll-every: PT-5S
                  history-before: PT-1H
                """), "n", name -> null))
                .hasMessageContaining("desk.poll-every: must not be negative, got 'PT-5S'")
                .hasMessageContaining("desk.history-before: must not be negative");
        assertThatThrownBy(() -> DeskConfig.load(file("desk:\n  poll-every: 0s\n"), "n", name -> null))
                .hasMessageContaining("desk.poll-every: must be at least 100ms");
        assertThatThrownBy(() -> DeskConfig.load(file("desk:\n  batch: 10\n  batch: 20\n"), "n", name -> null))
                .hasMessageContaining(":3:").hasMessageContaining("Duplicate field 'batch'");
        assertThatThrownBy(() -> DeskConfig.load(file("desk:\n  node: [a\nchannels: {}\n"), "n", name -> null))
                .isInstanceOf(ConfigException.class).hasMessageMatching("(?s).*redress\\.yaml:\\d+:\\d+: .*");
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
        assertThat(dir.resolve("desk.mv.db")).as("a refused start leaves no database behind").doesNotExist();

        // the file's own mistakes and its channels' come in one report
        Path both = file("""
                desk:
                  batch: many
                channels:
                  chat:
                    plugin: whatsapp
                """);
        StringWriter err2 = new StringWriter();
        assertThat(RedressCommand.run(new String[] {"serve", "--db", dir.resolve("desk2").toString(), "--config", both.toString()},
                new PrintWriter(new StringWriter()), new PrintWriter(err2))).isEqualTo(1);
        assertThat(err2.toString()).contains("desk.batch: not a whole number").contains("channels.chat: no channel plugin");
    }
    @Test
    void serve_on_a_port_another_program_holds_is_refused_before_anything_is_created() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0)) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            Path folder = dir.resolve("busy");
            int code = RedressCommand.run(new String[] {"serve", "--db", folder.resolve("desk").toString(), "--host", "0.0.0.0",
                    "--port", String.valueOf(taken.getLocalPort())}, new PrintWriter(out), new PrintWriter(err));
            assertThat(code).isEqualTo(1);
            assertThat(err.toString()).contains("cannot listen on 0.0.0.0:" + taken.getLocalPort()).contains("--port");
            assertThat(out.toString()).doesNotContain("ready");
            assertThat(folder).as("a refused start leaves no database behind").doesNotExist();
        }
    }
}
