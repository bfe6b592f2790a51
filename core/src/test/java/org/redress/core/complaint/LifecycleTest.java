package org.redress.core.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.redress.core.Fixtures.ANA;
import static org.redress.core.Fixtures.MONDAY_10;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.redress.core.Fixtures;

class LifecycleTest {

    Complaint complaint = Fixtures.complaint(1042, MONDAY_10);

    @Test
    void walks_the_iso_10002_stages_and_audits_each_step() {
        int before = complaint.auditSize();
        for (Status s : new Status[] {Status.ACKNOWLEDGED, Status.ASSESSED, Status.INVESTIGATING, Status.RESPONDED,
                Status.DECISION_COMMUNICATED, Status.CLOSED}) {
            complaint.transition(s, ANA, "next step", MONDAY_10.plus(Duration.ofMinutes(s.ordinal())));
        }
        assertThat(complaint.status()).isEqualTo(Status.CLOSED);
        assertThat(complaint.closedAt()).isPresent();
        assertThat(complaint.auditSize()).isEqualTo(before + 6);
        AuditRecord last = complaint.audit().get(complaint.auditSize() - 1);
        assertThat(last).isEqualTo(new AuditRecord(MONDAY_10.plus(Duration.ofMinutes(Status.CLOSED.ordinal())), ANA,
                "transition", "DECISION_COMMUNICATED", "CLOSED", "next step"));
    }

    @Test
    void an_illegal_transition_names_the_current_state_and_the_allowed_next_ones() {
        assertThatThrownBy(() -> complaint.transition(Status.RESPONDED, ANA, "skip", MONDAY_10))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessage("complaint #1042 is RECEIVED and cannot become RESPONDED; allowed next: ACKNOWLEDGED, CLOSED");
        assertThat(complaint.status()).isEqualTo(Status.RECEIVED);
    }

    @Test
    void a_closed_complaint_can_only_be_reopened_and_reopening_is_counted() {
        complaint.transition(Status.CLOSED, ANA, "duplicate of #1041", MONDAY_10);
        assertThat(complaint.allowedNext()).containsExactly(Status.REOPENED);
        complaint.transition(Status.REOPENED, ANA, "customer wrote again", MONDAY_10.plusSeconds(60));
        assertThat(complaint.reopenCount()).isEqualTo(1);
        assertThat(complaint.closedAt()).isEmpty();
    }

    @Test
    void a_rejected_decision_keeps_the_complaint_open_and_offers_escalation() {
        for (Status s : new Status[] {Status.ACKNOWLEDGED, Status.ASSESSED, Status.RESPONDED, Status.DECISION_COMMUNICATED}) {
            complaint.transition(s, ANA, "", MONDAY_10);
        }
        Optional<EscalationLevel> offer = complaint.decisionAnswered(false, ANA, "refund too small", MONDAY_10);
        assertThat(offer).contains(EscalationLevel.SENIOR);
        assertThat(complaint.status()).isEqualTo(Status.INVESTIGATING);
        assertThat(complaint.entries(Entry.SystemEvent.class)).last()
                .satisfies(e -> assertThat(e.text()).contains("escalation to senior is offered"));
    }

    @Test
    void waiting_on_the_customer_returns_to_work_or_closes() {
        complaint.transition(Status.ACKNOWLEDGED, ANA, "", MONDAY_10);
        complaint.transition(Status.WAITING_ON_CUSTOMER, ANA, "asked for the invoice", MONDAY_10);
        assertThat(complaint.allowedNext()).containsExactlyInAnyOrder(Status.ASSESSED, Status.INVESTIGATING,
                Status.RESPONDED, Status.CLOSED);
    }

    @Test
    void escalation_only_goes_up() {
        complaint.escalate(EscalationLevel.SUPERVISOR, ANA, "legal threat", MONDAY_10);
        assertThatThrownBy(() -> complaint.escalate(EscalationLevel.SENIOR, ANA, "", MONDAY_10))
                .hasMessageContaining("escalation only goes up");
    }

    @Test
    void the_readme_shows_the_same_table_as_the_code() throws Exception {
        java.nio.file.Path readme = java.nio.file.Path.of("..", "README.md");
        String text = java.nio.file.Files.readString(readme);
        for (var row : Lifecycle.table().entrySet()) {
            String expected = "| " + row.getKey() + " | " + row.getValue().stream().map(Status::name).sorted()
                    .reduce((a, b) -> a + ", " + b).orElse("") + " |";
            assertThat(text).as("README row for " + row.getKey()).contains(expected);
        }
    }

    @Test
    void the_shortest_way_between_two_states_goes_through_allowed_steps_only() {
        assertThat(Lifecycle.path(Status.ACKNOWLEDGED, Status.INVESTIGATING)).containsExactly(Status.ASSESSED, Status.INVESTIGATING);
        assertThat(Lifecycle.path(Status.ACKNOWLEDGED, Status.DECISION_COMMUNICATED))
                .containsExactly(Status.ASSESSED, Status.RESPONDED, Status.DECISION_COMMUNICATED);
        assertThat(Lifecycle.path(Status.INVESTIGATING, Status.RESPONDED)).containsExactly(Status.RESPONDED);
        assertThat(Lifecycle.path(Status.INVESTIGATING, Status.INVESTIGATING)).isEmpty();
        assertThat(Lifecycle.path(Status.CLOSED, Status.RECEIVED)).as("nothing goes back to received").isEmpty();
        for (Status from : Status.values()) {
            for (Status to : Status.values()) {
                java.util.List<Status> way = Lifecycle.path(from, to);
                Status at = from;
                for (Status step : way) {
                    assertThat(Lifecycle.allowed(at, step)).as(from + " to " + to + " through " + way).isTrue();
                    at = step;
                }
                assertThat(way.isEmpty() || at == to).isTrue();
                assertThat(Lifecycle.reachable(from).contains(to)).isEqualTo(!way.isEmpty());
            }
        }
    }
}
