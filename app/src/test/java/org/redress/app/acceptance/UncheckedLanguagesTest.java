package org.redress.app.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.redress.app.language.LinguaDetection;

/**
 * A reply in a language the guard has no rules for is not read against another language's rules: the desk says it
 * is "not checked (language de)" and sends it, instead of flagging German words with an English list (#17).
 */
class UncheckedLanguagesTest extends AcceptanceTest {

    @Override
    org.redress.core.text.LanguageDetection detection() {
        // the desk's own detection: its five languages and the ones it recognises but has no rules for
        LinguaDetection lingua = LinguaDetection.forTheDesk(java.util.List.of("en", "ro", "ru", "et", "vi"));
        return text -> lingua.detect(text);
    }

    @Test
    void a_german_reply_is_reported_not_checked_and_goes_out() throws Exception {
        String customer = "jonas@kunde.example";
        desk.customerWrites(customer, "Rechnung doppelt bezahlt",
                "Guten Tag, Sie haben mir die Rechnung für November zweimal abgebucht. Bitte erstatten Sie mir den doppelten Betrag.");
        long number = desk.complaintFrom(customer);
        AcceptanceDesk.Session ana = desk.signIn("ana");
        assertThat(desk.complaint(number, ana).path("language").asText()).isEqualTo("de");

        String eta = Instant.now().plus(1, ChronoUnit.DAYS).toString();
        AcceptanceDesk.Answer check = desk.api("POST", "/api/complaints/" + number + "/check-reply",
                Map.of("text", "Ich weiß es nicht, das ist nicht meine Abteilung.", "eta", eta), ana);
        assertThat(check.json().path("checked").asBoolean(true)).as(check.json().toString()).isFalse();
        assertThat(check.json().path("note").asText()).isEqualTo("not checked (language de)");
        assertThat(check.json().path("findings")).as("no English rule read German words").isEmpty();

        AcceptanceDesk.Answer sent = desk.api("POST", "/api/complaints/" + number + "/replies", Map.of("version",
                desk.complaint(number, ana).path("version").asLong(), "eta", eta,
                "text", "Guten Tag, wir erstatten Ihnen den doppelten Betrag bis morgen."), ana);
        assertThat(sent.status()).as(sent.json().toString()).isEqualTo(201);
        assertThat(sent.json().path("note").asText()).isEqualTo("not checked (language de)");
        assertThat(desk.received(customer, 2)).as("the acknowledgement and the reply").hasSize(2);
    }
}
