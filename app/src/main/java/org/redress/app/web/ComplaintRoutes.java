package org.redress.app.web;

import static org.redress.app.web.Requests.body;
import static org.redress.app.web.Requests.number;
import static org.redress.app.web.Requests.optionalText;
import static org.redress.app.web.Requests.text;
import static org.redress.app.web.Requests.version;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.redress.app.desk.Desk;
import org.redress.app.desk.Replies;
import org.redress.app.desk.WalkIns;
import org.redress.app.store.Attachments;
import org.redress.app.store.Complaints;
import org.redress.app.store.Queue;
import org.redress.core.complaint.Complaint;
import org.redress.core.remedy.Remedy;

/** Complaints: the queue, taking one in at the desk, reading one, and everything an agent does with it. */
final class ComplaintRoutes {

    private final Desk desk;

    ComplaintRoutes(Desk desk) {
        this.desk = desk;
    }

    List<Route> routes() {
        return List.of(
                Route.get("/api/complaints", Access.AGENT, this::list),
                Route.post("/api/complaints", Access.AGENT, this::create),
                Route.post("/api/complaints/bulk", Access.AGENT, this::bulk),
                Route.get("/api/complaints/{number}", Access.AGENT, ctx -> ctx.json(view(desk.casework().open(number(ctx))))),
                Route.post("/api/complaints/{number}/check-reply", Access.AGENT, this::checkReply),
                Route.post("/api/complaints/{number}/replies", Access.AGENT, this::reply),
                Route.post("/api/complaints/{number}/notes", Access.AGENT, this::note),
                Route.post("/api/complaints/{number}/transitions", Access.AGENT, this::transition),
                Route.post("/api/complaints/{number}/recap", Access.AGENT, this::recap),
                Route.post("/api/complaints/{number}/abuse", Access.AGENT, this::abuse),
                Route.post("/api/complaints/{number}/assignment", Access.AGENT, this::assign),
                Route.post("/api/complaints/{number}/remedies", Access.AGENT, this::proposeRemedy),
                Route.post("/api/complaints/{number}/transfer", Access.AGENT, this::requestTransfer),
                Route.post("/api/complaints/{number}/transfer/accept", Access.AGENT, this::acceptTransfer),
                Route.post("/api/complaints/{number}/transfer/decline", Access.AGENT, this::declineTransfer),
                Route.post("/api/promises/{id}/kept", Access.AGENT, this::keepPromise),
                Route.get("/api/attachments/{id}", Access.AGENT, this::attachment));
    }

    private Responses.ComplaintView view(Complaints.Loaded loaded) {
        long n = loaded.complaint().number().value();
        return Responses.ComplaintView.of(loaded, desk.promises().of(n), desk.outbound().of(n), desk.attachments().of(n), desk.clock().instant());
    }

    private void list(Context ctx) {
        int limit = Requests.intParam(ctx.queryParam("limit"), 50, 1, 500, "limit");
        Queue.Filter filter = new Queue.Filter(Requests.query(ctx, "team"),
                Requests.query(ctx, "status").map(s -> Requests.status(s).name()),
                "true".equals(ctx.queryParam("unassigned")),
                Requests.query(ctx, "owner").map(o -> o.equals("me") ? Gate.user(ctx).username() : o),
                Requests.query(ctx, "q"), Optional.empty(), Optional.empty(), Optional.empty(), Requests.narrowing(ctx));
        ctx.json(new Responses.QueuePage(desk.queue().top(filter, limit, desk.borders().reach(Gate.user(ctx))).stream()
                .map(Responses.QueueItem::of).toList()));
    }

    private void create(Context ctx) {
        JsonNode body = body(ctx);
        JsonNode customer = body.path("customer");
        boolean object = customer.isObject();
        WalkIns.Taken taken = new WalkIns.Taken(text(body, "via"), object ? optionalText(customer, "name").orElse("") : "",
                object ? optionalText(customer, "email") : Optional.empty(), object ? optionalText(customer, "phone") : Optional.empty(),
                optionalText(body, "subject"), text(body, "text"), body.toString());
        ctx.status(201).json(view(desk.walkIns().take(taken, Gate.user(ctx))));
    }

    private void checkReply(Context ctx) {
        JsonNode body = body(ctx);
        Complaint c = desk.casework().open(number(ctx)).complaint();
        ctx.json(Responses.Check.of(desk.replies().check(c, text(body, "text"), optionalText(body, "eta").map(Requests::instant),
                body.path("privately").asBoolean(false))));
    }

    private void reply(Context ctx) {
        JsonNode body = body(ctx);
        Optional<Instant> eta = optionalText(body, "eta").map(Requests::instant);
        Optional<String> override = body.path("override").isObject() ? optionalText(body.get("override"), "reason") : Optional.empty();
        Replies.Outcome outcome = desk.replies().reply(number(ctx), version(body), Gate.user(ctx).actor(), text(body, "text"), eta, override,
                body.path("privately").asBoolean(false));
        if (outcome instanceof Replies.Refused refused) {
            ctx.status(422).json(Responses.Refused.of("the reply guard blocked this reply: fix the findings, or override them with a reason",
                    refused.check()));
            return;
        }
        Replies.Sent sent = (Replies.Sent) outcome;
        Responses.Check check = Responses.Check.of(sent.check());
        ctx.status(201).json(new Responses.ReplySent(sent.replyId(), sent.complaint().version(),
                sent.promises().stream().map(p -> new Responses.PromiseMade(p.id().value(), p.text(), p.due().toString())).toList(),
                check.language(), check.checked(), check.note(), check.blocked(), check.findings()));
    }

    private void note(Context ctx) {
        JsonNode body = body(ctx);
        Complaint c = desk.casework().note(number(ctx), version(body), Gate.user(ctx).actor(), text(body, "text"));
        ctx.status(201).json(new Responses.Versioned(c.version()));
    }

    /** One action on many complaints, each changed on its own within the caller's team borders. */
    private void bulk(Context ctx) {
        JsonNode body = body(ctx);
        if (!body.path("numbers").isArray()) {
            throw new ApiError(400, "numbers: the complaints' numbers, as a list");
        }
        java.util.List<Long> numbers = new java.util.ArrayList<>();
        body.get("numbers").forEach(n -> {
            if (!n.canConvertToLong()) {
                throw new ApiError(400, "numbers: complaint numbers only, got " + n);
            }
            numbers.add(n.asLong());
        });
        org.redress.app.desk.Bulk.Outcome outcome = desk.bulk().apply(numbers, Gate.user(ctx),
                org.redress.app.desk.Bulk.action(name -> optionalText(body, name)), ClientAddress.publicBase(ctx, desk.config().web()));
        ctx.json(new Responses.BulkDone(outcome.changed(), outcome.refused().entrySet().stream()
                .map(e -> new Responses.NotChanged(e.getKey(), e.getValue())).toList()));
    }

    private void transition(Context ctx) {
        JsonNode body = body(ctx);
        Complaint c = desk.casework().transition(number(ctx), version(body), Requests.status(text(body, "to")),
                optionalText(body, "reason").orElse(""), Gate.user(ctx).actor(), ClientAddress.publicBase(ctx, desk.config().web()));
        ctx.json(new Responses.Moved(c.status().name(), c.version()));
    }

    private void recap(Context ctx) {
        JsonNode body = body(ctx);
        if (!body.path("confirmed").isBoolean()) {
            throw new ApiError(400, "confirmed: true when the customer confirmed the recap, false when they corrected it");
        }
        Complaint c = desk.casework().recapAnswered(number(ctx), version(body), body.get("confirmed").asBoolean(),
                optionalText(body, "correction").orElse(null), Gate.user(ctx).actor());
        ctx.json(new Responses.PlaybookView(c.playbook().step().name(), c.playbook().recap().name(), c.playbook().apologies(), c.playbook().isEmpathyShown(), c.version()));
    }

    private void abuse(Context ctx) {
        JsonNode body = body(ctx);
        String step = text(body, "step");
        if (!step.equals("warn") && !step.equals("end")) {
            throw new ApiError(400, "step: warn (send the scripted warning) or end (end the conversation after a warning); got '" + step + "'");
        }
        Complaint c = desk.casework().abuseStep(number(ctx), version(body), step.equals("end"), optionalText(body, "reason").orElse(null),
                Gate.user(ctx).actor());
        ctx.json(Responses.AbuseView.of(c));
    }

    private void assign(Context ctx) {
        JsonNode body = body(ctx);
        String owner = text(body, "owner");
        String team = text(body, "team");
        desk.borders().assignmentRefusal(Gate.user(ctx), owner, team).ifPresent(why -> {
            throw new ApiError(why.contains("own team only") ? 403 : 400, why);
        });
        Complaint c = desk.casework().assign(number(ctx), version(body), owner, team, optionalText(body, "reason").orElse(""),
                Gate.user(ctx).actor());
        ctx.json(new Responses.Owned(owner, team, c.version()));
    }

    private void requestTransfer(Context ctx) {
        JsonNode body = body(ctx);
        String team = text(body, "toTeam");
        java.util.Set<String> teams = desk.borders().teams();
        if (!teams.contains(team.strip())) {
            throw new ApiError(400, "toTeam: team '" + team + "' does not exist; the desk's teams are " + String.join(", ", teams));
        }
        optionalText(body, "toOwner").ifPresent(o -> desk.borders().assignmentRefusal(null, o, team.strip()).ifPresent(why -> {
            throw new ApiError(400, "toOwner: " + why);
        }));
        Complaint c = desk.casework().requestTransfer(number(ctx), version(body), team, optionalText(body, "toOwner"), text(body, "reason"),
                Gate.user(ctx).actor());
        ctx.json(new Responses.Offered(team, c.version()));
    }

    private void acceptTransfer(Context ctx) {
        Complaint c = desk.casework().acceptTransfer(number(ctx), version(body(ctx)), Gate.user(ctx).actor());
        ctx.json(new Responses.Owned(c.owner().orElse(""), c.team().orElse(""), c.version()));
    }

    private void declineTransfer(Context ctx) {
        JsonNode body = body(ctx);
        Complaint c = desk.casework().declineTransfer(number(ctx), version(body), text(body, "reason"), Gate.user(ctx).actor());
        ctx.json(new Responses.Owned(c.owner().orElse(""), c.team().orElse(""), c.version()));
    }

    /**
     * A file a customer sent, as a download only: never shown inline, whatever its declared type, so an HTML or SVG
     * file from a stranger cannot run in the desk's pages.
     */
    private void attachment(Context ctx) {
        long id = Requests.id(ctx);
        Attachments.File file = desk.attachments().find(id)
                .orElseThrow(() -> new org.redress.app.store.NotFoundException("there is no attachment " + id));
        String safe = file.about().name().replaceAll("[^\\p{L}\\p{N}._ -]", "_");
        ctx.header("Content-Disposition", "attachment; filename=\"" + safe.replace("\"", "_") + "\"; filename*=UTF-8''"
                + java.net.URLEncoder.encode(file.about().name(), java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"));
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Content-Security-Policy", "default-src 'none'; sandbox");
        ctx.contentType("application/octet-stream").result(file.content());
    }

    private void keepPromise(Context ctx) {
        long id = Requests.id(ctx);
        ctx.json(new Responses.PromiseState(id, desk.casework().keepPromise(id).name()));
    }

    private void proposeRemedy(Context ctx) {
        JsonNode body = body(ctx);
        String currency = text(body, "currency");
        Remedy r = desk.casework().proposeRemedy(number(ctx), Requests.remedyKind(text(body, "kind")),
                Requests.money(text(body, "claimed"), currency, "claimed"), Requests.money(text(body, "offered"), currency, "offered"),
                Gate.user(ctx).actor(), text(body, "reason"));
        ctx.status(201).json(Responses.RemedyView.of(r, 0));
    }
}
