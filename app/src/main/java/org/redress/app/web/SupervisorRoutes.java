package org.redress.app.web;

import static org.redress.app.web.Requests.body;
import static org.redress.app.web.Requests.id;
import static org.redress.app.web.Requests.optionalText;
import static org.redress.app.web.Requests.text;
import static org.redress.app.web.Requests.version;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.redress.app.desk.Desk;
import org.redress.core.complaint.Category;
import org.redress.core.remedy.Remedy;

/** What supervisors decide and read: remedies above an agent's cap, incidents, and the reports. */
final class SupervisorRoutes {

    private final Desk desk;

    SupervisorRoutes(Desk desk) {
        this.desk = desk;
    }

    List<Route> routes() {
        return List.of(
                Route.get("/api/remedies", Access.SUPERVISOR, ctx -> ctx.json(new Responses.Remedies(desk.remedies().awaitingApproval().stream()
                        .map(s -> Responses.RemedyView.of(s.remedy(), s.version())).toList()))),
                Route.post("/api/remedies/{id}/decision", Access.SUPERVISOR, this::decide),
                Route.get("/api/incidents", Access.AGENT, ctx -> ctx.json(new Responses.Incidents(desk.incidents().list().stream()
                        .map(Responses.IncidentView::of).toList()))),
                Route.post("/api/incidents", Access.SUPERVISOR, this::declare),
                Route.post("/api/incidents/{id}/links", Access.SUPERVISOR, this::link),
                Route.post("/api/incidents/{id}/resolution", Access.SUPERVISOR, this::resolve),
                Route.get("/api/reports", Access.SUPERVISOR, this::reports));
    }

    private void decide(Context ctx) {
        JsonNode body = body(ctx);
        if (!body.path("approve").isBoolean()) {
            throw new ApiError(400, "approve: true or false is required");
        }
        Remedy r = desk.casework().decideRemedy(id(ctx), version(body), body.get("approve").asBoolean(), Gate.user(ctx).actor(),
                text(body, "reason"));
        ctx.json(Responses.RemedyView.of(r, version(body) + 1));
    }

    private void declare(Context ctx) {
        JsonNode body = body(ctx);
        Long proposal = body.path("proposal").canConvertToLong() ? body.get("proposal").asLong() : null;
        List<Long> more = new ArrayList<>();
        body.path("complaints").forEach(n -> more.add(n.asLong()));
        ctx.status(201).json(Responses.IncidentView.of(desk.incidents().declare(proposal, text(body, "title"),
                optionalText(body, "category").map(Category::new), optionalText(body, "area").orElse(null),
                Requests.instant(text(body, "eta")), Gate.user(ctx).actor(), more)));
    }

    private void link(Context ctx) {
        JsonNode body = body(ctx);
        if (!body.path("complaint").canConvertToLong()) {
            throw new ApiError(400, "complaint: the number of the complaint to link is required");
        }
        ctx.json(Responses.IncidentView.of(desk.incidents().link(id(ctx), body.get("complaint").asLong())));
    }

    private void resolve(Context ctx) {
        JsonNode body = body(ctx);
        ctx.json(Responses.IncidentView.of(desk.incidents().resolve(id(ctx), version(body), text(body, "message"), Gate.user(ctx).actor())));
    }

    private void reports(Context ctx) {
        String since = ctx.queryParam("since");
        Instant from;
        try {
            from = since == null || since.isBlank() ? desk.clock().instant().minus(Duration.ofDays(90))
                    : LocalDate.parse(since).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            throw new ApiError(400, "since: a date such as 2026-09-01, got '" + since + "'");
        }
        ctx.json(Responses.report(desk.reports().since(from)));
    }
}
