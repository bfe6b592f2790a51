package org.redress.channel.social;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Mastodon's user notification stream ({@code GET /api/v1/streaming/user/notification}, server-sent events). It
 * only wakes the desk: a mention streamed, or the stream (re)connected, makes {@link #await} return true, and the
 * desk then reads the REST API after its checkpoint, so nothing streamed while the desk was down, or while the
 * stream was, is missed, and nothing is taken twice. A dropped stream is opened again with growing pauses; a
 * refused one (401, 403) is given up, and polling carries on alone.
 */
final class MastodonStream implements AutoCloseable {

    private static final Duration LONGEST_PAUSE = Duration.ofMinutes(1);

    private final HttpClient http;
    private final URI url;
    private final String token;
    private final ObjectMapper json = new ObjectMapper();
    private final Object lock = new Object();
    private boolean signalled;
    private volatile boolean closed;
    private volatile InputStream open;
    private volatile String problem;
    private Thread thread;

    MastodonStream(URI streamingRoot, String token, Duration connectTimeout) {
        String root = streamingRoot.toString().endsWith("/") ? streamingRoot.toString() : streamingRoot + "/";
        this.url = URI.create(root).resolve("api/v1/streaming/user/notification");
        this.token = token;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /** Waits until a mention is streamed, or {@code max} has passed; opens the stream on first use. */
    boolean await(Duration max) throws InterruptedException {
        start();
        long deadline = System.nanoTime() + max.toNanos();
        synchronized (lock) {
            while (!signalled) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(lock, left);
            }
            signalled = false;
            return true;
        }
    }

    /** Why the stream is not open now, or null while it is (or has not been tried). */
    String problem() {
        return problem;
    }

    private synchronized void start() {
        if (thread == null && !closed) {
            thread = new Thread(this::run, "mastodon-stream " + url.getHost());
            thread.setDaemon(true);
            thread.start();
        }
    }

    private void signal() {
        synchronized (lock) {
            signalled = true;
            lock.notifyAll();
        }
    }

    private void run() {
        int failures = 0;
        while (!closed) {
            try {
                HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(url)
                        .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").GET().build(),
                        HttpResponse.BodyHandlers.ofInputStream());
                int status = response.statusCode();
                if (status == 401 || status == 403) {
                    response.body().close();
                    problem = "the streaming API refused the access token with HTTP " + status + "; polling only";
                    return;
                }
                if (status != 200) {
                    response.body().close();
                    throw new IOException("the streaming API answered HTTP " + status);
                }
                open = response.body();
                problem = null;
                failures = 0;
                signal(); // connected, or connected again: what came while the stream was down is read now
                listen(response.body());
                problem = "the stream ended";
            } catch (IOException e) {
                problem = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            } catch (InterruptedException e) {
                return;
            }
            if (closed) {
                return;
            }
            failures++;
            long pause = Math.min(LONGEST_PAUSE.toMillis(), 1000L << Math.min(failures - 1, 6));
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Reads events until the stream ends; a {@code notification} of type {@code mention} wakes the desk. */
    private void listen(InputStream body) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
        String event = null;
        StringBuilder data = new StringBuilder();
        String line;
        while (!closed && (line = in.readLine()) != null) {
            if (line.isEmpty()) {
                if ("notification".equals(event) && isMention(data.toString())) {
                    signal();
                }
                event = null;
                data.setLength(0);
            } else if (line.startsWith("event:")) {
                event = line.substring(6).strip();
            } else if (line.startsWith("data:")) {
                data.append(data.isEmpty() ? "" : "\n").append(line.substring(5).strip());
            } // a line starting with ':' is a heartbeat
        }
    }

    private boolean isMention(String data) {
        try {
            JsonNode n = json.readTree(data);
            return n == null || !n.has("type") || "mention".equals(n.path("type").asText());
        } catch (IOException e) {
            return true; // cannot tell: a poll costs little
        }
    }

    @Override
    public void close() {
        closed = true;
        InputStream in = open;
        if (in != null) {
            try {
                in.close();
            } catch (IOException e) {
                // closing only to stop the reader
            }
        }
        Thread t;
        synchronized (this) {
            t = thread;
        }
        if (t != null) {
            t.interrupt();
        }
    }
}
