package org.redress.app.web.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The desk's own entries said again in the reader's language, with times in the desk's zone instead of raw instants. */
class SystemLinesTest {

    static final ZoneId BUCHAREST = ZoneId.of("Europe/Bucharest");
    static final Texts EN = Texts.of("en");
    static final Texts RO = Texts.of("ro");

    @Test
    void a_breached_deadline_names_its_metric_and_a_local_time_in_either_language() {
        String stored = "The first response deadline (2026-12-01T20:31:26.553248Z) has passed.";
        assertThat(SystemLines.say(EN, BUCHAREST, "sla-breach", stored)).isEqualTo("The first response deadline (Tue 1 Dec 2026, 22:31) has passed.");
        assertThat(SystemLines.say(RO, BUCHAREST, "sla-breach", stored)).startsWith("Termenul de primul răspuns (").contains("22:31")
                .doesNotContain("2026-12-01T").doesNotContain("first response");
        assertThat(SystemLines.name(RO, "sla-breach")).isEqualTo("Termen depășit");
    }

    @Test
    void a_broken_promise_keeps_the_agents_words_even_with_braces_and_quotes() {
        String stored = "Promise broken: \"I will call you {1} \"today\"\" (ana, due 2026-12-02T09:00:00Z)";
        assertThat(SystemLines.say(EN, ZoneId.of("UTC"), "promise-broken", stored))
                .isEqualTo("Promise broken: \"I will call you {1} \"today\"\" (ana, due Wed 2 Dec 2026, 09:00).");
        assertThat(SystemLines.say(RO, ZoneId.of("UTC"), "promise-broken", stored))
                .isEqualTo("Promisiune încălcată: „I will call you {1} \"today\"” (ana, termen " + RO.when(Instant.parse("2026-12-02T09:00:00Z"), ZoneId.of("UTC")) + ").");
    }

    @Test
    void an_escalation_names_the_level_in_the_language_and_keeps_the_reason() {
        assertThat(SystemLines.say(RO, BUCHAREST, "escalated", "Escalated to supervisor: promise broken"))
                .isEqualTo("Escaladată la supervizor: promise broken");
    }

    @Test
    void a_text_of_an_unknown_form_is_kept_with_its_instants_written_out() {
        String stored = "Something new happened at 2026-12-01T10:00:00Z and again at 2026-12-01T11:00Z.";
        assertThat(SystemLines.say(EN, ZoneId.of("UTC"), "sla-breach", stored))
                .isEqualTo("Something new happened at Tue 1 Dec 2026, 10:00 and again at Tue 1 Dec 2026, 11:00.");
        assertThat(SystemLines.say(EN, ZoneId.of("UTC"), "bounce", "Delivery failed: Re: parcel\nMailbox full"))
                .isEqualTo("Delivery failed: Re: parcel\nMailbox full");
        assertThat(SystemLines.name(EN, "a-kind-from-a-plugin")).isEqualTo("a-kind-from-a-plugin");
    }
}
