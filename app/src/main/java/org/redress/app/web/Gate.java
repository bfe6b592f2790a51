package org.redress.app.web;

import io.javalin.http.Context;
import java.util.Optional;
import org.redress.app.desk.Staff;
import org.redress.app.store.Users;

/**
 * The one access check of the API and the console: who is asking (a session cookie, or an API token) and whether
 * their role may do what a route or page needs. Changing requests from a browser session carry its CSRF token.
 */
final class Gate {

    static final String SESSION_COOKIE = "redress_session";
    /** Set on a request when the desk's public address is https: its cookies are then always Secure. */
    static final String HTTPS = "redress.https";
    private static final String USER = "redress.user";
    private static final String SESSION = "redress.session";

    private final Staff staff;
    private final org.redress.app.desk.TeamBorders borders;
    private final org.redress.app.store.Queue queue;

    Gate(Staff staff, org.redress.app.desk.TeamBorders borders, org.redress.app.store.Queue queue) {
        this.staff = staff;
        this.borders = borders;
        this.queue = queue;
    }

    /** The browser session of a request, if its cookie names one that is open. */
    Optional<Users.Session> session(Context ctx) {
        return staff.session(ctx.cookie(SESSION_COOKIE));
    }

    /**
     * Lets an API call through or refuses it: 401 without a valid session or token, 403 for a wrong CSRF token or a
     * role below the route's. The caller is then {@link #user(Context)}.
     */
    void admit(Context ctx, Route r) {
        ctx.header("Cache-Control", "no-store");
        if (r.access() == Access.PUBLIC) {
            return;
        }
        Optional<Users.User> user = Optional.empty();
        String auth = ctx.header("Authorization");
        if (auth != null && auth.startsWith("Bearer ")) {
            user = staff.byToken(auth.substring("Bearer ".length()).strip());
            if (user.isEmpty()) {
                throw new ApiError(401, "the API token is not valid (revoked, mistyped, or its user is inactive)");
            }
        } else {
            Optional<Users.Session> session = session(ctx);
            if (session.isPresent()) {
                if (!ctx.method().name().equals("GET") && !session.get().csrf().equals(ctx.header("X-CSRF-Token"))) {
                    throw new ApiError(403, "missing or wrong CSRF token: send the session's token in the X-CSRF-Token header");
                }
                if (!ctx.method().name().equals("GET")) {
                    SameOrigin.crossSite(ctx).ifPresent(why -> {
                        throw new ApiError(403, "a change with the session's cookie must come from the desk's own pages: " + why);
                    });
                }
                ctx.attribute(SESSION, session.get());
                user = Optional.of(session.get().user());
            }
        }
        if (user.isEmpty()) {
            throw new ApiError(401, "sign in first (POST /api/login) or send an API token (Authorization: Bearer …)");
        }
        if (!r.access().allows(user.get().role())) {
            throw new ApiError(403, user.get().username() + " (" + user.get().role().name().toLowerCase() + ") may not "
                    + r.method() + " " + r.path() + ": it needs " + r.access().name().toLowerCase());
        }
        ctx.attribute(USER, user.get());
        borders(ctx, r.path(), ctx.method().name().equals("GET") || r.path().endsWith("/check-reply"), user.get())
                .ifPresent(why -> {
                    throw new ApiError(403, why);
                });
    }

    /**
     * Why the user may not reach the complaint a path is about (its {@code {number}}, or the complaint of an
     * attachment or promise), or empty; paths about no complaint pass.
     */
    Optional<String> borders(Context ctx, String path, boolean reading, Users.User user) {
        Long complaint = null;
        try {
            if (path.contains("{number}")) {
                complaint = Long.parseLong(ctx.pathParam("number"));
            } else if (path.contains("/attachments/{id}")) {
                complaint = queue.complaintOf("attachment", Long.parseLong(ctx.pathParam("id"))).orElse(null);
            } else if (path.contains("/promises/{id}")) {
                complaint = queue.complaintOf("promise", Long.parseLong(ctx.pathParam("id"))).orElse(null);
            }
        } catch (NumberFormatException e) {
            return Optional.empty(); // the handler says what is wrong with the number
        }
        if (complaint == null) {
            return Optional.empty();
        }
        if (path.endsWith("/transfer/accept") || path.endsWith("/transfer/decline")) {
            return borders.transferRefusal(user, complaint);
        }
        return borders.refusal(user, complaint, !reading);
    }

    /** Who made an admitted API call. */
    static Users.User user(Context ctx) {
        return ctx.attribute(USER);
    }

    /** The session of an admitted API call made from a browser, or null for a token. */
    static Users.Session sessionOf(Context ctx) {
        return ctx.attribute(SESSION);
    }

    static String sessionCookie(Context ctx, String id) {
        return SESSION_COOKIE + "=" + id + "; Path=/; HttpOnly; SameSite=Strict" + secure(ctx) + "; Max-Age=" + Staff.SESSION_TTL.toSeconds();
    }

    static String endedSessionCookie(Context ctx) {
        return SESSION_COOKIE + "=; Path=/; HttpOnly; SameSite=Strict" + secure(ctx) + "; Max-Age=0";
    }

    /**
     * Secure when the browser reached the desk over TLS, directly or through a proxy that says so
     * ({@code X-Forwarded-Proto: https}): the cookie then never travels in clear. A client that claims https falsely
     * only keeps its own cookie from being sent back over plain HTTP.
     */
    private static String secure(Context ctx) {
        String forwarded = ctx.header("X-Forwarded-Proto");
        boolean tls = Boolean.TRUE.equals(ctx.attribute(HTTPS)) || "https".equalsIgnoreCase(ctx.scheme()) || (forwarded != null && forwarded.strip().toLowerCase(java.util.Locale.ROOT).startsWith("https"));
        return tls ? "; Secure" : "";
    }
}
