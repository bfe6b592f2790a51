package org.redress.app.web;

import static org.redress.app.web.Requests.body;
import static org.redress.app.web.Requests.optionalText;
import static org.redress.app.web.Requests.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.util.List;
import org.redress.app.desk.Desk;
import org.redress.app.store.SavedReplies;

/** Saved replies (taught only when the guard passes them), and the customer's answer to the satisfaction question. */
final class ReplyRoutes {

    private final Desk desk;

    ReplyRoutes(Desk desk) {
        this.desk = desk;
    }

    List<Route> routes() {
        return List.of(
                Route.get("/api/saved-replies", Access.AGENT, this::list),
                Route.post("/api/saved-replies", Access.SUPERVISOR, this::save),
                Route.post("/api/satisfaction/{token}", Access.PUBLIC, this::answer));
    }

    private void list(Context ctx) {
        ctx.json(new Responses.SavedReplyList(desk.savedReplies().find(Requests.query(ctx, "category"), Requests.query(ctx, "language"))
                .stream().map(Responses.SavedReply::of).toList()));
    }

    private void save(Context ctx) {
        JsonNode body = body(ctx);
        try {
            SavedReplies.Saved r = desk.savedReplies().save(text(body, "category"), text(body, "language"), text(body, "title"),
                    text(body, "text"), Gate.user(ctx).actor());
            ctx.status(201).json(Responses.SavedReply.of(r));
        } catch (SavedReplies.Refused e) {
            ctx.status(422).json(Responses.Refused.of(e.getMessage(), e.check()));
        }
    }

    private void answer(Context ctx) {
        JsonNode body = body(ctx);
        if (!body.path("score").canConvertToInt()) {
            throw new ApiError(400, "score: a whole number from 1 to 5 is required");
        }
        long n = desk.casework().answerSatisfaction(ctx.pathParam("token"), body.get("score").asInt(), optionalText(body, "comment").orElse(null));
        ctx.json(new Responses.Thanks(n, "Thank you for telling us."));
    }
}
