package org.redress.app.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

/**
 * Playbook: acknowledge at once. A customer's mail is answered automatically in their language with the complaint's
 * number; once that message is delivered the complaint is ACKNOWLEDGED and its acknowledgement clock is met, as the
 * desk's own act. The desk's clocks run from when the desk received the mail, not from the sender's Date.
 */
class AcknowledgementTest extends AcceptanceTest {

    static JsonNode clock(JsonNode complaint, String metric) {
        for (JsonNode c : complaint.path("slaClocks")) {
            if (c.path("metric").asText().equals(metric)) {
                return c;
            }
        }
        throw new AssertionError("no " + metric + " clock in " + complaint);
    }

    @Test
    void a_delivered_acknowledgement_acknowledges_the_complaint_and_meets_its_clock() throws Exception {
        desk.customerWrites("ion@customer.example", "Charged twice", "You charged me twice for my November invoice.");
        long number = desk.complaintFrom("ion@customer.example");

        MimeMessage ack = desk.received("ion@customer.example", 1).get(0);
        assertThat(ack.getSubject()).endsWith("[#" + number + "]");
        AcceptanceDesk.Session ana = desk.signIn("ana");
        desk.awaitStatus(number, "ACKNOWLEDGED", ana);

        JsonNode c = desk.complaint(number, ana);
        assertThat(clock(c, "ACKNOWLEDGEMENT").path("state").asText()).isEqualTo("MET");
        assertThat(c.path("outgoing")).singleElement().satisfies(o -> {
            assertThat(o.path("replyId").asText()).isEqualTo("ack-" + number);
            assertThat(o.path("status").asText()).as("its delivery state").isEqualTo("sent");
            assertThat(o.path("sentAt").isTextual()).isTrue();
        });
        assertThat(c.path("audit")).anySatisfy(a -> {
            assertThat(a.path("action").asText()).isEqualTo("transition");
            assertThat(a.path("after").asText()).isEqualTo("ACKNOWLEDGED");
            assertThat(a.path("actor").asText()).isEqualTo("desk");
        });
    }

    @Test
    void a_mail_dated_2018_starts_its_clocks_when_the_desk_receives_it_and_escalates_nothing() throws Exception {
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        desk.customerWritesDated("old-clock@customer.example", "Router broken", "My router is broken since yesterday.",
                Instant.parse("2018-03-05T09:00:00Z"));
        long number = desk.complaintFrom("old-clock@customer.example");
        AcceptanceDesk.Session sue = desk.signIn("sue");

        JsonNode c = desk.complaint(number, sue);
        assertThat(Instant.parse(c.path("receivedAt").asText())).as("received by the desk now").isAfterOrEqualTo(before);
        for (JsonNode k : c.path("slaClocks")) {
            assertThat(Instant.parse(k.path("deadline").asText())).as(k.path("metric").asText() + " deadline").isAfter(before);
        }
        assertThat(c.path("escalation").asText()).isEqualTo("AGENT");
    }

    @Test
    void one_address_gets_at_most_three_acknowledgements_an_hour_counted_from_what_the_desk_sent() throws Exception {
        String customer = "many@customer.example";
        long previous = 0;
        for (int i = 1; i <= 5; i++) {
            desk.customerWrites(customer, "Problem number " + i, "This is a separate problem, number " + i + ", with my account.");
            long before = previous;
            AcceptanceDesk.await(() -> desk.complaintFrom(customer) > before, "complaint " + i);
            long number = desk.complaintFrom(customer);
            previous = number;
            AcceptanceDesk.await(() -> outgoing(number).size() == 1 && !outgoing(number).get(0).path("status").asText().equals("pending"),
                    "the acknowledgement of complaint " + number + " to be sent or refused");
        }
        desk.received(customer, 3);
        assertThat(desk.receivedNow(customer)).as("three acknowledgements, then none").hasSize(3);
        long last = desk.complaintFrom(customer);
        JsonNode refused = outgoing(last).get(0);
        assertThat(refused.path("status").asText()).isEqualTo("failed");
        assertThat(refused.path("error").asText()).contains("already 3 in the last hour");
    }

    java.util.List<JsonNode> outgoing(long number) {
        try {
            java.util.List<JsonNode> out = new java.util.ArrayList<>();
            desk.complaint(number, desk.signIn("sue")).path("outgoing").forEach(out::add);
            return out;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
