package org.redress.app.web;

import static org.redress.app.web.Requests.body;
import static org.redress.app.web.Requests.optionalText;
import static org.redress.app.web.Requests.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.redress.app.config.DeskConfig;
import org.redress.app.desk.Desk;
import org.redress.app.store.Users;
import org.redress.core.staff.Role;

/**
 * API tokens: each person lists, makes and revokes their own (an admin anybody's); a token is shown once, named,
 * may expire, records its last use, and ends with a password change or a deactivated user. Admins deactivate users.
 */
final class TokenRoutes {

    private final Desk desk;

    TokenRoutes(Desk desk) {
        this.desk = desk;
    }

    List<Route> routes() {
        return List.of(
                Route.get("/api/tokens", Access.SIGNED_IN, this::list),
                Route.post("/api/tokens", Access.SIGNED_IN, this::create),
                Route.post("/api/tokens/{id}/revoke", Access.SIGNED_IN, this::revoke),
                Route.post("/api/users/{username}/deactivate", Access.ADMIN, ctx -> active(ctx, false)),
                Route.post("/api/users/{username}/reactivate", Access.ADMIN, ctx -> active(ctx, true)));
    }

    private static boolean admin(Users.User u) {
        return u.role() == Role.ADMIN;
    }

    private void list(Context ctx) {
        Users.User me = Gate.user(ctx);
        Optional<String> of = Optional.ofNullable(ctx.queryParam("user")).filter(s -> !s.isBlank());
        if (of.isPresent() && !of.get().equals(me.username()) && !admin(me)) {
            throw new ApiError(403, me.username() + " may list only their own tokens; an admin lists anybody's");
        }
        String username = of.orElse(admin(me) ? null : me.username());
        Instant now = desk.clock().instant();
        List<Responses.TokenView> tokens = new ArrayList<>();
        for (Users.TokenInfo t : desk.staff().tokens(username)) {
            tokens.add(Responses.TokenView.of(t, now));
        }
        ctx.json(new Responses.TokenList(tokens));
    }

    private void create(Context ctx) {
        Users.User me = Gate.user(ctx);
        JsonNode body = body(ctx);
        String username = optionalText(body, "user").orElse(me.username());
        if (!username.equals(me.username()) && !admin(me)) {
            throw new ApiError(403, me.username() + " may make tokens only for themselves; an admin makes them for anybody");
        }
        Instant expiresAt = null;
        Optional<String> expiresIn = optionalText(body, "expiresIn");
        if (expiresIn.isPresent()) {
            List<String> errors = new ArrayList<>();
            Duration d = DeskConfig.parseDuration(expiresIn.get(), "expiresIn", errors);
            if (!errors.isEmpty() || d.isNegative() || d.isZero()) {
                throw new ApiError(400, errors.isEmpty() ? "expiresIn: must be a positive duration such as 90d" : errors.get(0));
            }
            expiresAt = desk.clock().instant().plus(d);
        }
        String name = text(body, "name");
        String token = desk.staff().issueToken(me.actor(), username, name, expiresAt);
        Users.TokenInfo info = desk.staff().tokens(username).get(0);
        ctx.status(201).json(new Responses.NewToken(info.id(), username, info.name(), token,
                expiresAt == null ? null : expiresAt.toString()));
    }

    private void revoke(Context ctx) {
        Users.User me = Gate.user(ctx);
        String id = ctx.pathParam("id");
        Users.TokenInfo t = desk.staff().token(id)
                .orElseThrow(() -> new org.redress.app.store.NotFoundException("there is no token '" + id + "'"));
        if (!t.username().equals(me.username()) && !admin(me)) {
            // another person's token id is not told apart from one that does not exist
            throw new org.redress.app.store.NotFoundException("there is no token '" + id + "'");
        }
        desk.staff().revokeToken(me.actor(), t);
        ctx.json(Responses.TokenView.of(desk.staff().token(id).orElseThrow(), desk.clock().instant()));
    }

    private void active(Context ctx, boolean active) {
        String username = ctx.pathParam("username");
        if (!active && username.equals(Gate.user(ctx).username())) {
            throw new ApiError(422, "an admin cannot deactivate themselves: another admin must");
        }
        desk.staff().setActive(Gate.user(ctx).actor(), username, active);
        Users.User u = desk.staff().list().stream().filter(x -> x.username().equals(username)).findFirst().orElseThrow();
        ctx.json(Responses.User.of(u));
    }
}
