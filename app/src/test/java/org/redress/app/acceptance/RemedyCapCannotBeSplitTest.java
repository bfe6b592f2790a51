package org.redress.app.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Security finding 3 (#19): an agent capped at 50 EUR sent four 50 EUR refunds on one complaint at once and all four
 * were granted. A cap is on what the complaint has been granted in all, however the offers are split or timed, and
 * a daily cap counts what one agent granted alone across complaints.
 */
class RemedyCapCannotBeSplitTest extends AcceptanceTest {

    @Override
    String moreConfig() {
        return """
                remedies:
                  currency: EUR
                  caps: {agent: 50}
                  daily-caps: {agent: 120}
                """;
    }

    AcceptanceDesk.Answer refund(long n, String amount, AcceptanceDesk.Session as) throws Exception {
        return desk.api("POST", "/api/complaints/" + n + "/remedies", Map.of("kind", "refund", "claimed", amount,
                "offered", amount, "currency", "EUR", "reason", "charged twice"), as);
    }

    @Test
    void four_offers_sent_at_once_are_one_grant_and_three_waiting_for_approval() throws Exception {
        desk.customerWrites("split@customer.example", "Charged four times", "You charged my card four times for one order.");
        long n = desk.complaintFrom("split@customer.example");
        AcceptanceDesk.Session ana = desk.signIn("ana");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<AcceptanceDesk.Answer>> sent = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                Callable<AcceptanceDesk.Answer> offer = () -> refund(n, "50", ana);
                sent.add(pool.submit(offer));
            }
            List<String> states = new ArrayList<>();
            for (Future<AcceptanceDesk.Answer> f : sent) {
                AcceptanceDesk.Answer a = f.get();
                assertThat(a.status()).as(a.json().toString()).isEqualTo(201);
                states.add(a.json().path("state").asText());
            }
            assertThat(states).containsOnlyOnce("GRANTED").filteredOn("AWAITING_APPROVAL"::equals).hasSize(3);
        } finally {
            pool.shutdownNow();
        }
        // one after the other, the same: 10 more on top of the 50 granted waits too
        assertThat(refund(n, "10", ana).json().path("state").asText()).isEqualTo("AWAITING_APPROVAL");
    }

    @Test
    void what_one_agent_grants_alone_in_a_day_is_capped_across_complaints() throws Exception {
        AcceptanceDesk.Session adam = desk.signIn("adam");
        AcceptanceDesk.Answer added = desk.api("POST", "/api/users", Map.of("username", "bo", "displayName", "Bo",
                "role", "agent", "team", "front-desk", "password", AcceptanceDesk.PASSWORD), adam);
        assertThat(added.status()).as(added.json().toString()).isEqualTo(201);
        AcceptanceDesk.Session bo = desk.signIn("bo");
        List<Long> complaints = new ArrayList<>();
        for (String who : List.of("day1", "day2", "day3")) {
            desk.customerWrites(who + "@customer.example", "Late refund", "My refund has not arrived.");
            complaints.add(desk.complaintFrom(who + "@customer.example"));
        }
        List<String> states = new ArrayList<>();
        for (long n : complaints) {
            states.add(refund(n, "40", bo).json().path("state").asText());
        }
        assertThat(states).as("40 on each of three complaints: 120, the day's cap").containsOnly("GRANTED");
        assertThat(refund(complaints.get(2), "1", bo).json().path("state").asText()).as("one more than the day's cap")
                .isEqualTo("AWAITING_APPROVAL");
    }
}
