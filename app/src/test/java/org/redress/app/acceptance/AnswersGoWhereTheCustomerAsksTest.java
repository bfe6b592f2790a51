package org.redress.app.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Answers go where the customer asks: a web form's mail sent from a no-reply address with the customer in
 * Reply-To is the customer's complaint and is answered at their address, under the complaint's own number even when
 * the subject carries another desk's tag; a customer reachable only at an address that takes no answers gets no mail
 * into the void: the reply is refused with the reason.
 */
class AnswersGoWhereTheCustomerAsksTest extends AcceptanceTest {

    @Test
    void a_contact_form_mail_is_answered_at_the_reply_to_address_under_the_complaints_own_number() throws Exception {
        MimeMessage form = desk.mailFrom("no-reply@forms.example", "Contact form: broken kettle [#77]",
                "Name: Maria Pop. Message: the kettle I bought last week leaks from the bottom.");
        form.setReplyTo(new jakarta.mail.Address[] {new jakarta.mail.internet.InternetAddress("maria.pop@customer.example")});
        form.saveChanges();
        desk.deliver(form);

        long number = desk.complaintFrom("maria.pop@customer.example");
        MimeMessage ack = desk.received("maria.pop@customer.example", 1).get(0);
        assertThat(ack.getSubject()).endsWith("[#" + number + "]").doesNotContain("[#77]");
        assertThat(AcceptanceDesk.body(ack)).contains("[ref:" + number + ".");
        assertThat(desk.received("no-reply@forms.example", 0)).as("nothing to the form's address").isEmpty();

        AcceptanceDesk.Session ana = desk.signIn("ana");
        desk.awaitStatus(number, "ACKNOWLEDGED", ana);
        AcceptanceDesk.Answer sent = desk.api("POST", "/api/complaints/" + number + "/replies", Map.of("version",
                desk.complaint(number, ana).path("version").asLong(), "eta", Instant.now().plus(1, ChronoUnit.DAYS).toString(),
                "text", "Thank you, Maria. A replacement kettle is on its way to you."), ana);
        assertThat(sent.status()).as(sent.json().toString()).isEqualTo(201);
        assertThat(AcceptanceDesk.body(desk.received("maria.pop@customer.example", 2).get(1))).contains("replacement kettle");
    }

    @Test
    void a_reply_to_an_address_that_takes_no_answers_is_refused_with_the_reason() throws Exception {
        desk.customerWrites("noreply@shop-notifications.example", "Order 5512 failed", "Your order 5512 could not be processed by our partner shop.");
        long number = desk.complaintFrom("noreply@shop-notifications.example");
        AcceptanceDesk.Session ana = desk.signIn("ana");

        AcceptanceDesk.Answer refused = desk.api("POST", "/api/complaints/" + number + "/replies", Map.of("version",
                desk.complaint(number, ana).path("version").asLong(), "eta", Instant.now().plus(1, ChronoUnit.DAYS).toString(),
                "text", "We are looking into order 5512 and will write again tomorrow."), ana);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().path("error").asText()).contains("takes no answers");
    }
}
