package org.redress.app.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An operator scrapes what the desk is doing: an admin reads /metrics in Prometheus' format, with what the
 * mailbox read, what the outbox sent, the complaints open by priority and the HTTP requests by route; nobody else may.
 */
class MetricsTest extends AcceptanceTest {

    @Test
    void an_admin_reads_the_desks_metrics_and_an_agent_may_not() throws Exception {
        String customer = "metered@customer.example";
        desk.customerWrites(customer, "Refund missing", "I was charged twice for order 7781 and nobody answers.");
        long number = desk.complaintFrom(customer);
        AcceptanceDesk.Session ana = desk.signIn("ana");
        desk.awaitStatus(number, "ACKNOWLEDGED", ana);
        desk.complaint(number, ana);

        Map.Entry<Integer, String> metrics = desk.text("/metrics", desk.signIn("adam"));
        assertThat(metrics.getKey()).isEqualTo(200);
        String text = metrics.getValue();
        assertThat(text).contains("redress_intake_messages_total{channel=\"support-mail\",outcome=\"stored\"} 1.0");
        assertThat(text).containsPattern("redress_outbox_attempts_total\\{channel=\"support-mail\",outcome=\"delivered\"} [1-9]");
        assertThat(text).containsPattern("redress_complaints_open\\{priority=\"P[1-4]\"} 1.0");
        assertThat(text).contains("redress_outbox_messages{status=\"sent\"} 1.0");
        assertThat(text).containsPattern("redress_http_requests_seconds_count\\{method=\"GET\",route=\"/api/complaints/\\{number}\",status=\"200\"}");
        assertThat(text).contains("redress_poll_seconds_count{channel=\"support-mail\"}").contains("hikaricp_connections_active")
                .contains("jvm_memory_used_bytes");
        assertThat(text).as("no complaint's values in labels").doesNotContain("metered@customer.example", "7781");

        assertThat(desk.text("/metrics", ana).getKey()).isEqualTo(403);
        assertThat(desk.text("/metrics", null).getKey()).isEqualTo(401);
    }
}
