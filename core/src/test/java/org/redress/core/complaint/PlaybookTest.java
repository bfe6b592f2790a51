package org.redress.core.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.redress.core.Fixtures.ANA;
import static org.redress.core.Fixtures.MONDAY_10;

import org.junit.jupiter.api.Test;
import org.redress.core.Fixtures;

class PlaybookTest {

    Complaint c = Fixtures.complaint(1, MONDAY_10);

    @Test
    void listen_recap_apologise_resolve_in_turn_gives_no_warning() {
        assertThat(c.playbook().step()).isEqualTo(Playbook.Step.RECAP);
        c.recapSent(ANA, MONDAY_10);
        c.recapCorrected(ANA, "it was two parcels, not one", MONDAY_10);
        assertThat(c.playbook().step()).isEqualTo(Playbook.Step.RECAP);
        c.recapSent(ANA, MONDAY_10);
        c.recapConfirmed(ANA, MONDAY_10);
        assertThat(c.playbook().recapsSent()).isEqualTo(2);
        assertThat(c.playbook().step()).isEqualTo(Playbook.Step.APOLOGISE);
        assertThat(c.apologised(ANA, MONDAY_10)).isEmpty();
        assertThat(c.resolutionProposed(ANA, "replacement shipped today", MONDAY_10)).isEmpty();
        assertThat(c.playbook().step()).isEqualTo(Playbook.Step.RESOLVE);
    }

    @Test
    void a_resolution_before_a_confirmed_recap_and_a_second_apology_are_warnings() {
        assertThat(c.resolutionProposed(ANA, "refund", MONDAY_10))
                .contains(PlaybookWarning.RESOLUTION_BEFORE_CONFIRMED_RECAP);
        assertThat(c.apologised(ANA, MONDAY_10)).isEmpty();
        assertThat(c.apologised(ANA, MONDAY_10)).contains(PlaybookWarning.SECOND_APOLOGY);
        assertThat(c.playbook().apologies()).isEqualTo(2);
        assertThat(c.audit()).anySatisfy(r -> assertThat(r.reason()).contains("apologise once"));
    }
}
