package org.redress.core.promise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.redress.core.Fixtures.local;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.redress.core.complaint.Complaint;

class PromiseTest {

    Promise promise() {
        return new Promise(new Promise.Id(1), new Complaint.Number(9), "ana", "I will call you back within two hours",
                local("2026-11-23T10:00"), local("2026-11-23T12:00"), Promise.Source.REPLY);
    }

    /** What the passing of time to {@code time} means for promises, as the desk's promise job asks it. */
    record At(java.time.Instant now) {
        List<PromiseEvent> check(List<Promise> promises) {
            return promises.stream().flatMap(p -> p.check(now, Duration.ofMinutes(30)).stream()).toList();
        }
    }

    static At at(String time) {
        return new At(local(time));
    }

    @Test
    void reports_due_soon_once_then_broken_when_its_time_passes() {
        Promise p = promise();
        assertThat(at("2026-11-23T11:00").check(List.of(p))).isEmpty();
        assertThat(at("2026-11-23T11:31").check(List.of(p))).singleElement().isInstanceOf(PromiseEvent.DueSoon.class);
        assertThat(at("2026-11-23T11:45").check(List.of(p))).isEmpty();
        assertThat(at("2026-11-23T12:01").check(List.of(p))).singleElement().isInstanceOf(PromiseEvent.Broken.class);
        assertThat(p.state()).isEqualTo(Promise.State.BROKEN);
        assertThat(at("2026-11-23T13:00").check(List.of(p))).isEmpty();
    }

    @Test
    void kept_in_time_is_kept_and_kept_late_is_broken() {
        Promise onTime = promise();
        assertThat(onTime.keep(local("2026-11-23T11:59"))).isEqualTo(Promise.State.KEPT);
        Promise late = promise();
        assertThat(late.keep(local("2026-11-23T12:30"))).isEqualTo(Promise.State.BROKEN);
        assertThatThrownBy(() -> late.keep(local("2026-11-23T12:31"))).hasMessageContaining("already BROKEN");
    }
}
