package org.redress.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.redress.core.channel.Batch;
import org.redress.core.channel.Checkpoint;
import org.redress.core.channel.Inbound;
import org.redress.core.channel.InboundMessage;
import org.redress.core.channel.RawSource;
import org.redress.core.channel.SenderIdentity;

/**
 * The queue at size (#20 part 1): pages with the total, counts on every tab, and a landing view that has work, never an
 * empty "Mine" while the team's queue is full.
 */
class QueuePagesTest extends DeskHttpFixture {

    @BeforeAll
    void moreComplaints() {
        List<Inbound> mails = new ArrayList<>();
        for (int i = 0; i < 22; i++) {
            mails.add(InboundMessage.builder("more-" + i + "@customer.example").sender(SenderIdentity.email("c" + i + "@customer.example", ""))
                    .sentAt(Instant.parse("2026-11-24T10:00:00Z")).subject("Router " + i + " dead").text("My router " + i + " does not start.")
                    .raw(new RawSource("more-" + i, "message/rfc822", new byte[] {1})).build());
        }
        desk.intake("email", false).store("support", new Batch(mails, Checkpoint.of("more"), false));
    }

    static int rows(String body) {
        Matcher m = Pattern.compile("<tr class=\"prio-").matcher(body);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    @Test
    void the_queue_pages_with_its_total_and_counts_on_every_tab() throws Exception {
        Browser ana = login("ana");
        HttpResponse<String> landing = page("/console", ana);
        assertThat(landing.body()).as("ana owns nothing: she lands on her team's queue, which has the work")
                .contains("aria-current=\"page\" data-view=\"team\"");
        assertThat(landing.body()).containsPattern("data-view=\"mine\">[^<]*\\(0\\)</a>").containsPattern("data-view=\"team\">[^<]*\\(25\\)</a>");

        HttpResponse<String> first = page("/console?view=team&size=10", ana);
        assertThat(first.body()).contains("id=\"queue-total\">25 complaints · page 1 / 3").contains("id=\"page-next\"").doesNotContain("id=\"page-prev\"");
        assertThat(rows(first.body())).isEqualTo(10);
        HttpResponse<String> last = page("/console?view=team&size=10&page=3", ana);
        assertThat(rows(last.body())).isEqualTo(5);
        assertThat(last.body()).contains("id=\"page-prev\"").doesNotContain("id=\"page-next\"");
        HttpResponse<String> beyond = page("/console?view=team&size=10&page=9", ana);
        assertThat(rows(beyond.body())).as("past the end shows the last page").isEqualTo(5);
        HttpResponse<String> searched = page("/console?view=team&q=router", ana);
        assertThat(searched.body()).contains("id=\"queue-total\">22 complaints");
        assertThat(page("/console?view=team&size=5000", ana).statusCode()).as("a page size out of range is refused").isEqualTo(400);
    }

    static List<Long> numbers(String body) {
        Matcher m = Pattern.compile("<tr class=\"prio-[^\"]*\" data-number=\"(\\d+)\"").matcher(body);
        List<Long> found = new ArrayList<>();
        while (m.find()) {
            found.add(Long.parseLong(m.group(1)));
        }
        return found;
    }

    @Test
    void the_queue_narrows_by_priority_status_channel_and_breached_clocks_and_sorts_as_asked() throws Exception {
        Browser sue = login("sue");
        long breached = desk.database().jdbi().withHandle(h -> h.createQuery("select min(number) from complaint where open = true "
                + "and subject like 'Router %'").mapTo(Long.class).one());
        desk.database().jdbi().useHandle(h -> h.execute("update sla_clock set breached = true where complaint_number = ? "
                + "and metric = 'FIRST_RESPONSE' and current_clock = true", breached));

        HttpResponse<String> late = page("/console?view=all&clock=breached&metric=FIRST_RESPONSE", sue);
        assertThat(late.body()).contains("id=\"queue-total\">1 complaints");
        assertThat(numbers(late.body())).containsExactly(breached);
        assertThat(late.body()).as("the narrowing stays chosen and goes along in the tabs")
                .contains("<option value=\"breached\" selected>").contains("view=team&amp;clock=breached&amp;metric=FIRST_RESPONSE");
        assertThat(numbers(page("/console?view=all&clock=breached&metric=RESOLUTION", sue).body())).isEmpty();
        assertThat(page("/console/supervisor", sue).body()).as("the supervisor's list of breaches links to them")
                .contains("<a href=\"/console?view=all&amp;clock=breached&amp;metric=FIRST_RESPONSE\">1</a>");

        long p4 = desk.database().jdbi().withHandle(h -> h.createQuery("select count(*) from complaint where open = true and priority = 'P4'")
                .mapTo(Long.class).one());
        assertThat(page("/console?view=all&priority=P4", sue).body()).contains("id=\"queue-total\">" + p4 + " complaints");
        assertThat(page("/console?view=all&channel=nowhere", sue).body()).contains("id=\"queue-total\">0 complaints");

        List<Long> newest = numbers(page("/console?view=all&sort=newest&size=200", sue).body());
        assertThat(newest).hasSizeGreaterThan(20).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(numbers(page("/console?view=all&sort=oldest&size=200", sue).body())).isSorted();

        HttpResponse<String> wrong = page("/console?view=all&priority=P9", sue);
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body()).contains("priority: one of P1, P2, P3, P4");
        HttpResponse<String> api = send("GET", "/api/complaints?clock=breached&metric=first_response", null, sue);
        assertThat(api.body()).contains("\"number\":" + breached).doesNotContain("\"number\":" + (breached + 1) + ",");
        assertThat(send("GET", "/api/complaints?sort=sideways", null, sue).body())
                .contains("sort: one of [urgency, deadline, newest, oldest, updated], got 'sideways'");
    }
}
