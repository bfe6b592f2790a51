package org.redress.app.web;

import static org.redress.app.web.Requests.body;
import static org.redress.app.web.Requests.id;
import static org.redress.app.web.Requests.optionalText;
import static org.redress.app.web.Requests.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.util.List;
import java.util.function.Function;
import org.redress.app.desk.Desk;
import org.redress.app.desk.Quarantine;
import org.redress.app.store.Users;

/** What admins run: channels and their last errors, the quarantine, users, and the desk's audit trail. */
final class AdminRoutes {

    private final Desk desk;
    private final Function<String, String> lastError;

    /** @param lastError this node's last polling error of a channel instance, or null */
    AdminRoutes(Desk desk, Function<String, String> lastError) {
        this.desk = desk;
        this.lastError = lastError;
    }

    List<Route> routes() {
        return List.of(
                Route.get("/api/channels", Access.ADMIN, ctx -> ctx.json(new Responses.Channels(desk.board().instances().stream()
                        .map(c -> Responses.ChannelView.of(c, lastError.apply(c.name()))).toList()))),
                Route.get("/api/quarantine", Access.ADMIN, ctx -> ctx.json(new Responses.QuarantineList(desk.quarantine().open().stream()
                        .map(Responses.Held::of).toList()))),
                Route.post("/api/quarantine/{id}/discard", Access.ADMIN, this::discard),
                Route.post("/api/quarantine/{id}/retry", Access.ADMIN, this::retry),
                Route.get("/api/users", Access.ADMIN, ctx -> ctx.json(new Responses.UserList(desk.staff().list().stream()
                        .map(Responses.User::of).toList()))),
                Route.post("/api/users", Access.ADMIN, this::addUser),
                Route.get("/api/audit", Access.ADMIN, ctx -> ctx.json(new Responses.AuditLog(desk.audit().newest(
                        Requests.intParam(ctx.queryParam("limit"), 100, 1, 1000, "limit"))))));
    }

    private void discard(Context ctx) {
        long id = id(ctx);
        Users.User by = Gate.user(ctx);
        desk.quarantine().discard(id, by.actor(), "");
        ctx.json(new Responses.Discarded(id, "discarded", by.username()));
    }

    private void retry(Context ctx) {
        Quarantine.Retried r = desk.quarantine().retry(id(ctx), Gate.user(ctx).actor());
        ctx.json(new Responses.Retried(r.id(), r.stored(), r.outcome()));
    }

    private void addUser(Context ctx) {
        JsonNode body = body(ctx);
        Users.User u = desk.staff().add(Gate.user(ctx).actor(), text(body, "username"), optionalText(body, "displayName").orElse(""),
                Requests.role(text(body, "role")), optionalText(body, "team").orElse(null), text(body, "password"));
        ctx.status(201).json(Responses.User.of(u));
    }
}
