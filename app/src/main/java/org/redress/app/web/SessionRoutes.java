package org.redress.app.web;

import static org.redress.app.web.Requests.body;
import static org.redress.app.web.Requests.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.redress.app.desk.Desk;
import org.redress.app.desk.Staff;
import org.redress.app.store.Users;

/** Health, the OpenAPI document, and signing in and out of the API. */
final class SessionRoutes {

    private final Desk desk;

    /** This node's last error for a channel instance, null while it reads well. */
    private final java.util.function.Function<String, String> lastError;

    SessionRoutes(Desk desk, java.util.function.Function<String, String> lastError) {
        this.desk = desk;
        this.lastError = lastError;
    }

    List<Route> routes() {
        return List.of(
                Route.get("/api/health", Access.PUBLIC, this::health),
                Route.get("/api/health/live", Access.PUBLIC, ctx -> ctx.json(new Responses.Liveness("up"))),
                Route.get("/api/health/ready", Access.PUBLIC, this::ready),
                Route.get("/api/openapi.json", Access.PUBLIC, this::openapi),
                Route.post("/api/login", Access.PUBLIC, this::login),
                Route.post("/api/logout", Access.SIGNED_IN, this::logout),
                Route.get("/api/me", Access.SIGNED_IN, ctx -> ctx.json(Responses.User.of(Gate.user(ctx)))));
    }

    private void health(Context ctx) {
        ctx.json(new Responses.Health("up", desk.database().isPostgres() ? "postgresql" : "h2"));
    }

    /**
     * Ready when the database answers a round trip; degraded (still 200) when it does but a channel is failing; 503
     * when the database does not answer. A load balancer sends work by this, a person reads why from it.
     */
    private void ready(Context ctx) {
        String database = desk.database().isPostgres() ? "postgresql" : "h2";
        String databaseError = null;
        try {
            desk.database().ping();
        } catch (RuntimeException e) {
            databaseError = org.redress.app.store.DatabaseErrors.describe(e).orElse("the database did not answer");
        }
        List<Responses.ChannelHealth> channels = desk.config().channels().stream().map(c -> {
            String error = lastError.apply(c.name());
            return new Responses.ChannelHealth(c.name(), c.plugin(), error == null ? "ok" : "failing", error);
        }).toList();
        String status = databaseError != null ? "not ready"
                : channels.stream().anyMatch(c -> c.lastError() != null) ? "degraded" : "ready";
        ctx.status(databaseError != null ? 503 : 200).json(new Responses.Readiness(status, database, databaseError, channels));
    }

    private void openapi(Context ctx) throws IOException {
        try (InputStream in = SessionRoutes.class.getResourceAsStream("/openapi.json")) {
            ctx.contentType("application/json").result(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private void login(Context ctx) {
        // a form on another site could post text/plain "JSON" here and sign the victim's browser in as the attacker
        String type = Optional.ofNullable(ctx.contentType()).orElse("");
        if (!type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            throw new ApiError(415, "send the sign-in as application/json (Content-Type: application/json)");
        }
        SameOrigin.crossSite(ctx).ifPresent(why -> {
            throw new ApiError(403, "no sign-in from another site: " + why);
        });
        JsonNode body = body(ctx);
        String username = text(body, "username");
        Optional<Staff.SignIn> signIn = desk.staff().signIn(username, text(body, "password"), ClientAddress.of(ctx, desk.config().web().trustedProxies()));
        if (signIn.isEmpty()) {
            throw new ApiError(401, "wrong user name or password");
        }
        if (signIn.get().waitFor().isPresent()) {
            long seconds = signIn.get().waitFor().get().toSeconds();
            ctx.header("Retry-After", String.valueOf(seconds));
            throw new ApiError(429, signIn.get().busy() ? "the desk is checking many sign-ins at once; try again in a second"
                    : "too many failed sign-ins for this account or from this address; try again in " + seconds + " s");
        }
        Users.Session session = signIn.get().session();
        ctx.header("Set-Cookie", Gate.sessionCookie(ctx, session.id()));
        ctx.json(new Responses.SignedIn(session.user().username(), session.user().role().name().toLowerCase(), session.csrf()));
    }

    private void logout(Context ctx) {
        Users.Session session = Gate.sessionOf(ctx);
        if (session != null) {
            desk.staff().signOut(session);
        }
        ctx.header("Set-Cookie", Gate.endedSessionCookie(ctx));
        ctx.status(204);
    }
}
