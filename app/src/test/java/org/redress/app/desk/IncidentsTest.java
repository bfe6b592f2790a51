package org.redress.app.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redress.app.store.ConcurrentChangeException;
import org.redress.app.store.IncidentBook;
import org.redress.app.store.Outbound;
import org.redress.core.complaint.Category;
import org.redress.core.complaint.Complaint;
import org.redress.core.incident.Incident;
import org.redress.core.staff.Actor;
import org.redress.core.staff.Role;

/** The incident use case: declared, linked and resolved with one message owed to each linked customer. */
class IncidentsTest {

    static final Actor SUE = new Actor("sue", Role.SUPERVISOR);
    static final Instant ETA = Instant.parse("2026-11-24T15:00:00Z");

    @TempDir
    Path dir;
    DeskFixture f;
    long first;
    long second;

    @BeforeEach
    void desk() {
        f = new DeskFixture(dir);
        first = f.complaint("a@customer.example", "No internet", "The internet is down since this morning.");
        second = f.complaint("b@customer.example", "Internet down", "No internet at all today, the router light is red.");
    }

    @AfterEach
    void close() {
        f.close();
    }

    IncidentBook.Stored declare(List<Long> complaints) {
        return f.desk.incidents().declare(null, "Internet outage in Cluj", Optional.of(new Category("technical")), "Cluj", ETA, SUE, complaints);
    }

    @Test
    void declaring_an_incident_links_its_complaints_and_tells_each_customer_the_eta_once() {
        IncidentBook.Stored s = declare(List.of(first, second));

        assertThat(s.proposed()).isFalse();
        assertThat(s.incident().state()).isEqualTo(Incident.State.OPEN);
        assertThat(s.incident().linked()).extracting(Complaint.Number::value).containsExactlyInAnyOrder(first, second);
        assertThat(f.owed()).filteredOn(o -> o.replyId().startsWith("incident-")).extracting(Outbound.Owed::complaint)
                .containsExactlyInAnyOrder(first, second);
        assertThat(f.desk.incidents().of(first)).map(x -> x.incident().id()).contains(s.incident().id());
    }

    @Test
    void resolving_an_incident_owes_one_message_to_every_linked_customer() {
        IncidentBook.Stored s = declare(List.of(first, second));

        IncidentBook.Stored resolved = f.desk.incidents().resolve(s.incident().id().value(), s.version(), "The line is repaired.", SUE);

        assertThat(resolved.incident().state()).isEqualTo(Incident.State.RESOLVED);
        assertThat(resolved.incident().resolution()).contains("The line is repaired.");
        assertThat(f.owed()).filteredOn(o -> o.replyId().contains("-resolved-")).extracting(Outbound.Owed::complaint)
                .containsExactlyInAnyOrder(first, second);
    }

    @Test
    void an_incident_resolved_against_a_stale_version_is_refused_and_nothing_is_owed() {
        IncidentBook.Stored s = declare(List.of(first));
        f.desk.incidents().link(s.incident().id().value(), second);

        assertThatThrownBy(() -> f.desk.incidents().resolve(s.incident().id().value(), s.version() - 1, "Fixed.", SUE))
                .isInstanceOf(ConcurrentChangeException.class);
        assertThat(f.owed()).noneMatch(o -> o.replyId().contains("-resolved-"));
    }

    @Test
    void a_proposal_cannot_be_declared_twice() {
        f.desk.jobs().stream().filter(j -> j.name().equals("bursts")).findFirst().orElseThrow().run(DeskFixture.CLOCK.instant());
        IncidentBook.Stored declared = declare(List.of(first));

        assertThatThrownBy(() -> f.desk.incidents().declare(declared.incident().id().value(), "again", Optional.empty(), null, ETA, SUE,
                List.of())).isInstanceOf(IllegalStateException.class).hasMessageContaining("already declared");
    }
}
