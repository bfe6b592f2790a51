package org.redress.channel.social;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.function.Function;

/** A network on 127.0.0.1: answers by path with scripted responses and records every request. */
final class StubServer implements AutoCloseable {

    /** A request as the stub saw it. */
    record Request(String method, String path, String query, String body, Map<String, List<String>> headers) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    /** A response: status, body and extra headers. */
    record Response(int status, String body, Map<String, String> headers) {
        static Response ok(String body) {
            return new Response(200, body, Map.of());
        }
    }

    private final HttpServer server;
    private final List<Request> requests = new ArrayList<>();
    private final Map<String, ConcurrentLinkedDeque<Function<Request, Response>>> routes = new ConcurrentHashMap<>();

    StubServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        // a stream holds its exchange open: other requests are served beside it
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "stub-server");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    /** Answers {@code method path} with {@code f}; several answers are used in turn, the last one for ever. */
    StubServer on(String method, String path, Function<Request, Response> f) {
        routes.computeIfAbsent(method + " " + path, k -> new ConcurrentLinkedDeque<>()).add(f);
        return this;
    }

    /**
     * Serves {@code path} as a server-sent event stream: each connection gets HTTP 200 and then every text put in
     * {@code events} (whole events, ending in a blank line) until {@link #END} is taken, which ends that connection.
     */
    StubServer stream(String path, java.util.concurrent.BlockingQueue<String> events) {
        server.createContext(path, ex -> {
            synchronized (this) {
                requests.add(new Request(ex.getRequestMethod(), ex.getRequestURI().getPath(), ex.getRequestURI().getRawQuery(),
                        "", Map.copyOf(ex.getRequestHeaders())));
            }
            ex.getResponseHeaders().add("Content-Type", "text/event-stream");
            ex.sendResponseHeaders(200, 0);
            try (var out = ex.getResponseBody()) {
                out.write(":)\n\n".getBytes(StandardCharsets.UTF_8));
                out.flush();
                while (true) {
                    String e = events.take();
                    if (e == END) {
                        return;
                    }
                    out.write(e.getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
            } catch (InterruptedException | IOException e) {
                // the client went away or the stub stops
            }
        });
        return this;
    }

    /** Put in a stream's queue to end the connection that takes it. */
    @SuppressWarnings("StringOperationCanBeSimplified")
    static final String END = new String("end of stream");

    synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    synchronized List<Request> requests(String method, String path) {
        return requests.stream().filter(r -> r.method().equals(method) && r.path().equals(path)).toList();
    }

    private void handle(HttpExchange ex) throws IOException {
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Request req = new Request(ex.getRequestMethod(), ex.getRequestURI().getPath(), ex.getRequestURI().getRawQuery(), body,
                Map.copyOf(ex.getRequestHeaders()));
        synchronized (this) {
            requests.add(req);
        }
        ConcurrentLinkedDeque<Function<Request, Response>> answers = routes.get(req.method() + " " + req.path());
        Response res;
        if (answers == null || answers.isEmpty()) {
            res = new Response(404, "{\"errors\":[{\"code\":34,\"message\":\"Sorry, that page does not exist.\"}]}", Map.of());
        } else {
            Function<Request, Response> f = answers.size() > 1 ? answers.pollFirst() : answers.peekFirst();
            res = f.apply(req);
        }
        byte[] out = res.body().getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        res.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
        ex.sendResponseHeaders(res.status(), out.length == 0 ? -1 : out.length);
        if (out.length > 0) {
            ex.getResponseBody().write(out);
        }
        ex.close();
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
