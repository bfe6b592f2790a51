package org.redress.app.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.json.JavalinJackson;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.redress.app.desk.Desk;
import org.redress.app.engine.DeskMetrics;
import org.redress.app.engine.DeskNode;
import org.redress.app.store.ConcurrentChangeException;
import org.redress.app.store.NotFoundException;
import org.redress.core.complaint.IllegalTransitionException;

/**
 * The desk's web server: the REST API (JSON) and the web console, on Javalin. The API's routes come in groups per
 * resource, each a thin layer that parses a request, calls one of the desk's use cases and writes its answer; all
 * of them are in the one table {@link #routes()}, which the server mounts behind the access check and the
 * authorization and OpenAPI tests walk.
 *
 * <p>Callers are a browser with a session cookie (then every changing request carries the session's CSRF token
 * in {@code X-CSRF-Token}) or another system with {@code Authorization: Bearer <token>}. Failed logins are
 * limited per user name and address.
 */
public final class DeskServer implements AutoCloseable {

    static final String SESSION_COOKIE = Gate.SESSION_COOKIE;
    /** One line per request: method, route template, status, time. */
    private static final org.slf4j.Logger ACCESS = org.slf4j.LoggerFactory.getLogger("org.redress.access");

    private static final org.slf4j.Logger FAILURES = org.slf4j.LoggerFactory.getLogger(DeskServer.class);
    private final Gate gate;
    private final Console console;
    private final List<Route> routes;
    private final DeskMetrics metrics;
    /** Whether this server made its metrics (no node gave it any), and so closes them. */
    private final boolean ownMetrics;
    private final org.redress.app.config.DeskConfig.Web web;
    private Javalin app;

    /**
     * @param node this node's pollers, whose last errors the admin pages show; null for a desk that polls nothing
     */
    public DeskServer(Desk desk, DeskNode node) {
        this.gate = new Gate(desk.staff(), desk.borders(), desk.queue());
        this.web = desk.config().web();
        Function<String, String> lastError = instance -> node == null ? null : node.pollers().stream()
                .filter(p -> p.leaseName().equals("poll:" + instance)).map(p -> p.lastError()).filter(e -> e != null).findFirst().orElse(null);
        this.console = new Console(desk, gate, lastError);
        this.ownMetrics = node == null || node.metrics() == null;
        this.metrics = ownMetrics ? new DeskMetrics(desk.database()) : node.metrics();
        List<Route> all = new ArrayList<>();
        all.addAll(new SessionRoutes(desk, lastError).routes());
        all.addAll(new ComplaintRoutes(desk).routes());
        all.addAll(new CustomerRoutes(desk).routes());
        all.addAll(new ReplyRoutes(desk).routes());
        all.addAll(new SupervisorRoutes(desk).routes());
        all.addAll(new CtiRoutes(desk).routes());
        all.addAll(new AdminRoutes(desk, lastError).routes());
        all.addAll(new GuardRoutes(desk).routes());
        all.addAll(new TokenRoutes(desk).routes());
        // Prometheus' text format for an admin's session or API token (a scraper gets a token of its own)
        all.add(Route.get("/metrics", Access.ADMIN, ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                .result(metrics.scrape())));
        this.routes = List.copyOf(all);
    }

    public List<Route> routes() {
        return routes;
    }

    /** Starts the server on {@code port} (0: any free port) and returns the port it listens on. */
    public int start(String host, int port) {
        app = Javalin.create(config -> {
            config.jetty.host = host;
            config.jetty.port = port;
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.jsonMapper(new JavalinJackson(new ObjectMapper(), false));
            // JSON answers are small, and a proxy in front compresses if it must: probing brotli and zstd's native
            // libraries costs a fifth of the start-up
            config.http.compressionStrategy = CompressionStrategy.NONE;
            config.requestLogger.http((ctx, ms) -> {
                // by the route's template, never its values: a token or a complaint number stays out of the log
                io.javalin.router.Endpoint endpoint = ctx.endpoints().lastHttpEndpoint();
                String route = endpoint == null ? "unmatched" : endpoint.path;
                metrics.request(ctx.method().name(), route, ctx.statusCode(), (long) (ms * 1_000_000));
                ACCESS.info("{} {} {} {} ms", ctx.method().name(), route, ctx.statusCode(), String.format("%.1f", ms));
            });
            config.routes.before(ctx -> {
                // no answer of the desk's is to be read as another type than it says (an uploaded file, a JSON error)
                ctx.header("X-Content-Type-Options", "nosniff");
                if (web.https()) {
                    // the desk is served over TLS at its public address: browsers never try it in clear again
                    ctx.header("Strict-Transport-Security", "max-age=31536000");
                    ctx.attribute(Gate.HTTPS, Boolean.TRUE);
                }
            });
            for (Route r : routes) {
                Handler guarded = ctx -> {
                    gate.admit(ctx, r);
                    r.handler().handle(ctx);
                };
                if (r.method().equals("GET")) {
                    config.routes.get(r.path(), guarded);
                } else {
                    config.routes.post(r.path(), guarded);
                }
            }
            console.register(config.routes);
            config.routes.exception(ApiError.class, (e, ctx) -> error(ctx, e.status, e.getMessage()));
            config.routes.exception(ConcurrentChangeException.class, (e, ctx) -> error(ctx, 409, e.getMessage()));
            config.routes.exception(NotFoundException.class, (e, ctx) -> error(ctx, 404, e.getMessage()));
            config.routes.exception(IllegalTransitionException.class, (e, ctx) -> error(ctx, 422, e.getMessage()));
            config.routes.exception(IllegalArgumentException.class, (e, ctx) -> error(ctx, 400, e.getMessage()));
            config.routes.exception(IllegalStateException.class, (e, ctx) -> error(ctx, 422, e.getMessage()));
            config.routes.exception(Exception.class, (e, ctx) -> {
                if (e instanceof io.javalin.http.HttpResponseException h) {
                    error(ctx, h.getStatus(), h.getMessage());
                    return;
                }
                if (org.redress.app.store.DatabaseErrors.refusedValue(e)) {
                    error(ctx, 400, "a value is too long or out of range for what the desk keeps; shorten it or correct it");
                    return;
                }
                // what failed, without the statement's values a driver puts in its message
                FAILURES.error("{} {} failed: {}", ctx.method().name(), ctx.endpoints().lastHttpEndpoint() == null ? ctx.path()
                        : ctx.endpoints().lastHttpEndpoint().path, org.redress.app.store.DatabaseErrors.forTheLog(e));
                error(ctx, 500, "the desk failed on this request; its log says where (" + java.time.Instant.now() + ")");
            });
            config.routes.error(404, ctx -> {
                if (Console.isConsolePath(ctx.path())) {
                    // the console's pages answer their own 404s as pages; an unknown console path gets one too
                    if (!Console.rendered(ctx)) {
                        console.notFound(ctx);
                    }
                    return;
                }
                // our own 404s (no such complaint) are JSON already; Jetty's and Javalin's are not
                if (ctx.result() == null || !ctx.result().startsWith("{")) {
                    error(ctx, 404, "no such endpoint: " + ctx.method() + " " + ctx.path() + " (see /api/openapi.json)");
                }
            });
        });
        app.start();
        return app.port();
    }

    /**
     * Loads Jetty's and Javalin's classes without binding a port, so that a caller can do it on another core while
     * the database opens: most of the server's start-up is class loading.
     */
    public static void preload() {
        Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.http.compressionStrategy = CompressionStrategy.NONE;
            config.routes.get("/", ctx -> ctx.result(""));
        }).javalinServlet();
    }

    @Override
    public void close() {
        console.close();
        if (app != null) {
            app.stop();
        }
        if (ownMetrics) {
            metrics.close();
        }
    }

    private static void error(Context ctx, int status, String message) {
        readTheRest(ctx);
        ctx.status(status).json(new Responses.Error(message == null ? "error" : message));
    }

    /**
     * Reads what is left of a refused request's body (within the size the desk accepts) before answering: answered
     * unread, Jetty closes the connection while the client is still sending, and the reset can swallow the answer.
     */
    private static void readTheRest(Context ctx) {
        try {
            ctx.bodyAsBytes();
        } catch (RuntimeException tooLargeOrGone) {
            // past the size limit or already closed: the connection goes, as it must
        }
    }
}
