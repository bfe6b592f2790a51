package org.redress.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.redress.core.channel.Batch;
import org.redress.core.channel.Checkpoint;
import org.redress.core.channel.Inbound;
import org.redress.core.channel.InboundMessage;
import org.redress.core.channel.RawSource;
import org.redress.core.channel.SenderIdentity;

/**
 * Search that finds people and words (#20 part 2), through the running desk: an agent types a customer's address,
 * a name without its diacritics, a phone number as the caller said it, or a word of what they wrote, in the console's
 * search box and in the API, and finds that customer's complaints, a walk-in's too.
 */
class SearchPagesTest extends DeskHttpFixture {

    @BeforeAll
    void customersWrite() {
        List<Inbound> mails = new ArrayList<>();
        mails.add(mail("s-1", SenderIdentity.email("stefan.ionescu@mail.example", "Ștefan Ionescu"), "Factură greșită",
                "Am plătit de două ori. Dacă nu primesc banii scriu la ombudsman."));
        mails.add(mail("s-2", SenderIdentity.email("stefan.ionescu@mail.example", "Ștefan Ionescu"), "Încă o problemă",
                "Internetul cade în fiecare seară."));
        mails.add(mail("s-3", SenderIdentity.email("mai@vn.example", "Trần Thị Mai"), "Giao hàng chậm", "Đơn hàng chưa đến."));
        desk.intake("email", false).store("support", new Batch(mails, Checkpoint.of("search"), false));
    }

    private static InboundMessage mail(String id, SenderIdentity from, String subject, String text) {
        return InboundMessage.builder(id + "@customer.example").sender(from).sentAt(Instant.parse("2026-11-24T10:00:00Z"))
                .subject(subject).text(text).raw(new RawSource(id, "message/rfc822", new byte[] {1})).build();
    }

    private static String q(String query) {
        return URLEncoder.encode(query, StandardCharsets.UTF_8);
    }

    private List<String> subjectsFound(String query, Browser as) throws Exception {
        HttpResponse<String> r = send("GET", "/api/complaints?q=" + q(query), null, as);
        assertThat(r.statusCode()).isEqualTo(200);
        conformsToOpenapi("GET", "/api/complaints", r);
        List<String> subjects = new ArrayList<>();
        for (JsonNode item : JSON.readTree(r.body()).get("complaints")) {
            subjects.add(item.get("subject").asText());
        }
        return subjects;
    }

    @Test
    void a_customers_address_name_phone_and_words_find_their_complaints_in_the_console_and_the_api() throws Exception {
        Browser sam = login("sam");
        HttpResponse<String> byAddress = page("/console?view=all&q=" + q("stefan.ionescu@mail.example"), sam);
        assertThat(byAddress.body()).contains("id=\"queue-total\">2 complaints").contains("Factură greșită").contains("Încă o problemă")
                .doesNotContain("Giao hàng chậm");
        assertThat(page("/console?view=all&q=" + q("ionescu stefan"), sam).body()).as("a name typed without its diacritics")
                .contains("id=\"queue-total\">2 complaints");
        assertThat(page("/console?view=all&q=ombudsman", sam).body()).as("a word of a message")
                .contains("id=\"queue-total\">1 complaints").contains("Factură greșită");
        assertThat(page("/console?view=all&q=" + q("tran thi"), sam).body()).contains("Giao hàng chậm");

        assertThat(subjectsFound("stefan.ionescu@mail.example", sam)).containsExactlyInAnyOrder("Factură greșită", "Încă o problemă");
        assertThat(subjectsFound("mail.example", sam)).as("the domain of an address").hasSize(2);
        assertThat(subjectsFound("internetul", sam)).containsExactly("Încă o problemă");
        assertThat(subjectsFound("đơn hàng", sam)).containsExactly("Giao hàng chậm");
        assertThat(subjectsFound("don hang", sam)).containsExactly("Giao hàng chậm");
    }

    @Test
    void a_walk_in_taken_by_phone_is_found_by_the_number_as_anyone_writes_it() throws Exception {
        Browser sam = login("sam");
        HttpResponse<String> taken = send("POST", "/api/complaints", Map.of("via", "phone", "customer",
                Map.of("name", "Ioana Marin", "phone", "+40 744 555 123"), "subject", "Contor blocat", "text", "Contorul nu mai merge."), sam);
        assertThat(taken.statusCode()).as(taken.body()).isEqualTo(201);
        for (String number : List.of("+40744555123", "0744 555 123", "744-555-123")) {
            assertThat(subjectsFound(number, sam)).as(number).containsExactly("Contor blocat");
        }
        assertThat(subjectsFound("ioana", sam)).containsExactly("Contor blocat");
    }
}
