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
}
