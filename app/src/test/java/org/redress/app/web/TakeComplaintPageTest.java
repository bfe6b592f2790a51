package org.redress.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * A complaint taken at the desk or on the phone, in the console (#20 part 6, what only the API could do): the agent
 * fills the form, the desk triages and routes it like mail and opens it; what is wrong comes back on the form with all
 * the agent typed; the customer is then found by the number they gave.
 */
class TakeComplaintPageTest extends DeskHttpFixture {

    @Test
    void an_agent_takes_a_phone_complaint_in_the_console_and_a_wrong_form_keeps_what_was_typed() throws Exception {
        Browser ana = login("ana");
        HttpResponse<String> blank = page("/console/new?via=phone", ana);
        assertThat(blank.statusCode()).isEqualTo(200);
        assertThat(blank.body()).contains("id=\"take-form\"").contains("<option value=\"phone\" selected>");

        HttpResponse<String> wrong = form("/console/complaints", ana, "csrf", ana.csrf(), "via", "phone", "name", "Radu Marin",
                "subject", "Factură dublă", "text", "Mi-ați luat banii de două ori pe factura din martie.");
        assertThat(wrong.statusCode()).as("no email and no phone: the desk could neither answer nor recognise them").isEqualTo(400);
        assertThat(wrong.body()).contains("id=\"take-error\"").contains("an email or a phone number is required")
                .contains("value=\"Radu Marin\"").contains("Mi-ați luat banii de două ori pe factura din martie.");

        HttpResponse<String> taken = form("/console/complaints", ana, "csrf", ana.csrf(), "via", "phone", "name", "Radu Marin",
                "phone", "+40 733 111 222", "subject", "Factură dublă", "text", "Mi-ați luat banii de două ori pe factura din martie.");
        assertThat(taken.statusCode()).as(taken.body()).isEqualTo(303);
        String location = taken.headers().firstValue("Location").orElseThrow();
        assertThat(location).matches("/console/complaints/\\d+\\?done=new-complaint");
        final long number = Long.parseLong(location.replaceAll("\\D+(\\d+)\\?.*", "$1"));
        HttpResponse<String> opened = page(location, ana);
        assertThat(opened.body()).contains("Complaint taken in").contains("Factură dublă").contains("Mi-ați luat banii de două ori");
        String channel = db.jdbi().withHandle(h -> h.createQuery("select channel from complaint where number = :n").bind("n", number)
                .mapTo(String.class).one());
        assertThat(channel).isEqualTo("desk:phone");
        assertThat(page("/console?q=" + java.net.URLEncoder.encode("0733 111 222", java.nio.charset.StandardCharsets.UTF_8), ana).body())
                .contains("data-number=\"" + number + "\"");
        assertThat(form("/console/complaints", ana, "via", "phone", "phone", "0733111222", "text", "x").statusCode())
                .as("without the session's csrf token nothing is taken").isEqualTo(403);
    }
}
