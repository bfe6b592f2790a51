package org.redress.app.web;

import static org.redress.app.web.Requests.body;
import static org.redress.app.web.Requests.id;
import static org.redress.app.web.Requests.optionalText;
import static org.redress.app.web.Requests.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.util.List;
import org.redress.app.desk.Desk;

/** Customers: the card, merging two records of one person, and their data exported or erased on request. */
final class CustomerRoutes {

    private final Desk desk;

    CustomerRoutes(Desk desk) {
        this.desk = desk;
    }

    List<Route> routes() {
        return List.of(
                Route.get("/api/customers/{id}", Access.AGENT, ctx -> ctx.json(desk.customers().card(id(ctx)))),
                Route.post("/api/customers/{id}/merge", Access.SUPERVISOR, this::merge),
                Route.get("/api/customers/{id}/export", Access.SUPERVISOR, ctx -> ctx.json(desk.customers().export(id(ctx)))),
                Route.post("/api/customers/{id}/erase", Access.ADMIN, this::erase));
    }

    private void merge(Context ctx) {
        JsonNode body = body(ctx);
        if (!body.path("into").canConvertToLong()) {
            throw new ApiError(400, "into: the id of the customer record that stays is required");
        }
        ctx.json(desk.customers().merge(id(ctx), body.get("into").asLong(), Gate.user(ctx).actor(), optionalText(body, "reason").orElse("")));
    }

    private void erase(Context ctx) {
        long id = id(ctx);
        int n = desk.customers().erase(id, Gate.user(ctx).actor(), text(body(ctx), "reason"));
        ctx.json(new Responses.Erased(id, true, n));
    }
}
