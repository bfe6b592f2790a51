package org.redress.app.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An ETA instead of a wait: the agent's reply leaves as soon as it is stored, not when the mailbox's poller next
 * looks (here every 20 seconds), and the complaint shows it delivered.
 */
class AReplyLeavesAtOnceTest extends AcceptanceTest {

    @Override
    String pollEvery() {
        return "20s";
    }

    @Test
    void the_agents_reply_reaches_the_customer_without_waiting_for_the_next_poll() throws Exception {
        String customer = "quick@customer.example";
        desk.customerWrites(customer, "Parcel late", "My parcel is a week late.");
        long number = desk.complaintFrom(customer);
        desk.received(customer, 1);
        AcceptanceDesk.Session ana = desk.signIn("ana");
        desk.awaitStatus(number, "ACKNOWLEDGED", ana);

        Instant sent = Instant.now();
        AcceptanceDesk.Answer reply = desk.api("POST", "/api/complaints/" + number + "/replies", Map.of("version",
                desk.complaint(number, ana).path("version").asLong(), "eta", Instant.now().plus(1, ChronoUnit.DAYS).toString(),
                "text", "I have asked the courier where your parcel is and will write again by tomorrow noon."), ana);
        assertThat(reply.status()).as(reply.json().toString()).isEqualTo(201);
        AcceptanceDesk.await(() -> desk.receivedNow(customer).size() >= 2, "the reply in the customer's mailbox", Duration.ofSeconds(8));
        assertThat(Duration.between(sent, Instant.now())).as("well before the next poll").isLessThan(Duration.ofSeconds(8));
    }
}
