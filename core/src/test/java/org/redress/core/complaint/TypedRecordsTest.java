package org.redress.core.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.redress.core.escalation.Trigger;
import org.redress.core.sla.SlaMetric;
import org.redress.core.triage.SignalCode;

/** What the audit trail stores as text reads back as the same typed action, playbook event and trigger kind. */
class TypedRecordsTest {

    @Test
    void every_audit_action_reads_back_from_its_stored_name() {
        for (AuditAction a : AuditAction.values()) {
            assertThat(AuditAction.of(a.stored())).contains(a);
        }
        assertThat(AuditAction.of("something else")).isEmpty();
    }

    @Test
    void every_playbook_event_reads_back_from_what_its_record_carries() {
        for (PlaybookEvent e : PlaybookEvent.values()) {
            assertThat(PlaybookEvent.of(e.stored(2))).contains(e);
        }
        assertThat(PlaybookEvent.of("apology 12")).contains(PlaybookEvent.APOLOGY);
        assertThat(PlaybookEvent.of("apologyX")).isEmpty();
    }

    @Test
    void the_kind_of_every_trigger_reads_back_from_the_reason_it_describes() {
        for (Trigger t : List.of(new Trigger.SlaBreach(SlaMetric.RESOLUTION), new Trigger.BrokenPromise("call back by 12:00"),
                new Trigger.Stuck("no progress for 16h"), new Trigger.TriageSignal(SignalCode.THREAT_LEGAL))) {
            assertThat(Trigger.Kind.ofReason(t.describe())).as(t.describe()).isEqualTo(t.kind());
        }
        assertThat(Trigger.Kind.ofReason("the customer asked for a manager")).isEqualTo(Trigger.Kind.MANUAL);
    }
}
