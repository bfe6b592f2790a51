package org.redress.core.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.redress.core.Fixtures;
import org.redress.core.staff.Actor;

class LifecycleProperties {

    @Property(tries = 500)
    void no_illegal_transition_is_accepted_and_each_accepted_one_adds_exactly_one_audit_record(
            @ForAll @Size(max = 40) List<Status> attempts) {
        Complaint c = Fixtures.complaint(7, Fixtures.MONDAY_10);
        int step = 0;
        for (Status to : attempts) {
            Status before = c.status();
            int audit = c.auditSize();
            boolean allowed = Lifecycle.allowed(before, to);
            try {
                c.transition(to, Actor.agent("a"), "try", Fixtures.MONDAY_10.plus(Duration.ofMinutes(step++)));
                assertThat(allowed).as(before + " -> " + to + " was accepted").isTrue();
                assertThat(c.status()).isEqualTo(to);
                assertThat(c.auditSize()).isEqualTo(audit + 1);
                assertThat(c.audit().get(audit).before()).isEqualTo(before.name());
                assertThat(c.audit().get(audit).after()).isEqualTo(to.name());
            } catch (IllegalTransitionException e) {
                assertThat(allowed).as(before + " -> " + to + " was rejected").isFalse();
                assertThat(c.status()).isEqualTo(before);
                assertThat(c.auditSize()).isEqualTo(audit);
            }
        }
    }
}
