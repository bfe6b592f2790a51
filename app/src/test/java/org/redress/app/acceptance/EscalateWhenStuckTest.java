package org.redress.app.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.redress.app.schedule.Job;

/**
 * Playbook: don't stall when stuck — escalate to experienced colleagues. A complaint nobody moves for longer than the
 * policy allows (16 working hours) is escalated by the desk itself, once for that stall, and shows on the supervisor's
 * list of escalations.
 */
class EscalateWhenStuckTest extends AcceptanceTest {

    int runStuckJob(Instant at) {
        int n = 0;
        for (Job j : desk.desk.jobs()) {
            if (j.name().equals("stuck")) {
                n += j.run(at);
            }
        }
        return n;
    }

    @Test
    void a_complaint_left_without_progress_is_escalated_once_by_the_desk() throws Exception {
        desk.customerWrites("waiting@customer.example", "Refund still missing", "I returned the blender a month ago and my refund is missing.");
        long number = desk.complaintFrom("waiting@customer.example");
        AcceptanceDesk.Session sue = desk.signIn("sue");
        desk.awaitStatus(number, "ACKNOWLEDGED", sue);
        assertThat(desk.complaint(number, sue).path("escalation").asText()).isEqualTo("AGENT");

        assertThat(runStuckJob(Instant.now().plus(Duration.ofHours(2)))).as("not stuck after two hours").isZero();
        Instant later = Instant.now().plus(Duration.ofDays(6));
        assertThat(runStuckJob(later)).as("stuck after six days without progress").isEqualTo(1);

        JsonNode c = desk.complaint(number, sue);
        assertThat(c.path("escalation").asText()).isEqualTo("SENIOR");
        assertThat(c.path("audit")).anySatisfy(a -> {
            assertThat(a.path("action").asText()).isEqualTo("escalate");
            assertThat(a.path("actor").asText()).isEqualTo("desk");
            assertThat(a.path("reason").asText()).startsWith("stuck: ");
        });
        assertThat(runStuckJob(later.plus(Duration.ofHours(2)))).as("once for the same stall").isZero();

        java.net.http.HttpResponse<String> page = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(desk.base + "/console/supervisor")).header("Cookie", sue.cookie()).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(page.body()).as("on the supervisor's escalations").contains("/console/complaints/" + number);
    }
}
