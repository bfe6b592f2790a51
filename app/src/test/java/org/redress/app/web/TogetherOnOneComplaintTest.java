package org.redress.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Together on one complaint (#20 part 4), through the running desk: two agents with the same complaint open each hear,
 * by server-sent events, that the other is there, that they are writing a reply, that they changed it, and that they
 * left. A stale page says so and offers the fresh one.
 */
class TogetherOnOneComplaintTest extends DeskHttpFixture {

    /** One open complaint page's event stream, event by event ("name data"). */
    private final class Stream1 implements AutoCloseable {
        final BlockingQueue<String> events = new LinkedBlockingQueue<>();
        final CompletableFuture<HttpResponse<Stream<String>>> response;

        Stream1(long complaint, Browser as) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/console/complaints/" + complaint + "/events"))
                    .header("Cookie", as.cookie()).header("Accept", "text/event-stream").build();
            response = http.sendAsync(request, HttpResponse.BodyHandlers.ofLines());
            response.thenAccept(r -> {
                String[] name = {""};
                r.body().forEach(line -> {
                    if (line.startsWith("event:")) {
                        name[0] = line.substring(6).strip();
                    } else if (line.startsWith("data:")) {
                        events.add(name[0] + " " + line.substring(5).strip());
                    }
                });
            });
        }

        /** The next event of this name whose data contains {@code text}, within ten seconds. */
        String await(String name, String text) throws InterruptedException {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < end) {
                String e = events.poll(200, TimeUnit.MILLISECONDS);
                if (e != null && e.startsWith(name + " ") && e.contains(text)) {
                    return e;
                }
            }
            throw new AssertionError("no '" + name + "' event with " + text + " within 10 s");
        }

        @Override
        public void close() {
            response.thenAccept(r -> r.body().close());
            response.cancel(true);
        }
    }

    @Test
    void two_agents_on_one_complaint_see_each_other_their_typing_their_change_and_their_leaving() throws Exception {
        long number = db.jdbi().withHandle(h -> h.createQuery("select min(number) from complaint").mapTo(Long.class).one());
        Browser ana = login("ana");
        Browser sam = login("sam");
        assertThat(page("/console/complaints/" + number, ana).body()).contains("id=\"presence\"").contains("data-version=");
        try (Stream1 anas = new Stream1(number, ana)) {
            anas.await("presence", "\"here\":[]");
            Stream1 sams = new Stream1(number, sam);
            assertThat(anas.await("presence", "\"user\":\"sam\"")).contains("\"state\":\"VIEWING\"").contains("\"name\":\"Sam\"");
            sams.await("presence", "\"user\":\"ana\"");

            HttpResponse<String> typing = form("/console/complaints/" + number + "/presence", sam, "csrf", sam.csrf(), "state", "typing");
            assertThat(typing.statusCode()).isEqualTo(204);
            anas.await("presence", "\"state\":\"TYPING\"");

            long version = db.jdbi().withHandle(h -> h.createQuery("select version from complaint where number = :n").bind("n", number)
                    .mapTo(Long.class).one());
            HttpResponse<String> note = form("/console/complaints/" + number + "/note", sam, "csrf", sam.csrf(), "version",
                    Long.toString(version), "text", "called the courier, parcel found");
            assertThat(note.statusCode()).as(note.body()).isEqualTo(303);
            assertThat(anas.await("changed", "\"version\"")).contains("\"by\":\"sam\"");

            sams.close();
            anas.await("presence", "\"here\":[]");
        }
        assertThat(form("/console/complaints/" + number + "/presence", ana, "csrf", ana.csrf(), "state", "dancing").statusCode())
                .isEqualTo(400);
        assertThat(page("/console/complaints/" + number + "/events", login("fay")).statusCode())
                .as("an agent of another team hears nothing of it").isEqualTo(403);
    }
}
