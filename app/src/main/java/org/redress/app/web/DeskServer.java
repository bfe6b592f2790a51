package org.redress.app.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.redress.app.desk.DeskReports;
import org.redress.app.desk.Incidents;
import org.redress.app.desk.Quarantine;
import org.redress.app.desk.Replies;
import org.redress.app.intake.DeskIntake;
import org.redress.core.channel.Batch;
import org.redress.core.channel.Checkpoint;
import org.redress.core.channel.InboundMessage;
import org.redress.core.channel.RawSource;
import org.redress.core.channel.SenderIdentity;
import org.redress.core.classify.Triage;
import org.redress.core.routing.RoutingTable;
import org.redress.core.text.LanguageDetection;
import org.redress.app.engine.DeskNode;
import org.redress.app.store.ChannelBoard;
import org.redress.app.store.Complaints;
import org.redress.app.store.ConcurrentChangeException;
import org.redress.app.store.CustomerBook;
import org.redress.app.store.Database;
import org.redress.app.store.DeskAudit;
import org.redress.app.store.SavedReplies;
import org.redress.app.store.Satisfaction;
import org.redress.core.complaint.Category;
import org.redress.core.incident.Incident;
import org.redress.app.store.NotFoundException;
import org.redress.app.store.Promises;
import org.redress.app.store.Queue;
import org.redress.app.store.Remedies;
import org.redress.app.store.Users;
import org.redress.core.complaint.AuditRecord;
import org.redress.core.complaint.Complaint;
import org.redress.core.complaint.Entry;
import org.redress.core.complaint.IllegalTransitionException;
import org.redress.core.complaint.Status;
import org.redress.core.guard.ReplyGuard;
import org.redress.core.promise.Promise;
import org.redress.core.remedy.Money;
import org.redress.core.remedy.Remedy;
import org.redress.core.remedy.RemedyKind;
import org.redress.core.sla.SlaMetric;
import org.redress.core.staff.Actor;
import org.redress.core.staff.Role;

/**
 * The desk's REST API (JSON) on Javalin. Every route is declared once in {@link #routes()} with who may call it,
 * so the access check, the authorization test and the OpenAPI check all read the same table.
 *
 * <p>Callers are a browser with a session cookie (then every changing request carries the session's CSRF token
 * in {@code X-CSRF-Token}) or another system with {@code Authorization: Bearer <token>}. Failed logins are
 * limited per user name and address.
 */
public final class DeskServer implements AutoCloseable {

    /** Who may call a route: anybody, any signed-in user, agents and up the ladder, supervisors and up, admins. */
    public enum Access { PUBLIC, SIGNED_IN, AGENT, SUPERVISOR, ADMIN }

    /** One route of the API. */
    public record Route(String method, String path, Access access, Handler handler) {
    }

    /** A request the caller must fix: status and message. */
    static final class ApiError extends RuntimeException {
        final int status;

        ApiError(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }
    }

    static final String SESSION_COOKIE = "redress_session";
    private static final Duration SESSION_TTL = Duration.ofHours(12);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Database database;
    private final Users users;
    private final Complaints complaints;
    private final Promises promises;
    private final Remedies remedies;
    private final Replies replies;
    private final Queue queue;
    private final DeskNode node;
    private final Clock clock;
    private final LoginLimiter limiter;
    private final DeskIntake walkIns;
    private final Incidents incidents;
    private final CustomerBook customers;
    private final DeskAudit audit;
    private final SavedReplies savedReplies;
    private final Satisfaction satisfaction;
    private final LanguageDetection detection;
    private final ChannelBoard board;
    private final Console console;
    private final List<Route> routes;
    private Javalin app;
    private Path ctiSpool;

    public DeskServer(Database database, Users users, Complaints complaints, Promises promises, Remedies remedies,
                      Replies replies, DeskNode node, LanguageDetection detection, Clock clock) {
        this.database = database;
        this.users = users;
        this.complaints = complaints;
        this.promises = promises;
        this.remedies = remedies;
        this.replies = replies;
        this.queue = new Queue(database);
        this.node = node;
        this.clock = clock;
        this.limiter = new LoginLimiter(5, Duration.ofMinutes(5), clock);
        this.detection = detection;
        this.customers = new CustomerBook(database, complaints, clock);
        this.audit = new DeskAudit(database, clock);
        this.savedReplies = new SavedReplies(database, replies.guard(), clock);
        this.satisfaction = new Satisfaction(database, clock);
        this.board = new ChannelBoard(database);
        this.incidents = new Incidents(database, complaints, complaints.policy().calendar().zone(), clock);
        this.walkIns = new DeskIntake(database, "desk", new Triage(Triage.Policy.standard(), Optional.empty()), detection,
                node == null ? new RoutingTable(Map.of(), "front-desk") : node.config().policies().routing(), clock, false,
                complaints.policy());
        this.console = new Console(this, new ConsolePages(this, replies.guard()), this::quarantine, clock);
        this.routes = List.of(
                new Route("GET", "/api/health", Access.PUBLIC, this::health),
                new Route("GET", "/api/openapi.json", Access.PUBLIC, this::openapi),
                new Route("POST", "/api/login", Access.PUBLIC, this::login),
                new Route("POST", "/api/logout", Access.SIGNED_IN, this::logout),
                new Route("GET", "/api/me", Access.SIGNED_IN, this::me),
                new Route("GET", "/api/complaints", Access.AGENT, this::listComplaints),
                new Route("POST", "/api/complaints", Access.AGENT, this::createComplaint),
                new Route("GET", "/api/complaints/{number}", Access.AGENT, this::oneComplaint),
                new Route("POST", "/api/complaints/{number}/check-reply", Access.AGENT, this::checkReply),
                new Route("POST", "/api/complaints/{number}/replies", Access.AGENT, this::reply),
                new Route("POST", "/api/complaints/{number}/notes", Access.AGENT, this::note),
                new Route("POST", "/api/complaints/{number}/transitions", Access.AGENT, this::transition),
                new Route("POST", "/api/complaints/{number}/assignment", Access.AGENT, this::assign),
                new Route("POST", "/api/complaints/{number}/remedies", Access.AGENT, this::proposeRemedy),
                new Route("POST", "/api/complaints/{number}/transfer", Access.AGENT, this::requestTransfer),
                new Route("POST", "/api/complaints/{number}/transfer/accept", Access.AGENT, this::acceptTransfer),
                new Route("POST", "/api/complaints/{number}/transfer/decline", Access.AGENT, this::declineTransfer),
                new Route("POST", "/api/promises/{id}/kept", Access.AGENT, this::keepPromise),
                new Route("GET", "/api/customers/{id}", Access.AGENT, this::customer),
                new Route("POST", "/api/customers/{id}/merge", Access.SUPERVISOR, this::mergeCustomer),
                new Route("GET", "/api/customers/{id}/export", Access.SUPERVISOR, this::exportCustomer),
                new Route("POST", "/api/customers/{id}/erase", Access.ADMIN, this::eraseCustomer),
                new Route("GET", "/api/saved-replies", Access.AGENT, this::listSavedReplies),
                new Route("POST", "/api/saved-replies", Access.SUPERVISOR, this::saveReply),
                new Route("POST", "/api/satisfaction/{token}", Access.PUBLIC, this::answerSatisfaction),
                new Route("GET", "/api/remedies", Access.SUPERVISOR, this::listRemedies),
                new Route("POST", "/api/remedies/{id}/decision", Access.SUPERVISOR, this::decideRemedy),
                new Route("GET", "/api/incidents", Access.AGENT, this::listIncidents),
                new Route("POST", "/api/incidents", Access.SUPERVISOR, this::declareIncident),
                new Route("POST", "/api/incidents/{id}/links", Access.SUPERVISOR, this::linkIncident),
                new Route("POST", "/api/incidents/{id}/resolution", Access.SUPERVISOR, this::resolveIncident),
                new Route("POST", "/api/cti", Access.AGENT, this::cti),
                new Route("GET", "/api/reports", Access.SUPERVISOR, this::reports),
                new Route("GET", "/api/channels", Access.ADMIN, this::channels),
                new Route("GET", "/api/quarantine", Access.ADMIN, this::quarantine),
                new Route("POST", "/api/quarantine/{id}/discard", Access.ADMIN, this::discard),
                new Route("POST", "/api/quarantine/{id}/retry", Access.ADMIN, this::retry),
                new Route("GET", "/api/users", Access.ADMIN, this::listUsers),
                new Route("POST", "/api/users", Access.ADMIN, this::addUser),
                new Route("GET", "/api/audit", Access.ADMIN, this::deskAudit));
    }

    public List<Route> routes() {
        return routes;
    }

    Database database() {
        return database;
    }

    Users users() {
        return users;
    }

    SavedReplies savedReplies() {
        return savedReplies;
    }

    Complaints complaints() {
        return complaints;
    }

    Promises promises() {
        return promises;
    }

    Remedies remedies() {
        return remedies;
    }

    Replies replies() {
        return replies;
    }

    Incidents incidents() {
        return incidents;
    }

    CustomerBook customers() {
        return customers;
    }

    DeskAudit audit() {
        return audit;
    }

    ChannelBoard board() {
        return board;
    }

    Queue queue() {
        return queue;
    }

    Clock clock() {
        return clock;
    }

    /** Starts the server on {@code port} (0: any free port) and returns the port it listens on. */
    public int start(String host, int port) {
        app = Javalin.create(config -> {
            config.jetty.host = host;
            config.jetty.port = port;
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            // JSON answers are small, and a proxy in front compresses if it must: probing brotli and zstd's native
            // libraries costs a fifth of the start-up
            config.http.compressionStrategy = io.javalin.compression.CompressionStrategy.NONE;
            for (Route r : routes) {
                Handler guarded = ctx -> {
                    authorize(ctx, r);
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
            config.http.compressionStrategy = io.javalin.compression.CompressionStrategy.NONE;
            config.routes.get("/", ctx -> ctx.result(""));
        }).javalinServlet();
    }

    @Override
    public void close() {
        if (app != null) {
            app.stop();
        }
    }

    // ---- access ---------------------------------------------------------------------------------------

    private static final String USER = "redress.user";
    private static final String SESSION = "redress.session";

    private void authorize(Context ctx, Route r) {
        ctx.header("Cache-Control", "no-store");
        if (r.access() == Access.PUBLIC) {
            return;
        }
        Optional<Users.User> user = Optional.empty();
        String auth = ctx.header("Authorization");
        if (auth != null && auth.startsWith("Bearer ")) {
            user = users.byToken(auth.substring("Bearer ".length()).strip());
            if (user.isEmpty()) {
                throw new ApiError(401, "the API token is not valid (revoked, mistyped, or its user is inactive)");
            }
        } else {
            Optional<Users.Session> session = users.session(ctx.cookie(SESSION_COOKIE));
            if (session.isPresent()) {
                if (!ctx.method().name().equals("GET") && !session.get().csrf().equals(ctx.header("X-CSRF-Token"))) {
                    throw new ApiError(403, "missing or wrong CSRF token: send the session's token in the X-CSRF-Token header");
                }
                ctx.attribute(SESSION, session.get());
                user = Optional.of(session.get().user());
            }
        }
        if (user.isEmpty()) {
            throw new ApiError(401, "sign in first (POST /api/login) or send an API token (Authorization: Bearer …)");
        }
        Role role = user.get().role();
        boolean allowed = switch (r.access()) {
            case PUBLIC, SIGNED_IN -> true;
            case AGENT -> role.atLeast(Role.AGENT);
            case SUPERVISOR -> role.atLeast(Role.SUPERVISOR);
            case ADMIN -> role == Role.ADMIN;
        };
        if (!allowed) {
            throw new ApiError(403, user.get().username() + " (" + role.name().toLowerCase() + ") may not "
                    + r.method() + " " + r.path() + ": it needs " + r.access().name().toLowerCase());
        }
        ctx.attribute(USER, user.get());
    }

    private static Users.User user(Context ctx) {
        return ctx.attribute(USER);
    }

    // ---- handlers ---------------------------------------------------------------------------------------

    private void health(Context ctx) {
        json(ctx, 200, Map.of("status", "up", "database", database.isPostgres() ? "postgresql" : "h2"));
    }

    private void openapi(Context ctx) throws IOException {
        try (InputStream in = DeskServer.class.getResourceAsStream("/openapi.json")) {
            ctx.contentType("application/json").result(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private void login(Context ctx) {
        JsonNode body = body(ctx);
        String username = text(body, "username");
        String password = text(body, "password");
        Optional<SignIn> signIn = signIn(username, password, ctx.ip());
        if (signIn.isEmpty()) {
            throw new ApiError(401, "wrong user name or password");
        }
        if (signIn.get().waitFor().isPresent()) {
            long seconds = signIn.get().waitFor().get().toSeconds();
            ctx.header("Retry-After", String.valueOf(seconds));
            throw new ApiError(429, "too many failed sign-ins for " + username + "; try again in " + seconds + " s");
        }
        Users.Session session = signIn.get().session();
        ctx.header("Set-Cookie", sessionCookie(session.id()));
        json(ctx, 200, Map.of("username", session.user().username(), "role", session.user().role().name().toLowerCase(),
                "csrf", session.csrf()));
    }

    /** A sign-in that opened a session, or was refused for a while after too many failures. */
    record SignIn(Users.Session session, Optional<Duration> waitFor) {
    }

    /**
     * Signs a user in from an address, for the API and the console alike: failures are counted per name and address
     * and audited; empty when the name or password is wrong.
     */
    Optional<SignIn> signIn(String username, String password, String address) {
        String key = username + "|" + address;
        Optional<Duration> wait = limiter.blocked(key);
        if (wait.isPresent()) {
            return Optional.of(new SignIn(null, Optional.of(Duration.ofSeconds(Math.max(1, wait.get().toSeconds())))));
        }
        Optional<Users.User> user = users.authenticate(username, password);
        if (user.isEmpty()) {
            limiter.failed(key);
            audit.record(new Actor(username.isBlank() ? "?" : username, Role.SYSTEM), "sign-in-failed", "address " + address, "");
            return Optional.empty();
        }
        audit.record(user.get().actor(), "sign-in", "address " + address, "");
        limiter.succeeded(key);
        return Optional.of(new SignIn(users.openSession(user.get(), SESSION_TTL), Optional.empty()));
    }

    static String sessionCookie(String id) {
        return SESSION_COOKIE + "=" + id + "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" + SESSION_TTL.toSeconds();
    }

    private void logout(Context ctx) {
        Users.Session session = ctx.attribute(SESSION);
        if (session != null) {
            users.closeSession(session.id());
        }
        ctx.header("Set-Cookie", SESSION_COOKIE + "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0");
        ctx.status(204);
    }

    private void me(Context ctx) {
        Users.User u = user(ctx);
        json(ctx, 200, userJson(u));
    }

    private void listComplaints(Context ctx) {
        int limit = intParam(ctx.queryParam("limit"), 50, 1, 500, "limit");
        Queue.Filter filter = new Queue.Filter(Optional.ofNullable(ctx.queryParam("team")).filter(s -> !s.isBlank()),
                Optional.ofNullable(ctx.queryParam("status")).filter(s -> !s.isBlank()).map(s -> status(s).name()),
                "true".equals(ctx.queryParam("unassigned")),
                Optional.ofNullable(ctx.queryParam("owner")).filter(s -> !s.isBlank()).map(o -> o.equals("me") ? user(ctx).username() : o),
                Optional.ofNullable(ctx.queryParam("q")).map(String::strip).filter(s -> !s.isBlank()));
        List<Map<String, Object>> items = new ArrayList<>();
        for (Queue.Item i : queue.top(filter, limit)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("number", i.number());
            m.put("subject", i.subject());
            m.put("priority", i.priority());
            m.put("status", i.status());
            m.put("team", i.team());
            m.put("owner", i.owner());
            m.put("dueAt", i.dueAt() == null ? null : i.dueAt().toInstant().toString());
            items.add(m);
        }
        json(ctx, 200, Map.of("complaints", items));
    }

    /**
     * A complaint taken at the desk (walk-in), on the phone, or from the web form: stored through the same intake as
     * a channel's messages (triaged, routed, SLA clocks started, escalated on threats), under its own channel instance.
     */
    private void createComplaint(Context ctx) {
        JsonNode body = body(ctx);
        String via = text(body, "via");
        if (!List.of("walk-in", "phone", "web-form").contains(via)) {
            throw new ApiError(400, "via: one of walk-in, phone, web-form; got '" + via + "'");
        }
        JsonNode customer = body.path("customer");
        String name = customer.isObject() ? optionalText(customer, "name").orElse("") : "";
        Optional<String> email = customer.isObject() ? optionalText(customer, "email") : Optional.empty();
        Optional<String> phone = customer.isObject() ? optionalText(customer, "phone") : Optional.empty();
        if (email.isEmpty() && phone.isEmpty()) {
            throw new ApiError(400, "customer: an email or a phone number is required, so the desk can answer and recognise them");
        }
        if (email.isPresent() && !email.get().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw new ApiError(400, "customer.email: not an email address: '" + email.get() + "'");
        }
        SenderIdentity sender = email.map(e -> SenderIdentity.email(e, name)).orElseGet(() -> SenderIdentity.phone(phone.get(), name));
        String text = text(body, "text");
        String subject = optionalText(body, "subject").orElse(text.length() > 80 ? text.substring(0, 80) + "…" : text);
        Users.User by = user(ctx);
        String externalId = via + "-" + java.util.UUID.randomUUID();
        InboundMessage m = InboundMessage.builder(via, externalId).sender(sender).sentAt(clock.instant()).subject(subject)
                .text(text).attribute("taken-by", by.username())
                .raw(new RawSource(via + ":" + externalId, "application/json", body.toString().getBytes(StandardCharsets.UTF_8))).build();
        synchronized (walkIns) {
            walkIns.store("desk:" + via, new Batch(List.of(m), Checkpoint.of(externalId), false));
        }
        long number = database.jdbi().withHandle(h -> h.createQuery("select complaint_number from inbound_message "
                + "where instance = :i and external_id = :id").bind("i", "desk:" + via).bind("id", externalId).mapTo(Long.class).one());
        Complaints.Loaded loaded = complaints.require(number);
        json(ctx, 201, complaintJson(loaded));
    }

    private void oneComplaint(Context ctx) {
        Complaints.Loaded loaded = complaints.require(number(ctx));
        json(ctx, 200, complaintJson(loaded));
    }

    private void checkReply(Context ctx) {
        JsonNode body = body(ctx);
        Complaint c = complaints.require(number(ctx)).complaint();
        json(ctx, 200, checkJson(replies.check(c, text(body, "text"), optionalText(body, "eta").map(DeskServer::instant))));
    }

    private void reply(Context ctx) {
        JsonNode body = body(ctx);
        long number = number(ctx);
        Optional<Instant> eta = optionalText(body, "eta").map(DeskServer::instant);
        Optional<String> override = body.path("override").isObject() ? optionalText(body.get("override"), "reason") : Optional.empty();
        Replies.Outcome outcome = replies.reply(number, version(body), user(ctx).actor(), text(body, "text"), eta, override);
        if (outcome instanceof Replies.Refused refused) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("error", "the reply guard blocked this reply: fix the findings, or override them with a reason");
            m.putAll(checkJson(refused.check()));
            json(ctx, 422, m);
            return;
        }
        Replies.Sent sent = (Replies.Sent) outcome;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("replyId", sent.replyId());
        m.put("version", sent.complaint().version());
        m.put("promises", sent.promises().stream().map(p -> Map.of("id", p.id().value(), "text", p.text(), "due", p.due().toString())).toList());
        m.putAll(checkJson(sent.check()));
        json(ctx, 201, m);
    }

    private void note(Context ctx) {
        JsonNode body = body(ctx);
        Actor actor = user(ctx).actor();
        String text = text(body, "text");
        Complaint c = complaints.change(number(ctx), version(body), x -> x.append(new Entry.InternalNote(clock.instant(), actor, text)));
        json(ctx, 201, Map.of("version", c.version()));
    }

    private void transition(Context ctx) {
        JsonNode body = body(ctx);
        Complaint c = transition(number(ctx), version(body), status(text(body, "to")), optionalText(body, "reason").orElse(""),
                user(ctx).actor(), ctx.scheme() + "://" + ctx.host());
        json(ctx, 200, Map.of("status", c.status().name(), "version", c.version()));
    }

    /** Moves a complaint on; with the decision goes the satisfaction question, once per complaint, answered at {@code base}. */
    Complaint transition(long number, long version, Status to, String reason, Actor actor, String base) {
        return complaints.change(number, version, x -> x.transition(to, actor, reason, clock.instant()), (h, x) -> {
            if (to == Status.DECISION_COMMUNICATED) {
                String token = satisfaction.ask(h, x.number().value());
                if (token != null) {
                    Replies.owe(h, x, "satisfaction-" + x.number().value(), "How satisfied are you with how we handled complaint "
                            + x.number().tag() + "? Answer with a score from 1 (very unhappy) to 5 (very happy): POST " + base
                            + "/api/satisfaction/" + token + " {\"score\": 5}", clock.instant());
                }
            }
        });
    }

    private void assign(Context ctx) {
        JsonNode body = body(ctx);
        Actor actor = user(ctx).actor();
        String owner = text(body, "owner");
        String team = text(body, "team");
        String reason = optionalText(body, "reason").orElse("");
        Complaint c = complaints.change(number(ctx), version(body), x -> x.assign(owner, team, actor, reason, clock.instant()));
        json(ctx, 200, Map.of("owner", owner, "team", team, "version", c.version()));
    }

    private void requestTransfer(Context ctx) {
        JsonNode body = body(ctx);
        Actor actor = user(ctx).actor();
        String team = text(body, "toTeam");
        Optional<String> owner = optionalText(body, "toOwner");
        String reason = text(body, "reason");
        Complaint c = complaints.change(number(ctx), version(body), x -> x.requestTransfer(team, owner, actor, reason, clock.instant()));
        json(ctx, 200, Map.of("pendingTransfer", team, "version", c.version()));
    }

    private void acceptTransfer(Context ctx) {
        JsonNode body = body(ctx);
        Actor actor = user(ctx).actor();
        Complaint c = complaints.change(number(ctx), version(body), x -> x.acceptTransfer(actor, clock.instant()));
        json(ctx, 200, Map.of("owner", c.owner().orElse(""), "team", c.team().orElse(""), "version", c.version()));
    }

    private void declineTransfer(Context ctx) {
        JsonNode body = body(ctx);
        Actor actor = user(ctx).actor();
        String reason = text(body, "reason");
        Complaint c = complaints.change(number(ctx), version(body), x -> x.declineTransfer(actor, reason, clock.instant()));
        json(ctx, 200, Map.of("owner", c.owner().orElse(""), "team", c.team().orElse(""), "version", c.version()));
    }

    private void keepPromise(Context ctx) {
        long id = longParam(ctx.pathParam("id"), "id");
        Promise.State state = promises.keep(id, clock.instant());
        json(ctx, 200, Map.of("id", id, "state", state.name()));
    }

    private void proposeRemedy(Context ctx) {
        JsonNode body = body(ctx);
        String currency = text(body, "currency");
        RemedyKind kind = remedyKind(text(body, "kind"));
        Remedy r = remedies.propose(number(ctx), kind, Money.of(text(body, "claimed"), currency), Money.of(text(body, "offered"), currency),
                user(ctx).actor(), text(body, "reason"));
        json(ctx, 201, remedyJson(r, 0));
    }

    private void customer(Context ctx) {
        json(ctx, 200, customers.card(longParam(ctx.pathParam("id"), "id")));
    }

    private void mergeCustomer(Context ctx) {
        JsonNode body = body(ctx);
        long absorbed = longParam(ctx.pathParam("id"), "id");
        if (!body.path("into").canConvertToLong()) {
            throw new ApiError(400, "into: the id of the customer record that stays is required");
        }
        long survivor = body.get("into").asLong();
        customers.merge(survivor, absorbed, user(ctx).actor(), optionalText(body, "reason").orElse(""));
        audit.record(user(ctx).actor(), "customer-merge", "customer " + absorbed + " into " + survivor, optionalText(body, "reason").orElse(""));
        json(ctx, 200, customers.card(survivor));
    }

    private void exportCustomer(Context ctx) {
        json(ctx, 200, customers.export(longParam(ctx.pathParam("id"), "id")));
    }

    private void eraseCustomer(Context ctx) {
        JsonNode body = body(ctx);
        long id = longParam(ctx.pathParam("id"), "id");
        int n = customers.erase(id, user(ctx).actor(), text(body, "reason"));
        audit.record(user(ctx).actor(), "customer-erase", "customer " + id, text(body, "reason"));
        json(ctx, 200, Map.of("id", id, "erased", true, "complaints", n));
    }

    private void listSavedReplies(Context ctx) {
        json(ctx, 200, Map.of("savedReplies", savedReplies.find(Optional.ofNullable(ctx.queryParam("category")).filter(x -> !x.isBlank()),
                Optional.ofNullable(ctx.queryParam("language")).filter(x -> !x.isBlank())).stream().map(r -> Map.of("id", r.id(),
                "category", r.category(), "language", r.language(), "title", r.title(), "text", r.text())).toList()));
    }

    private void saveReply(Context ctx) {
        JsonNode body = body(ctx);
        try {
            SavedReplies.Saved r = savedReplies.save(text(body, "category"), text(body, "language"), text(body, "title"), text(body, "text"),
                    user(ctx).actor());
            json(ctx, 201, Map.of("id", r.id(), "category", r.category(), "language", r.language(), "title", r.title(), "text", r.text()));
        } catch (SavedReplies.Refused e) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("error", e.getMessage());
            m.putAll(checkJson(e.check()));
            json(ctx, 422, m);
        }
    }

    private void answerSatisfaction(Context ctx) {
        JsonNode body = body(ctx);
        if (!body.path("score").canConvertToInt()) {
            throw new ApiError(400, "score: a whole number from 1 to 5 is required");
        }
        long n = satisfaction.answer(ctx.pathParam("token"), body.get("score").asInt(), optionalText(body, "comment").orElse(null));
        json(ctx, 200, Map.of("complaint", n, "thanks", "Thank you for telling us."));
    }

    private void listRemedies(Context ctx) {
        json(ctx, 200, Map.of("remedies", remedies.awaitingApproval().stream().map(s -> remedyJson(s.remedy(), s.version())).toList()));
    }

    private void decideRemedy(Context ctx) {
        JsonNode body = body(ctx);
        long id = longParam(ctx.pathParam("id"), "id");
        if (!body.path("approve").isBoolean()) {
            throw new ApiError(400, "approve: true or false is required");
        }
        Remedy r = remedies.decide(id, version(body), body.get("approve").asBoolean(), user(ctx).actor(), text(body, "reason"));
        json(ctx, 200, remedyJson(r, version(body) + 1));
    }

    private void listIncidents(Context ctx) {
        json(ctx, 200, Map.of("incidents", incidents.list().stream().map(DeskServer::incidentJson).toList()));
    }

    private void declareIncident(Context ctx) {
        JsonNode body = body(ctx);
        Long proposal = body.path("proposal").canConvertToLong() ? body.get("proposal").asLong() : null;
        List<Long> more = new ArrayList<>();
        body.path("complaints").forEach(n -> more.add(n.asLong()));
        Category category = new Category(optionalText(body, "category").orElse(proposal == null ? "other"
                : incidents.require(proposal).incident().category().code()));
        Incidents.Stored s = incidents.declare(proposal, text(body, "title"), category, optionalText(body, "area").orElse(null),
                instant(text(body, "eta")), user(ctx).actor(), more);
        json(ctx, 201, incidentJson(s));
    }

    private void linkIncident(Context ctx) {
        JsonNode body = body(ctx);
        if (!body.path("complaint").canConvertToLong()) {
            throw new ApiError(400, "complaint: the number of the complaint to link is required");
        }
        json(ctx, 200, incidentJson(incidents.link(longParam(ctx.pathParam("id"), "id"), body.get("complaint").asLong())));
    }

    private void resolveIncident(Context ctx) {
        JsonNode body = body(ctx);
        json(ctx, 200, incidentJson(incidents.resolve(longParam(ctx.pathParam("id"), "id"), version(body), text(body, "message"),
                user(ctx).actor())));
    }

    private static Map<String, Object> incidentJson(Incidents.Stored s) {
        Incident i = s.incident();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", i.id().value());
        m.put("title", i.title());
        m.put("category", i.category().code());
        m.put("area", i.area());
        m.put("eta", i.eta().toString());
        m.put("state", s.proposed() ? "PROPOSED" : i.state().name());
        m.put("declaredBy", i.declaredBy().id());
        m.put("sharedTerms", s.terms());
        m.put("complaints", i.linked().stream().map(n -> n.value()).toList());
        m.put("resolution", i.resolution().orElse(null));
        m.put("version", s.version());
        return m;
    }

    /**
     * A phone system's CTI event (Zammad's generic CTI shape: newCall, answer, hangup), stamped with the time it
     * arrived when it carries none, appended to the spool file a phone-log channel (format cti) reads; so calls
     * reach the desk through the channel like any other, once and in order.
     */
    private void cti(Context ctx) throws IOException {
        Path spool = ctiSpool != null ? ctiSpool : node == null ? null : node.config().ctiSpool();
        if (spool == null) {
            throw new ApiError(422, "CTI events are not enabled: set desk.cti-spool in redress.yaml, and a phone-log channel "
                    + "with format cti reading that file");
        }
        JsonNode body = body(ctx);
        String event = text(body, "event");
        if (!List.of("newCall", "answer", "hangup").contains(event)) {
            throw new ApiError(400, "event: newCall, answer or hangup; got '" + event + "'");
        }
        String direction = text(body, "direction");
        if (!List.of("in", "out").contains(direction)) {
            throw new ApiError(400, "direction: in or out; got '" + direction + "'");
        }
        if (optionalText(body, "callId").or(() -> optionalText(body, "call_id")).isEmpty()) {
            throw new ApiError(400, "callId: required");
        }
        com.fasterxml.jackson.databind.node.ObjectNode line = ((com.fasterxml.jackson.databind.node.ObjectNode) body).deepCopy();
        if (optionalText(body, "timestamp").isEmpty()) {
            line.put("timestamp", clock.instant().atOffset(java.time.ZoneOffset.UTC).toString());
        }
        byte[] bytes = (JSON.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8);
        synchronized (DeskServer.class) {
            Files.createDirectories(spool.toAbsolutePath().getParent());
            try (java.nio.channels.FileChannel f = java.nio.channels.FileChannel.open(spool, java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND, java.nio.file.StandardOpenOption.WRITE)) {
                f.write(java.nio.ByteBuffer.wrap(bytes));
                // the phone system is told "stored" only once the event is on disk
                f.force(true);
            }
        }
        json(ctx, 202, Map.of("accepted", true, "callId", line.path("callId").asText(line.path("call_id").asText())));
    }

    /** Where CTI events go when no node configuration names a spool (tests, a desk without a config file). */
    public DeskServer withCtiSpool(Path spool) {
        this.ctiSpool = spool;
        return this;
    }

    private void reports(Context ctx) {
        String since = ctx.queryParam("since");
        Instant from;
        try {
            from = since == null || since.isBlank() ? clock.instant().minus(Duration.ofDays(90))
                    : java.time.LocalDate.parse(since).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            throw new ApiError(400, "since: a date such as 2026-09-01, got '" + since + "'");
        }
        DeskReports.Report r = new DeskReports(database, complaints, promises, remedies, complaints.policy().calendar().zone()).since(from);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("since", r.since().toString());
        m.put("complaints", r.complaints());
        m.put("weakAreas", rows(r.weakAreas()));
        m.put("sla", rows(r.sla()));
        m.put("promises", rows(r.promises()));
        m.put("rates", rows(r.rates()));
        m.put("compensation", rows(r.compensation()));
        json(ctx, 200, m);
    }

    private static List<Map<String, Object>> rows(List<DeskReports.Row> rows) {
        return rows.stream().map(row -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("label", row.label());
            x.putAll(row.figures());
            return x;
        }).toList();
    }

    private void channels(Context ctx) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (ChannelBoard.Instance c : board.instances()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", c.name());
            m.put("plugin", c.plugin());
            m.put("checkpoint", c.checkpoint());
            m.put("lastReadAt", c.lastReadAt() == null ? null : c.lastReadAt().toString());
            m.put("polledBy", c.polledBy());
            m.put("quarantined", c.quarantined());
            m.put("lastError", lastError(c.name()));
            out.add(m);
        }
        json(ctx, 200, Map.of("channels", out));
    }

    /** The last error of this node's poller of a channel instance, if it has one. */
    String lastError(String instance) {
        return node == null ? null : node.pollers().stream().filter(p -> p.leaseName().equals("poll:" + instance))
                .map(p -> p.lastError()).filter(e -> e != null).findFirst().orElse(null);
    }

    private void quarantine(Context ctx) {
        List<Map<String, Object>> out = quarantine().open().stream().map(r -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", r.id());
            m.put("channel", r.channel());
            m.put("externalId", r.externalId());
            m.put("reason", r.reason());
            m.put("location", r.location());
            m.put("mediaType", r.mediaType());
            m.put("receivedAt", r.receivedAt().toInstant().toString());
            return m;
        }).toList();
        json(ctx, 200, Map.of("quarantine", out));
    }

    private void discard(Context ctx) {
        long id = longParam(ctx.pathParam("id"), "id");
        Users.User by = user(ctx);
        quarantine().discard(id);
        audit.record(by.actor(), "quarantine-discard", "quarantine " + id, "");
        json(ctx, 200, Map.of("id", id, "status", "discarded", "by", by.username()));
    }

    private void retry(Context ctx) {
        Quarantine.Retried r = quarantine().retry(longParam(ctx.pathParam("id"), "id"));
        audit.record(user(ctx).actor(), "quarantine-retry", "quarantine " + r.id(), r.outcome());
        json(ctx, 200, Map.of("id", r.id(), "stored", r.stored(), "outcome", r.outcome()));
    }

    Quarantine quarantine() {
        return new Quarantine(database, org.redress.app.channels.ChannelRegistry.discover(), detection, complaints.policy(),
                node == null ? new RoutingTable(Map.of(), "front-desk") : node.config().policies().routing(), clock);
    }

    private void deskAudit(Context ctx) {
        json(ctx, 200, Map.of("audit", audit.newest(intParam(ctx.queryParam("limit"), 100, 1, 1000, "limit"))));
    }

    private void listUsers(Context ctx) {
        json(ctx, 200, Map.of("users", users.list().stream().map(DeskServer::userJson).toList()));
    }

    private void addUser(Context ctx) {
        JsonNode body = body(ctx);
        Role role = role(text(body, "role"));
        Users.User u = users.add(text(body, "username"), optionalText(body, "displayName").orElse(""), role,
                optionalText(body, "team").orElse(null), text(body, "password"));
        audit.record(user(ctx).actor(), "user-add", u.username(), u.role().name().toLowerCase());
        json(ctx, 201, userJson(u));
    }

    // ---- JSON -------------------------------------------------------------------------------------------

    private Map<String, Object> complaintJson(Complaints.Loaded loaded) {
        Complaint c = loaded.complaint();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("number", c.number().value());
        m.put("version", c.version());
        m.put("subject", c.subject());
        m.put("customer", c.customer().value());
        m.put("channel", c.channel());
        m.put("category", c.category().code());
        m.put("priority", c.priority().name());
        m.put("language", c.language().orElse(null));
        m.put("status", c.status().name());
        m.put("allowedNext", c.allowedNext().stream().map(Enum::name).sorted().toList());
        m.put("owner", c.owner().orElse(null));
        m.put("team", c.team().orElse(null));
        m.put("escalation", c.escalation().name());
        m.put("receivedAt", c.receivedAt().toString());
        m.put("playbookStep", c.playbook().step().name());
        m.put("signals", c.signals().stream().map(s -> Map.of("code", s.code().name(), "evidence", s.evidence())).toList());
        List<Map<String, Object>> timeline = new ArrayList<>();
        for (Entry e : c.timeline()) {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("at", e.at().toString());
            if (e instanceof Entry.Inbound in) {
                t.put("kind", "inbound");
                t.put("from", in.from());
                t.put("text", in.text());
            } else if (e instanceof Entry.Reply r) {
                t.put("kind", "reply");
                t.put("author", r.author().id());
                t.put("text", r.text());
                t.put("eta", r.eta().map(Instant::toString).orElse(null));
            } else if (e instanceof Entry.InternalNote n) {
                t.put("kind", "note");
                t.put("author", n.author().id());
                t.put("text", n.text());
            } else if (e instanceof Entry.Call call) {
                t.put("kind", "call");
                t.put("from", call.caller());
                t.put("text", call.notes());
                t.put("outcome", call.outcome());
            } else if (e instanceof Entry.SystemEvent s) {
                t.put("kind", "system");
                t.put("event", s.kind());
                t.put("text", s.text());
            }
            timeline.add(t);
        }
        m.put("timeline", timeline);
        List<Map<String, Object>> clocks = new ArrayList<>();
        for (SlaMetric metric : SlaMetric.values()) {
            loaded.clocks().clock(metric).ifPresent(k -> {
                Map<String, Object> k2 = new LinkedHashMap<>();
                k2.put("metric", metric.name());
                k2.put("state", loaded.clocks().state(metric, clock.instant()).map(Enum::name).orElse(null));
                k2.put("deadline", k.deadline(loaded.clocks().policy().calendar()).toString());
                clocks.add(k2);
            });
        }
        m.put("slaClocks", clocks);
        m.put("promises", promises.of(c.number().value()).stream().map(s -> Map.of("id", s.promise().id().value(),
                "text", s.promise().text(), "owner", s.promise().owner(), "due", s.promise().due().toString(),
                "state", s.promise().state().name())).toList());
        m.put("audit", c.audit().stream().map(DeskServer::auditJson).toList());
        return m;
    }

    private static Map<String, Object> auditJson(AuditRecord a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("at", a.at().toString());
        m.put("actor", a.actor().id());
        m.put("role", a.actor().role().name().toLowerCase());
        m.put("action", a.action());
        m.put("before", a.before());
        m.put("after", a.after());
        m.put("reason", a.reason());
        return m;
    }

    static Map<String, Object> checkJson(ReplyGuard.Result r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("language", r.language());
        m.put("blocked", r.blocked());
        m.put("findings", r.findings().stream().map(f -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("code", f.code().name());
            x.put("severity", f.severity().name());
            x.put("evidence", f.evidence());
            x.put("start", f.start());
            x.put("end", f.end());
            x.put("suggestion", f.suggestion());
            return x;
        }).toList());
        return m;
    }

    private static Map<String, Object> remedyJson(Remedy r, long version) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id().value());
        m.put("complaint", r.complaint().value());
        m.put("kind", r.kind().name());
        m.put("claimed", r.claimedLoss().amount().stripTrailingZeros().toPlainString());
        m.put("offered", r.offered().amount().stripTrailingZeros().toPlainString());
        m.put("currency", r.offered().currency());
        m.put("proposedBy", r.proposedBy().id());
        m.put("state", r.state().name());
        m.put("version", version);
        return m;
    }

    private static Map<String, Object> userJson(Users.User u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("username", u.username());
        m.put("displayName", u.displayName());
        m.put("role", u.role().name().toLowerCase());
        m.put("team", u.team());
        m.put("active", u.active());
        return m;
    }

    private static void json(Context ctx, int status, Object body) {
        try {
            ctx.status(status).contentType("application/json").result(JSON.writeValueAsString(body));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void error(Context ctx, int status, String message) {
        json(ctx, status, Map.of("error", message == null ? "error" : message));
    }

    // ---- request parsing --------------------------------------------------------------------------------

    private static JsonNode body(Context ctx) {
        String body = ctx.body();
        if (body == null || body.isBlank()) {
            throw new ApiError(400, "a JSON body is required");
        }
        try {
            JsonNode n = JSON.readTree(body);
            if (n == null || !n.isObject()) {
                throw new ApiError(400, "the body must be a JSON object");
            }
            return n;
        } catch (IOException e) {
            throw new ApiError(400, "the body is not valid JSON: " + (e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()));
        }
    }

    private static String text(JsonNode body, String field) {
        return optionalText(body, field).orElseThrow(() -> new ApiError(400, field + ": required"));
    }

    private static Optional<String> optionalText(JsonNode body, String field) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) {
            return Optional.empty();
        }
        if (!n.isValueNode()) {
            throw new ApiError(400, field + ": must be a single value");
        }
        return Optional.of(n.asText()).filter(s -> !s.isBlank());
    }

    private static long version(JsonNode body) {
        JsonNode v = body.get("version");
        if (v == null || !v.canConvertToLong()) {
            throw new ApiError(400, "version: required, the version of the complaint you are changing (from GET)");
        }
        return v.asLong();
    }

    private static long number(Context ctx) {
        return longParam(ctx.pathParam("number"), "number");
    }

    static RemedyKind remedyKind(String s) {
        try {
            return RemedyKind.valueOf(s.strip().toUpperCase().replace('-', '_').replace(' ', '_'));
        } catch (IllegalArgumentException e) {
            throw new ApiError(400, "kind: one of " + List.of(RemedyKind.values()).toString().toLowerCase());
        }
    }

    static long longParam(String s, String name) {
        try {
            return Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            throw new ApiError(400, name + ": not a number: '" + s + "'");
        }
    }

    private static int intParam(String s, int fallback, int min, int max, String name) {
        if (s == null || s.isBlank()) {
            return fallback;
        }
        try {
            int v = Integer.parseInt(s);
            if (v < min || v > max) {
                throw new ApiError(400, name + ": between " + min + " and " + max + ", got " + v);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new ApiError(400, name + ": not a number: '" + s + "'");
        }
    }

    static Status status(String s) {
        try {
            return Status.valueOf(s.toUpperCase().replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new ApiError(400, "status: one of " + List.of(Status.values()).toString().toLowerCase() + ", got '" + s + "'");
        }
    }

    static Role role(String s) {
        try {
            Role r = Role.valueOf(s.toUpperCase());
            if (r == Role.SYSTEM) {
                throw new IllegalArgumentException();
            }
            return r;
        } catch (IllegalArgumentException e) {
            throw new ApiError(400, "role: one of agent, senior, supervisor, executive, admin; got '" + s + "'");
        }
    }

    private static Instant instant(String s) {
        try {
            return Instant.parse(s);
        } catch (java.time.format.DateTimeParseException e) {
            throw new ApiError(400, "eta: an ISO-8601 instant such as 2026-11-25T12:00:00Z, got '" + s + "'");
        }
    }
}
