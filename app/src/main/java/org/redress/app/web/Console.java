package org.redress.app.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.redress.app.desk.Desk;
import org.redress.app.store.ConcurrentChangeException;
import org.redress.app.store.NotFoundException;
import org.redress.app.store.Users;
import org.redress.app.web.console.Page;
import org.redress.app.web.console.SystemLines;
import org.redress.app.web.console.Texts;
import org.redress.app.web.console.Views;
import org.redress.core.complaint.IllegalTransitionException;
import org.redress.core.staff.Role;

/**
 * The web console: server-rendered pages (jte templates, precompiled, escaped by their HTML context) for agents,
 * supervisors and admins, calling the same use cases as the REST API. This class holds what every page shares (the
 * access check, rendering, errors as pages, reading forms); the pages themselves are {@link SignInPages},
 * {@link CasePages}, {@link SupervisorPages} and {@link AdminPages}. Forms post back with the session's CSRF token;
 * the composer's live check calls the API's check-reply with the same session.
 *
 * <p>Every page is sent with a Content-Security-Policy that allows scripts and styles from the desk alone, so
 * even text that slipped through escaping could not run.
 */
final class Console {

    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
    static final String LANG_COOKIE = "redress_lang";
    private static final String RENDERED = "redress.console.rendered";

    private final Desk desk;
    private final Gate gate;
    private final ConsolePages pages;
    private final TemplateEngine templates = TemplateEngine.createPrecompiled(ContentType.Html);

    private final LivePages live;

    Console(Desk desk, Gate gate, Function<String, String> lastError) {
        this.live = new LivePages(this, desk);
        this.desk = desk;
        this.gate = gate;
        this.pages = new ConsolePages(desk, lastError);
    }

    /** A signed-in visitor of the console. */
    record Visitor(Users.Session session, Texts t) {
        Users.User user() {
            return session.user();
        }
    }

    /** A console page or form handler, given who is asking. */
    @FunctionalInterface
    interface Action {
        void handle(Context ctx, Visitor v) throws Exception;
    }

    void register(RoutesConfig routes) {
        new SignInPages(this, desk).register(routes);
        new CasePages(this, desk, pages).register(routes);
        new SupervisorPages(this, desk, pages).register(routes);
        new AdminPages(this, desk, pages).register(routes);
        new SavedReplyPages(this, desk).register(routes);
        live.register(routes);
    }

    /** Stops telling open pages what changes. */
    void close() {
        live.close();
    }

    /** Whether a path is the console's, so that errors there answer as a page instead of JSON. */
    static boolean isConsolePath(String path) {
        return path.equals("/") || path.equals("/login") || path.equals("/logout") || path.startsWith("/console");
    }

    /** The 403 text that says which role the page needs and which one the user has. */
    static String forbidden(Texts t, Access need, Role yours) {
        Role needed = switch (need) {
            case SUPERVISOR -> Role.SUPERVISOR;
            case ADMIN -> Role.ADMIN;
            default -> Role.AGENT;
        };
        return t.get("error.forbidden") + " " + t.get("error.forbidden.needs") + " " + t.code("role", needed)
                + (needed == Role.ADMIN ? "" : " " + t.get("error.forbidden.higher")) + ". " + t.get("error.forbidden.yours") + " "
                + t.code("role", yours) + ".";
    }

    Gate gate() {
        return gate;
    }

    // ---- access ---------------------------------------------------------------------------------------

    void page(RoutesConfig routes, String path, Access need, Action action) {
        routes.get(path, guarded(path, need, action, false));
    }

    void form(RoutesConfig routes, String path, Access need, Action action) {
        routes.post(path, guarded(path, need, action, true));
    }

    private Handler guarded(String path, Access need, Action action, boolean changes) {
        return ctx -> {
            secure(ctx);
            Texts t = texts(ctx);
            Optional<Users.Session> session = gate.session(ctx);
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
            if (!need.allows(v.user().role())) {
                problem(ctx, t, v, 403, forbidden(t, need, v.user().role()), home(v.user().role()));
                return;
            }
            if (changes && (!session.get().csrf().equals(ctx.formParam("csrf")) || SameOrigin.crossSite(ctx).isPresent())) {
                problem(ctx, t, v, 403, t.get("error.csrf"), "/console");
                return;
            }
            try {
                if (changes) {
                    // every field within its limit before anything is done with it
                    ctx.formParamMap().forEach((k, values) -> values.forEach(value -> Requests.checked(k, value)));
                }
                Optional<String> border = gate.borders(ctx, path, !changes, v.user());
                if (border.isPresent()) {
                    problem(ctx, t, v, 403, border.get(), home(v.user().role()));
                    return;
                }
                action.handle(ctx, v);
            } catch (NotFoundException e) {
                problem(ctx, t, v, 404, e.getMessage(), "/console");
            } catch (ConcurrentChangeException e) {
                String number = ctx.pathParamMap().get("number");
                if (changes && number != null && number.matches("\\d{1,18}")) {
                    stale(ctx, t, v, Long.parseLong(number), e);
                } else {
                    problem(ctx, t, v, 409, t.get("error.conflict") + " (" + e.getMessage() + ")", back(ctx));
                }
            } catch (ApiError e) {
                problem(ctx, t, v, e.status, e.getMessage(), back(ctx));
            } catch (IllegalTransitionException | IllegalStateException e) {
                problem(ctx, t, v, 422, e.getMessage(), back(ctx));
            } catch (IllegalArgumentException e) {
                problem(ctx, t, v, 400, e.getMessage(), back(ctx));
            } catch (RuntimeException e) {
                if (!org.redress.app.store.DatabaseErrors.refusedValue(e)) {
                    throw e;
                }
                problem(ctx, t, v, 400, "a value is too long or out of range for what the desk keeps", back(ctx));
            }
        };
    }

    /**
     * A form sent from a page older than the complaint (a stale "Take it"): nothing was overwritten, and instead of an
     * error page the agent gets the complaint as it is now, saying who changed it and when, to decide again.
     */
    private void stale(Context ctx, Texts t, Visitor v, long number, ConcurrentChangeException e) {
        String said = t.get("error.stale") + (e.lastChange().isBlank() ? ""
                : " " + t.get("error.stale.last") + " " + SystemLines.say(t, pages.zone(), "", e.lastChange()) + ".");
        render(ctx, 409, "complaint.jte", Map.of("page", pageOf(ctx, t, v, "queue"),
                "complaint", pages.complaint(t, number, v.user(), new Views.Composer("", "", "", java.util.List.of(), false, said, ""))));
    }

    static String home(Role role) {
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

    static void secure(Context ctx) {
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "same-origin");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Cache-Control", "no-store");
    }

    static Texts texts(Context ctx) {
        return Texts.choose(ctx.cookie(LANG_COOKIE), ctx.header("Accept-Language"));
    }

    Page pageOf(Context ctx, Texts t, Visitor v, String active) {
        String flash = ctx.queryParam("done");
        String path = ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString());
        if (v == null) {
            return new Page(t, null, null, null, false, false, "", active, flash, path);
        }
        Role role = v.user().role();
        return new Page(t, v.user().username(), v.user().displayName(), role.name().toLowerCase(Locale.ROOT), role.atLeast(Role.SUPERVISOR),
                role == Role.ADMIN, v.session().csrf(), active, flash, path);
    }

    void render(Context ctx, int status, String template, Map<String, Object> params) {
        StringOutput out = new StringOutput();
        templates.render(template, params, out);
        ctx.attribute(RENDERED, Boolean.TRUE);
        ctx.status(status).contentType("text/html; charset=utf-8").result(out.toString());
    }

    /** Whether the console answered this request with a page of its own (else a 404 there gets the console's). */
    static boolean rendered(Context ctx) {
        return Boolean.TRUE.equals(ctx.attribute(RENDERED));
    }

    void problem(Context ctx, Texts t, Visitor v, int status, String message, String back) {
        render(ctx, status, "problem.jte", Map.of("page", pageOf(ctx, t, v, ""), "problem", new Views.Problem(status, message, back)));
    }

    /** Renders an error page for a console path that matched no route (the API's 404 stays JSON). */
    void notFound(Context ctx) {
        secure(ctx);
        Texts t = texts(ctx);
        Visitor v = gate.session(ctx).map(s -> new Visitor(s, t)).orElse(null);
        problem(ctx, t, v, 404, t.get("error.notfound") + " " + ctx.path(), "/console");
    }

    // ---- forms ------------------------------------------------------------------------------------------

    /** After a change, the browser goes to a page (so a reload does not post twice) that says what was done. */
    static void done(Context ctx, String path, String what) {
        ctx.redirect(path + "?done=" + what, HttpStatus.SEE_OTHER);
    }

    static String required(Context ctx, String field) {
        String s = ctx.formParam(field);
        if (s == null || s.isBlank()) {
            throw new ApiError(400, field + ": required");
        }
        return Requests.checked(field, s);
    }

    static Optional<String> optional(Context ctx, String field) {
        return Optional.ofNullable(ctx.formParam(field)).map(v -> Requests.checked(field, v)).map(String::strip).filter(s -> !s.isBlank());
    }

    static long number(Context ctx) {
        return Requests.longParam(ctx.pathParam("number"), "number");
    }

    static long version(Context ctx) {
        return Requests.longParam(required(ctx, "version"), "version");
    }

    /**
     * The ETA of a form: the exact instant the page's script computed from the picker in the agent's own time zone,
     * or, without script, the picker's local time read in the desk's time zone.
     */
    Optional<Instant> eta(Context ctx) {
        String exact = ctx.formParam("etaInstant");
        if (exact != null && !exact.isBlank()) {
            try {
                return Optional.of(Instant.parse(exact.strip()));
            } catch (DateTimeParseException e) {
                throw new ApiError(400, "eta: not a time: '" + exact + "'");
            }
        }
        String local = ctx.formParam("eta");
        if (local == null || local.isBlank()) {
            return Optional.empty();
        }
        try {
            ZoneId zone = desk.config().policies().calendar().zone();
            return Optional.of(LocalDateTime.parse(local.strip()).atZone(zone).toInstant());
        } catch (DateTimeParseException e) {
            throw new ApiError(400, "eta: a date and time such as 2026-12-02T10:00, got '" + local + "'");
        }
    }
}
