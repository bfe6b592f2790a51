package org.redress.app.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.redress.app.desk.Quarantine;
import org.redress.app.store.ConcurrentChangeException;
import org.redress.app.store.NotFoundException;
import org.redress.app.store.Queue;
import org.redress.app.store.Users;
import org.redress.app.web.console.Page;
import org.redress.app.web.console.Texts;
import org.redress.app.web.console.Views;
import org.redress.core.complaint.IllegalTransitionException;
import org.redress.core.complaint.Status;
import org.redress.core.staff.Role;

/**
 * The web console: server-rendered pages (jte templates, precompiled, escaped by their HTML context) for agents,
 * supervisors and admins, over the same stores and flows as the REST API. Its forms post back here with the
 * session's CSRF token; the composer's live check calls the API's check-reply with the same session.
 *
 * <p>Every page is sent with a Content-Security-Policy that allows scripts and styles from the desk alone, so
 * even text that slipped through escaping could not run.
 */
final class Console {

    static final String LANG_COOKIE = "redress_lang";
    static final String LOGIN_COOKIE = "redress_login";
    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
    private static final String RENDERED = "redress.console.rendered";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration BREACHING_SOON = Duration.ofHours(4);

    private final DeskServer desk;
    private final Users users;
    private final ConsolePages pages;
    private final Clock clock;
    private final Supplier<Quarantine> quarantine;
    private final TemplateEngine templates = TemplateEngine.createPrecompiled(ContentType.Html);

    Console(DeskServer desk, ConsolePages pages, Supplier<Quarantine> quarantine, Clock clock) {
        this.desk = desk;
        this.users = desk.users();
        this.pages = pages;
        this.quarantine = quarantine;
        this.clock = clock;
    }

    /** Who may open a console page. */
    private enum Need { AGENT, SUPERVISOR, ADMIN }

    /** A signed-in visitor of the console. */
    private record Visitor(Users.Session session, Texts t) {
        Users.User user() {
            return session.user();
        }
    }

    /** A console page or form handler, given who is asking. */
    @FunctionalInterface
    private interface Action {
        void handle(Context ctx, Visitor v) throws Exception;
    }

    void register(RoutesConfig routes) {
        routes.get("/", ctx -> ctx.redirect("/console"));
        routes.get("/login", this::loginPage);
        routes.post("/login", this::login);
        routes.post("/logout", this::logout);
        routes.get("/console/lang/{lang}", this::language);
        routes.get("/console/assets/{file}", this::asset);
        page(routes, "/console", Need.AGENT, this::queue);
        page(routes, "/console/complaints/{number}", Need.AGENT, this::complaint);
        form(routes, "/console/complaints/{number}/reply", Need.AGENT, this::reply);
        form(routes, "/console/complaints/{number}/note", Need.AGENT, this::note);
        form(routes, "/console/complaints/{number}/transition", Need.AGENT, this::transition);
        form(routes, "/console/complaints/{number}/take", Need.AGENT, this::take);
        form(routes, "/console/complaints/{number}/remedy", Need.AGENT, this::proposeRemedy);
        form(routes, "/console/complaints/{number}/transfer", Need.AGENT, this::requestTransfer);
        form(routes, "/console/complaints/{number}/transfer/accept", Need.AGENT, this::acceptTransfer);
        form(routes, "/console/complaints/{number}/transfer/decline", Need.AGENT, this::declineTransfer);
        form(routes, "/console/promises/{id}/kept", Need.AGENT, this::kept);
        page(routes, "/console/supervisor", Need.SUPERVISOR, this::supervisor);
        form(routes, "/console/remedies/{id}/decision", Need.SUPERVISOR, this::decide);
        form(routes, "/console/incidents", Need.SUPERVISOR, this::declare);
        form(routes, "/console/incidents/{id}/links", Need.SUPERVISOR, this::link);
        form(routes, "/console/incidents/{id}/resolution", Need.SUPERVISOR, this::resolve);
        page(routes, "/console/admin", Need.ADMIN, this::admin);
        form(routes, "/console/quarantine/{id}/retry", Need.ADMIN, this::retry);
        form(routes, "/console/quarantine/{id}/discard", Need.ADMIN, this::discard);
        form(routes, "/console/users", Need.ADMIN, this::addUser);
    }

    /** Whether a path is the console's, so that errors there answer as a page instead of JSON. */
    static boolean isConsolePath(String path) {
        return path.equals("/") || path.equals("/login") || path.equals("/logout") || path.startsWith("/console");
    }

    // ---- access ---------------------------------------------------------------------------------------

    private void page(RoutesConfig routes, String path, Need need, Action action) {
        routes.get(path, guarded(need, action, false));
    }

    private void form(RoutesConfig routes, String path, Need need, Action action) {
        routes.post(path, guarded(need, action, true));
    }

    private Handler guarded(Need need, Action action, boolean changes) {
        return ctx -> {
            secure(ctx);
            Texts t = texts(ctx);
            Optional<Users.Session> session = users.session(ctx.cookie(DeskServer.SESSION_COOKIE));
            if (session.isEmpty()) {
                if (changes) {
                    problem(ctx, t, null, 401, t.get("login.title"), "/login");
                } else {
                    ctx.redirect("/login?next=" + URLEncoder.encode(ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString()),
                            StandardCharsets.UTF_8));
                }
                return;
            }
            Visitor v = new Visitor(session.get(), t);
            Role role = v.user().role();
            boolean allowed = switch (need) {
                case AGENT -> role.atLeast(Role.AGENT);
                case SUPERVISOR -> role.atLeast(Role.SUPERVISOR);
                case ADMIN -> role == Role.ADMIN;
            };
            if (!allowed) {
                problem(ctx, t, v, 403, t.get("error.forbidden"), home(role));
                return;
            }
            if (changes && !session.get().csrf().equals(ctx.formParam("csrf"))) {
                problem(ctx, t, v, 403, t.get("error.csrf"), "/console");
                return;
            }
            try {
                action.handle(ctx, v);
            } catch (NotFoundException e) {
                problem(ctx, t, v, 404, e.getMessage(), "/console");
            } catch (ConcurrentChangeException e) {
                problem(ctx, t, v, 409, t.get("error.conflict") + " (" + e.getMessage() + ")", back(ctx));
            } catch (DeskServer.ApiError e) {
                problem(ctx, t, v, e.status, e.getMessage(), back(ctx));
            } catch (IllegalTransitionException | IllegalStateException e) {
                problem(ctx, t, v, 422, e.getMessage(), back(ctx));
            } catch (IllegalArgumentException e) {
                problem(ctx, t, v, 400, e.getMessage(), back(ctx));
            }
        };
    }

    private static String home(Role role) {
        return role == Role.ADMIN ? "/console/admin" : "/console";
    }

    /** The page to go back to after a form: the complaint's, when the form was about one, else the form's own page. */
    private static String back(Context ctx) {
        String number = ctx.pathParamMap().get("number");
        String path = ctx.path();
        if (number != null) {
            return "/console/complaints/" + number;
        }
        if (path.startsWith("/console/quarantine") || path.startsWith("/console/users")) {
            return "/console/admin";
        }
        if (path.startsWith("/console/remedies") || path.startsWith("/console/incidents")) {
            return "/console/supervisor";
        }
        return "/console";
    }

    private static void secure(Context ctx) {
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "same-origin");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Cache-Control", "no-store");
    }

    private static Texts texts(Context ctx) {
        return Texts.choose(ctx.cookie(LANG_COOKIE), ctx.header("Accept-Language"));
    }

    private Page pageOf(Context ctx, Texts t, Visitor v, String active) {
        String flash = ctx.queryParam("done");
        String path = ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString());
        if (v == null) {
            return new Page(t, null, null, null, false, false, "", active, flash, path);
        }
        Role role = v.user().role();
        return new Page(t, v.user().username(), v.user().displayName(), role.name().toLowerCase(Locale.ROOT), role.atLeast(Role.SUPERVISOR),
                role == Role.ADMIN, v.session().csrf(), active, flash, path);
    }

    private void render(Context ctx, int status, String template, Map<String, Object> params) {
        StringOutput out = new StringOutput();
        templates.render(template, params, out);
        ctx.attribute(RENDERED, Boolean.TRUE);
        ctx.status(status).contentType("text/html; charset=utf-8").result(out.toString());
    }

    /** Whether the console answered this request with a page of its own (else a 404 there gets the console's). */
    static boolean rendered(Context ctx) {
        return Boolean.TRUE.equals(ctx.attribute(RENDERED));
    }

    private void problem(Context ctx, Texts t, Visitor v, int status, String message, String back) {
        render(ctx, status, "problem.jte", Map.of("page", pageOf(ctx, t, v, ""), "problem", new Views.Problem(status, message, back)));
    }

    /** Renders an error page for a console path that matched no route (the API's 404 stays JSON). */
    void notFound(Context ctx) {
        secure(ctx);
        Texts t = texts(ctx);
        Visitor v = users.session(ctx.cookie(DeskServer.SESSION_COOKIE)).map(s -> new Visitor(s, t)).orElse(null);
        problem(ctx, t, v, 404, t.get("error.notfound") + " " + ctx.path(), "/console");
    }

    // ---- sign-in ----------------------------------------------------------------------------------------

    private void loginPage(Context ctx) {
        secure(ctx);
        Texts t = texts(ctx);
        if (users.session(ctx.cookie(DeskServer.SESSION_COOKIE)).isPresent()) {
            ctx.redirect(safeNext(ctx.queryParam("next")));
            return;
        }
        showLogin(ctx, t, 200, null, "", safeNext(ctx.queryParam("next")));
    }

    private void showLogin(Context ctx, Texts t, int status, String error, String username, String next) {
        // the sign-in form has no session yet: its CSRF token is a random value in a cookie and in the form
        // (double submit), which another site can neither read nor set
        byte[] b = new byte[18];
        RANDOM.nextBytes(b);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
        ctx.header("Set-Cookie", LOGIN_COOKIE + "=" + token + "; Path=/login; HttpOnly; SameSite=Strict; Max-Age=3600");
        render(ctx, status, "login.jte", Map.of("page", pageOf(ctx, t, null, "login"), "login", new Views.Login(error, username, next, token)));
    }

    private void login(Context ctx) {
        secure(ctx);
        Texts t = texts(ctx);
        String username = Optional.ofNullable(ctx.formParam("username")).orElse("").strip();
        String password = Optional.ofNullable(ctx.formParam("password")).orElse("");
        String next = safeNext(ctx.formParam("next"));
        String token = ctx.formParam("token");
        if (token == null || !token.equals(ctx.cookie(LOGIN_COOKIE))) {
            showLogin(ctx, t, 403, t.get("error.csrf"), username, next);
            return;
        }
        Optional<DeskServer.SignIn> signIn = desk.signIn(username, password, ctx.ip());
        if (signIn.isEmpty()) {
            showLogin(ctx, t, 401, t.get("login.failed"), username, next);
            return;
        }
        if (signIn.get().waitFor().isPresent()) {
            ctx.header("Retry-After", String.valueOf(signIn.get().waitFor().get().toSeconds()));
            showLogin(ctx, t, 429, t.get("login.limited"), username, next);
            return;
        }
        Users.Session session = signIn.get().session();
        ctx.header("Set-Cookie", DeskServer.sessionCookie(session.id()));
        ctx.redirect(session.user().role() == Role.ADMIN && next.equals("/console") ? "/console/admin" : next);
    }

    /** Only a path of this desk, so a link cannot send a signed-in agent to another site. */
    private static String safeNext(String next) {
        return next != null && next.startsWith("/console") && !next.startsWith("//") && !next.contains("\\") ? next : "/console";
    }

    private void logout(Context ctx) {
        secure(ctx);
        Optional<Users.Session> session = users.session(ctx.cookie(DeskServer.SESSION_COOKIE));
        if (session.isPresent()) {
            if (!session.get().csrf().equals(ctx.formParam("csrf"))) {
                problem(ctx, texts(ctx), new Visitor(session.get(), texts(ctx)), 403, texts(ctx).get("error.csrf"), "/console");
                return;
            }
            users.closeSession(session.get().id());
        }
        ctx.header("Set-Cookie", DeskServer.SESSION_COOKIE + "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0");
        ctx.redirect("/login");
    }

    private void language(Context ctx) {
        String lang = ctx.pathParam("lang");
        if (Texts.LANGUAGES.contains(lang)) {
            ctx.header("Set-Cookie", LANG_COOKIE + "=" + lang + "; Path=/; SameSite=Strict; Max-Age=31536000");
        }
        String back = ctx.queryParam("back");
        ctx.redirect(back != null && (back.startsWith("/console") || back.startsWith("/login")) && !back.startsWith("//") ? back : "/console");
    }

    private void asset(Context ctx) throws IOException {
        String file = ctx.pathParam("file");
        String type = file.endsWith(".css") ? "text/css; charset=utf-8" : file.endsWith(".js") ? "text/javascript; charset=utf-8" : null;
        InputStream in = type == null || !file.matches("[a-z-]+\\.(css|js)") ? null : Console.class.getResourceAsStream("/console/" + file);
        if (in == null) {
            ctx.status(404).contentType("text/plain").result("no such asset: " + file);
            return;
        }
        try (in) {
            ctx.header("X-Content-Type-Options", "nosniff");
            ctx.header("Cache-Control", "max-age=300");
            ctx.contentType(type).result(in.readAllBytes());
        }
    }

    // ---- agents -----------------------------------------------------------------------------------------

    private void queue(Context ctx, Visitor v) {
        Users.User u = v.user();
        String view = Optional.ofNullable(ctx.queryParam("view")).orElse(u.team() == null ? "all" : "mine");
        Optional<String> search = Optional.ofNullable(ctx.queryParam("q")).map(String::strip).filter(s -> !s.isBlank());
        Optional<Long> incident = Optional.ofNullable(ctx.queryParam("incident")).filter(s -> s.matches("\\d{1,18}")).map(Long::parseLong);
        if (incident.isPresent()) {
            view = "incident";
        }
        Optional<String> team = view.equals("team") ? Optional.ofNullable(u.team()) : Optional.empty();
        Optional<String> owner = view.equals("mine") ? Optional.of(u.username()) : Optional.empty();
        Optional<Instant> dueBefore = view.equals("breaching") ? Optional.of(clock.instant().plus(BREACHING_SOON)) : Optional.empty();
        Optional<String> offeredTo = view.equals("offered") ? Optional.ofNullable(u.team()).or(() -> Optional.of("")) : Optional.empty();
        Queue.Filter filter = new Queue.Filter(team, Optional.empty(), view.equals("unassigned"), owner, search, dueBefore, incident, offeredTo);
        Texts t = v.t();
        render(ctx, 200, "queue.jte", Map.of("page", pageOf(ctx, t, v, "queue"), "queue", pages.queue(t, filter, view, search.orElse(""),
                incident.orElse(null))));
    }

    private void complaint(Context ctx, Visitor v) {
        long number = number(ctx);
        render(ctx, 200, "complaint.jte", Map.of("page", pageOf(ctx, v.t(), v, "queue"),
                "complaint", pages.complaint(v.t(), number, v.user(), Views.Composer.empty())));
    }

    private void reply(Context ctx, Visitor v) {
        long number = number(ctx);
        String text = required(ctx, "text");
        Optional<Instant> eta = eta(ctx);
        Optional<String> override = Optional.ofNullable(ctx.formParam("override")).map(String::strip).filter(s -> !s.isBlank());
        org.redress.app.desk.Replies.Outcome outcome;
        try {
            outcome = desk.replies().reply(number, version(ctx), v.user().actor(), text, eta, override);
        } catch (ConcurrentChangeException e) {
            // the draft comes back on the fresh page, so nothing the agent wrote is lost
            again(ctx, v, number, 409, draft(ctx, text, List.of(), false, v.t().get("error.conflict") + " (" + e.getMessage() + ")"));
            return;
        }
        if (outcome instanceof org.redress.app.desk.Replies.Refused refused) {
            List<Views.FindingLine> findings = refused.check().findings().stream().map(f -> new Views.FindingLine(f.code().name(),
                    f.severity().name(), f.evidence(), f.suggestion())).toList();
            again(ctx, v, number, 422, draft(ctx, text, findings, true, v.t().get("composer.blocked")));
            return;
        }
        done(ctx, "/console/complaints/" + number, "sent");
    }

    private static Views.Composer draft(Context ctx, String text, List<Views.FindingLine> findings, boolean blocked, String error) {
        return new Views.Composer(text, Optional.ofNullable(ctx.formParam("eta")).orElse(""),
                Optional.ofNullable(ctx.formParam("etaInstant")).orElse(""), findings, blocked, error, "");
    }

    /** The complaint page again, as it is now, with what the agent wrote still in the composer. */
    private void again(Context ctx, Visitor v, long number, int status, Views.Composer composer) {
        render(ctx, status, "complaint.jte", Map.of("page", pageOf(ctx, v.t(), v, "queue"),
                "complaint", pages.complaint(v.t(), number, v.user(), composer)));
    }

    private void note(Context ctx, Visitor v) {
        long number = number(ctx);
        String text = required(ctx, "text");
        try {
            desk.complaints().change(number, version(ctx), c -> c.append(new org.redress.core.complaint.Entry.InternalNote(clock.instant(),
                    v.user().actor(), text)));
        } catch (ConcurrentChangeException e) {
            again(ctx, v, number, 409, new Views.Composer("", "", "", List.of(), false,
                    v.t().get("error.conflict") + " (" + e.getMessage() + ")", text));
            return;
        }
        done(ctx, "/console/complaints/" + number, "note");
    }

    private void transition(Context ctx, Visitor v) {
        long number = number(ctx);
        Status to = DeskServer.status(required(ctx, "to"));
        desk.transition(number, version(ctx), to, Optional.ofNullable(ctx.formParam("reason")).orElse(""), v.user().actor(),
                ctx.scheme() + "://" + ctx.host());
        done(ctx, "/console/complaints/" + number, "moved");
    }

    private void take(Context ctx, Visitor v) {
        long number = number(ctx);
        Users.User u = v.user();
        String team = Optional.ofNullable(u.team()).orElseGet(() -> desk.complaints().require(number).complaint().team().orElse("front-desk"));
        desk.complaints().change(number, version(ctx), c -> c.assign(u.username(), team, u.actor(), "taken in the console", clock.instant()));
        done(ctx, "/console/complaints/" + number, "taken");
    }

    private void requestTransfer(Context ctx, Visitor v) {
        long number = number(ctx);
        String team = required(ctx, "toTeam").strip();
        Optional<String> owner = Optional.ofNullable(ctx.formParam("toOwner")).map(String::strip).filter(s -> !s.isBlank());
        String reason = required(ctx, "reason");
        desk.complaints().change(number, version(ctx), c -> c.requestTransfer(team, owner, v.user().actor(), reason, clock.instant()));
        done(ctx, "/console/complaints/" + number, "transfer-requested");
    }

    private void acceptTransfer(Context ctx, Visitor v) {
        long number = number(ctx);
        desk.complaints().change(number, version(ctx), c -> c.acceptTransfer(v.user().actor(), clock.instant()));
        done(ctx, "/console/complaints/" + number, "transfer-accepted");
    }

    private void declineTransfer(Context ctx, Visitor v) {
        long number = number(ctx);
        String reason = required(ctx, "reason");
        desk.complaints().change(number, version(ctx), c -> c.declineTransfer(v.user().actor(), reason, clock.instant()));
        done(ctx, "/console/complaints/" + number, "transfer-declined");
    }

    private void proposeRemedy(Context ctx, Visitor v) {
        long number = number(ctx);
        org.redress.core.remedy.RemedyKind kind = DeskServer.remedyKind(required(ctx, "kind"));
        String currency = desk.remedies().catalogue().currency();
        org.redress.core.remedy.Remedy r = desk.remedies().propose(number, kind, money(ctx, "claimed", currency), money(ctx, "offered", currency),
                v.user().actor(), required(ctx, "reason"));
        done(ctx, "/console/complaints/" + number, r.state() == org.redress.core.remedy.Remedy.State.GRANTED ? "granted" : "proposed");
    }

    private static org.redress.core.remedy.Money money(Context ctx, String field, String currency) {
        String amount = required(ctx, field).strip().replace(',', '.');
        try {
            return org.redress.core.remedy.Money.of(amount, currency);
        } catch (IllegalArgumentException e) {
            throw new DeskServer.ApiError(400, field + ": an amount such as 25 or 19.90, got '" + amount + "'");
        }
    }

    private void kept(Context ctx, Visitor v) {
        long id = DeskServer.longParam(ctx.pathParam("id"), "id");
        desk.promises().keep(id, clock.instant());
        String back = Optional.ofNullable(ctx.formParam("complaint")).filter(s -> s.matches("\\d{1,18}")).map(n -> "/console/complaints/" + n)
                .orElse("/console");
        done(ctx, back, "kept");
    }

    // ---- supervisors ------------------------------------------------------------------------------------

    private void supervisor(Context ctx, Visitor v) {
        render(ctx, 200, "supervisor.jte", Map.of("page", pageOf(ctx, v.t(), v, "supervisor"), "sup", pages.supervisor(v.t())));
    }

    private void decide(Context ctx, Visitor v) {
        long id = DeskServer.longParam(ctx.pathParam("id"), "id");
        boolean approve = "approve".equals(ctx.formParam("decision"));
        desk.remedies().decide(id, version(ctx), approve, v.user().actor(), required(ctx, "reason"));
        done(ctx, "/console/supervisor", "decided");
    }

    private void declare(Context ctx, Visitor v) {
        Long proposal = Optional.ofNullable(ctx.formParam("proposal")).filter(s -> s.matches("\\d{1,18}")).map(Long::parseLong).orElse(null);
        List<Long> more = new ArrayList<>();
        for (String n : Optional.ofNullable(ctx.formParam("complaints")).orElse("").split("[,;\\s]+")) {
            if (!n.isBlank()) {
                more.add(DeskServer.longParam(n.replace("#", ""), "complaints"));
            }
        }
        Instant eta = eta(ctx).orElseThrow(() -> new DeskServer.ApiError(400, "eta: when the fix is expected is required"));
        String category = Optional.ofNullable(ctx.formParam("category")).map(String::strip).filter(s -> !s.isBlank())
                .orElse(proposal == null ? "other" : desk.incidents().require(proposal).incident().category().code());
        desk.incidents().declare(proposal, required(ctx, "title"), new org.redress.core.complaint.Category(category),
                Optional.ofNullable(ctx.formParam("area")).filter(s -> !s.isBlank()).orElse(null), eta, v.user().actor(), more);
        done(ctx, "/console/supervisor", "declared");
    }

    private void link(Context ctx, Visitor v) {
        desk.incidents().link(DeskServer.longParam(ctx.pathParam("id"), "id"), DeskServer.longParam(required(ctx, "complaint").replace("#", ""), "complaint"));
        done(ctx, "/console/supervisor", "linked");
    }

    private void resolve(Context ctx, Visitor v) {
        desk.incidents().resolve(DeskServer.longParam(ctx.pathParam("id"), "id"), version(ctx), required(ctx, "message"), v.user().actor());
        done(ctx, "/console/supervisor", "resolved");
    }

    // ---- admins -----------------------------------------------------------------------------------------

    private void admin(Context ctx, Visitor v) {
        render(ctx, 200, "admin.jte", Map.of("page", pageOf(ctx, v.t(), v, "admin"), "admin", pages.admin(v.t(), quarantine.get())));
    }

    private void retry(Context ctx, Visitor v) {
        Quarantine.Retried r = quarantine.get().retry(DeskServer.longParam(ctx.pathParam("id"), "id"));
        desk.audit().record(v.user().actor(), "quarantine-retry", "quarantine " + r.id(), r.outcome());
        if (!r.stored()) {
            throw new DeskServer.ApiError(422, "quarantine " + r.id() + ": " + r.outcome());
        }
        done(ctx, "/console/admin", "retried");
    }

    private void discard(Context ctx, Visitor v) {
        long id = DeskServer.longParam(ctx.pathParam("id"), "id");
        quarantine.get().discard(id);
        desk.audit().record(v.user().actor(), "quarantine-discard", "quarantine " + id, Optional.ofNullable(ctx.formParam("reason")).orElse(""));
        done(ctx, "/console/admin", "discarded");
    }

    private void addUser(Context ctx, Visitor v) {
        Role role = DeskServer.role(required(ctx, "role"));
        Users.User u = users.add(required(ctx, "username"), Optional.ofNullable(ctx.formParam("displayName")).orElse(""), role,
                Optional.ofNullable(ctx.formParam("team")).filter(s -> !s.isBlank()).orElse(null), required(ctx, "password"));
        desk.audit().record(v.user().actor(), "user-add", u.username(), u.role().name().toLowerCase(Locale.ROOT));
        done(ctx, "/console/admin", "user");
    }

    // ---- forms ------------------------------------------------------------------------------------------

    /** After a change, the browser goes to a page (so a reload does not post twice) that says what was done. */
    private static void done(Context ctx, String path, String what) {
        ctx.redirect(path + "?done=" + what, io.javalin.http.HttpStatus.SEE_OTHER);
    }

    private static String required(Context ctx, String field) {
        String s = ctx.formParam(field);
        if (s == null || s.isBlank()) {
            throw new DeskServer.ApiError(400, field + ": required");
        }
        return s;
    }

    private static long number(Context ctx) {
        return DeskServer.longParam(ctx.pathParam("number"), "number");
    }

    private static long version(Context ctx) {
        return DeskServer.longParam(required(ctx, "version"), "version");
    }

    /**
     * The ETA of a form: the exact instant the page's script computed from the picker in the agent's own time zone,
     * or, without script, the picker's local time read in the desk's time zone.
     */
    private Optional<Instant> eta(Context ctx) {
        String exact = ctx.formParam("etaInstant");
        if (exact != null && !exact.isBlank()) {
            try {
                return Optional.of(Instant.parse(exact.strip()));
            } catch (DateTimeParseException e) {
                throw new DeskServer.ApiError(400, "eta: not a time: '" + exact + "'");
            }
        }
        String local = ctx.formParam("eta");
        if (local == null || local.isBlank()) {
            return Optional.empty();
        }
        try {
            ZoneId zone = desk.complaints().policy().calendar().zone();
            return Optional.of(LocalDateTime.parse(local.strip()).atZone(zone).toInstant());
        } catch (DateTimeParseException e) {
            throw new DeskServer.ApiError(400, "eta: a date and time such as 2026-12-02T10:00, got '" + local + "'");
        }
    }
}
