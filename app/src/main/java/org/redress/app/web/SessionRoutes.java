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

    SessionRoutes(Desk desk) {
        this.desk = desk;
    }

    List<Route> routes() {
        return List.of(
                Route.get("/api/health", Access.PUBLIC, this::health),
                Route.get("/api/openapi.json", Access.PUBLIC, this::openapi),
                Route.post("/api/login", Access.PUBLIC, this::login),
                Route.post("/api/logout", Access.SIGNED_IN, this::logout),
                Route.get("/api/me", Access.SIGNED_IN, ctx -> ctx.json(Responses.User.of(Gate.user(ctx)))));
    }

    private void health(Context ctx) {
        ctx.json(new Responses.Health("up", desk.database().isPostgres() ? "postgresql" : "h2"));
    }

    private void openapi(Context ctx) throws IOException {
        try (InputStream in = SessionRoutes.class.getResourceAsStream("/openapi.json")) {
            ctx.contentType("application/json").result(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private void login(Context ctx) {
        JsonNode body = body(ctx);
        String username = text(body, "username");
        Optional<Staff.SignIn> signIn = desk.staff().signIn(username, text(body, "password"), ctx.ip());
        if (signIn.isEmpty()) {
            throw new ApiError(401, "wrong user name or password");
        }
        if (signIn.get().waitFor().isPresent()) {
            long seconds = signIn.get().waitFor().get().toSeconds();
            ctx.header("Retry-After", String.valueOf(seconds));
            throw new ApiError(429, "too many failed sign-ins for " + username + "; try again in " + seconds + " s");
        }
        Users.Session session = signIn.get().session();
        ctx.header("Set-Cookie", Gate.sessionCookie(session.id()));
        ctx.json(new Responses.SignedIn(session.user().username(), session.user().role().name().toLowerCase(), session.csrf()));
    }

    private void logout(Context ctx) {
        Users.Session session = Gate.sessionOf(ctx);
        if (session != null) {
            desk.staff().signOut(session);
        }
        ctx.header("Set-Cookie", Gate.endedSessionCookie());
        ctx.status(204);
    }
}
