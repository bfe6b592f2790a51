package org.redress.app.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.redress.app.language.LinguaDetection;

/**
 * Playbook: speak the customer's language. A customer writing in a language the desk has rules for is acknowledged in
 * it; one writing in a language it has none for (German, French) is marked with that language, is read by no other
 * language's rules, and is acknowledged in the desk's default language; a mail with hardly any words is not guessed at.
 */
class SpeakTheCustomersLanguageTest extends AcceptanceTest {

    @Override
    org.redress.core.text.LanguageDetection detection() {
        return LinguaDetection.forTheDesk(List.of("en", "ro", "ru", "et", "vi"));
    }

    JsonNode complaintOf(String address) throws Exception {
        long n = desk.complaintFrom(address);
        desk.received(address, 1);
        return desk.complaint(n, desk.signIn("ana"));
    }

    @Test
    void a_romanian_customer_is_acknowledged_in_romanian() throws Exception {
        desk.customerWrites("ion@customer.example", "Factură dublă", "Bună ziua, am fost taxat de două ori pentru abonamentul din noiembrie. "
                + "Vă rog să-mi returnați banii cât mai repede.");
        JsonNode c = complaintOf("ion@customer.example");
        assertThat(c.path("language").asText()).isEqualTo("ro");
        assertThat(AcceptanceDesk.body(desk.received("ion@customer.example", 1).get(0))).contains("Vă mulțumim");
    }

    @Test
    void a_german_customer_is_marked_german_and_acknowledged_in_the_default_language_not_estonian() throws Exception {
        desk.customerWrites("jan@kunde.example", "Doppelte Abbuchung", "Guten Tag, Sie haben meine Rechnung für November zweimal "
                + "abgebucht. Bitte überweisen Sie mir den doppelten Betrag so schnell wie möglich zurück.");
        JsonNode c = complaintOf("jan@kunde.example");
        assertThat(c.path("language").asText()).isEqualTo("de");
        assertThat(c.path("signals")).as("no other language's rules read it").isEmpty();
        String ack = AcceptanceDesk.body(desk.received("jan@kunde.example", 1).get(0));
        assertThat(ack).contains("Thank you for writing to us").doesNotContain("Täname");
    }

    @Test
    void a_french_customer_is_not_taken_for_vietnamese() throws Exception {
        desk.customerWrites("claire@client.example", "Colis jamais arrivé", "Bonjour, j'ai commandé une bouilloire il y a deux semaines "
                + "et le colis n'est jamais arrivé. Personne ne répond au téléphone.");
        JsonNode c = complaintOf("claire@client.example");
        assertThat(c.path("language").asText()).isEqualTo("fr");
        assertThat(AcceptanceDesk.body(desk.received("claire@client.example", 1).get(0))).contains("Thank you for writing to us");
    }

    @Test
    void a_mail_with_hardly_any_words_is_not_guessed_at() throws Exception {
        desk.customerWrites("terse@customer.example", "", "ok");
        assertThat(complaintOf("terse@customer.example").path("language").asText()).isEqualTo("en");
    }
}
