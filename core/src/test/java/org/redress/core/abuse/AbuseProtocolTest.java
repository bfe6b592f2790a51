package org.redress.core.abuse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.redress.core.Fixtures.ANA;
import static org.redress.core.Fixtures.local;

import org.junit.jupiter.api.Test;
import org.redress.core.Fixtures;
import org.redress.core.complaint.Complaint;
import org.redress.core.complaint.Entry;

class AbuseProtocolTest {

    final Complaint complaint = Fixtures.complaint(1, local("2026-11-23T10:00"));

    @Test
    void warn_first_in_the_customers_language_then_the_agent_may_end_it() {
        AbuseProtocol protocol = new AbuseProtocol(complaint.number(), "ro");
        AbuseProtocol.Advice first = protocol.abuseSeen("idioților", local("2026-11-23T10:00"));
        assertThat(first).isInstanceOfSatisfying(AbuseProtocol.Advice.Warn.class,
                w -> assertThat(w.script()).startsWith("Vreau să vă ajut"));
        assertThatThrownBy(() -> protocol.end(complaint, ANA, "abuse", local("2026-11-23T10:01")))
                .hasMessageContaining("only after a logged warning and further abuse");
        protocol.warningGiven(complaint, ANA, local("2026-11-23T10:02"));
        AbuseProtocol.Advice second = protocol.abuseSeen("incompetenților", local("2026-11-23T10:05"));
        assertThat(second).isInstanceOf(AbuseProtocol.Advice.MayEnd.class);
        protocol.end(complaint, ANA, "insults after warning", local("2026-11-23T10:06"));
        assertThat(protocol.state()).isEqualTo(AbuseProtocol.State.ENDED);
        assertThat(protocol.needsReview()).isTrue();
        assertThat(protocol.log()).hasSize(4);
        assertThat(complaint.entries(Entry.SystemEvent.class)).extracting(Entry.SystemEvent::kind)
                .containsExactly("abuse-warning", "abuse-ended");
    }

    @Test
    void a_language_without_scripts_falls_back_to_english() {
        AbuseProtocol protocol = new AbuseProtocol(complaint.number(), "xx");
        assertThat(protocol.abuseSeen("...", local("2026-11-23T10:00")))
                .isInstanceOfSatisfying(AbuseProtocol.Advice.Warn.class, w -> assertThat(w.script()).startsWith("I want to help"));
    }

    @Test
    void the_review_list_puts_ended_conversations_first() {
        AbuseProtocol calm = new AbuseProtocol(new Complaint.Number(10), "en");
        AbuseProtocol warned = new AbuseProtocol(new Complaint.Number(11), "en");
        warned.abuseSeen("idiots", local("2026-11-23T11:00"));
        AbuseProtocol ended = new AbuseProtocol(complaint.number(), "en");
        ended.abuseSeen("idiots", local("2026-11-23T09:00"));
        ended.warningGiven(complaint, ANA, local("2026-11-23T09:01"));
        ended.abuseSeen("morons", local("2026-11-23T09:02"));
        ended.end(complaint, ANA, "insults after warning", local("2026-11-23T09:03"));
        assertThat(AbuseProtocol.reviewList(java.util.List.of(calm, warned, ended))).containsExactly(ended, warned);
    }
}
