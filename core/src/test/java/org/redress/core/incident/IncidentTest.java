package org.redress.core.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.redress.core.Fixtures.ANA;
import static org.redress.core.Fixtures.SUPERVISOR;
import static org.redress.core.Fixtures.ZONE;
import static org.redress.core.Fixtures.local;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.redress.core.complaint.Category;
import org.redress.core.complaint.Complaint;
import org.redress.core.complaint.Entry;
import org.redress.core.complaint.Priority;
import org.redress.core.customer.Customer;

class IncidentTest {

    static Complaint complaint(long n, String category, String subject, String text, String at) {
        return Complaint.receive(new Complaint.Number(n), new Customer.Id(n), "email", subject, new Category(category),
                Priority.P3, "en", List.of(), new Entry.CustomerMessage(local(at), "email", "m" + n, "c@x.org", text, false));
    }

    final Incident outage = new Incident(new Incident.Id(1), "Internet outage in Cluj", new Category("technical"),
            "Cluj", local("2026-11-23T18:00"), SUPERVISOR, local("2026-11-23T10:00"));

    @Test
    void matching_complaints_link_and_are_acknowledged_with_the_eta() {
        Complaint cluj = complaint(1, "technical", "No internet", "Since this morning no internet in Cluj-Napoca!", "2026-11-23T10:05");
        Complaint other = complaint(2, "technical", "Router", "My router reboots all the time in Iasi", "2026-11-23T10:06");
        Complaint billing = complaint(3, "billing", "Cluj invoice", "Invoice wrong for my Cluj flat", "2026-11-23T10:07");
        assertThat(outage.matches(cluj, "Since this morning no internet in Cluj-Napoca!")).isTrue();
        assertThat(outage.matches(other, "My router reboots all the time in Iasi")).isFalse();
        assertThat(outage.matches(billing, "Invoice wrong for my Cluj flat")).isFalse();

        Incident.Notice notice = outage.link(cluj, ZONE, local("2026-11-23T10:06"));
        assertThat(notice.text()).contains("Internet outage in Cluj").contains("23 Nov 18:00");
        assertThat(cluj.entries(Entry.SystemEvent.class)).last()
                .satisfies(e -> assertThat(e.text()).startsWith("Linked to incident INC-1"));
    }

    @Test
    void resolving_sends_one_message_to_every_linked_complaint() {
        Map<Complaint.Number, Complaint> all = new HashMap<>();
        for (long n = 1; n <= 3; n++) {
            Complaint c = complaint(n, "technical", "Down", "internet down Cluj", "2026-11-23T10:0" + n);
            all.put(c.number(), c);
            outage.link(c, ZONE, local("2026-11-23T10:10"));
        }
        List<Incident.Notice> notices = outage.resolve("The outage in Cluj is fixed. We are sorry for the trouble.",
                ANA, local("2026-11-23T17:00"), n -> Optional.ofNullable(all.get(n)));
        assertThat(notices).hasSize(3).allSatisfy(n -> assertThat(n.text()).startsWith("The outage in Cluj is fixed"));
        assertThat(all.values()).allSatisfy(c -> assertThat(c.entries(Entry.Reply.class)).singleElement()
                .satisfies(r -> assertThat(r.text()).contains("fixed")));
        assertThat(outage.state()).isEqualTo(Incident.State.RESOLVED);
    }

    @Test
    void a_burst_of_similar_complaints_proposes_one_incident() {
        BurstDetector detector = new BurstDetector(3, Duration.ofMinutes(30));
        Category tech = new Category("technical");
        assertThat(detector.observe(new BurstDetector.Arrival(new Complaint.Number(1), tech, "",
                "Internet connection down, router blinking red", local("2026-11-23T10:00")))).isEmpty();
        assertThat(detector.observe(new BurstDetector.Arrival(new Complaint.Number(2), new Category("billing"), "",
                "Internet invoice connection charged twice", local("2026-11-23T10:02")))).isEmpty();
        assertThat(detector.observe(new BurstDetector.Arrival(new Complaint.Number(3), tech, "",
                "No internet connection since 10, router red light", local("2026-11-23T10:05")))).isEmpty();
        Optional<BurstDetector.Proposal> p = detector.observe(new BurstDetector.Arrival(new Complaint.Number(4), tech,
                "", "internet connection dead?? router", local("2026-11-23T10:09")));
        assertThat(p).hasValueSatisfying(proposal -> {
            assertThat(proposal.complaints()).extracting(Complaint.Number::value).containsExactly(1L, 3L, 4L);
            assertThat(proposal.sharedTerms()).contains("internet", "connection");
        });
        assertThat(detector.observe(new BurstDetector.Arrival(new Complaint.Number(5), tech, "",
                "internet connection router down", local("2026-11-23T10:10")))).as("one flood, one proposal").isEmpty();
    }

    @Test
    void complaints_outside_the_window_do_not_make_a_burst() {
        BurstDetector detector = new BurstDetector(2, Duration.ofMinutes(10));
        Category tech = new Category("technical");
        detector.observe(new BurstDetector.Arrival(new Complaint.Number(1), tech, "Brasov", "no signal", local("2026-11-23T10:00")));
        assertThat(detector.observe(new BurstDetector.Arrival(new Complaint.Number(2), tech, "Brasov", "no tv",
                local("2026-11-23T10:30")))).isEmpty();
        assertThat(detector.observe(new BurstDetector.Arrival(new Complaint.Number(3), tech, "brasov", "tv gone",
                local("2026-11-23T10:35")))).isPresent();
    }
}
