package org.redress.core.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.redress.core.Fixtures.ANA;
import static org.redress.core.Fixtures.MONDAY_10;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.redress.core.Fixtures;

class RestoreTest {

    @Test
    void a_restored_complaint_is_the_one_that_was_saved_and_goes_on_from_where_it_was() {
        Complaint c = Fixtures.complaint(7, MONDAY_10);
        c.transition(Status.ACKNOWLEDGED, ANA, "", MONDAY_10);
        c.recapSent(ANA, MONDAY_10);
        c.recapConfirmed(ANA, MONDAY_10);
        c.apologised(ANA, MONDAY_10);
        c.assign("ana", "billing", ANA, "mine", MONDAY_10);
        c.requestTransfer("tech", Optional.empty(), ANA, "router fault", MONDAY_10);
        c.escalate(EscalationLevel.SENIOR, ANA, "regulator named", MONDAY_10);

        Complaint back = Complaint.restore(c.snapshot());

        assertThat(back.snapshot()).isEqualTo(c.snapshot());
        assertThat(back.playbook().step()).isEqualTo(Playbook.Step.RESOLVE);
        assertThat(back.playbook().apologies()).isEqualTo(1);
        assertThat(back.version()).isEqualTo(c.version());
        // the rules hold for what was restored: a second apology warns, a second transfer is refused
        assertThat(back.apologised(ANA, MONDAY_10)).contains(PlaybookWarning.SECOND_APOLOGY);
        assertThatThrownBy(() -> back.requestTransfer("sales", Optional.empty(), ANA, "", MONDAY_10))
                .hasMessageContaining("already has a transfer to tech");
        assertThat(back.version()).isGreaterThan(c.version());
    }
}
