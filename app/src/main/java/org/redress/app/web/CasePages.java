package org.redress.app.web;

import static org.redress.app.web.Console.done;
import static org.redress.app.web.Console.number;
import static org.redress.app.web.Console.required;
import static org.redress.app.web.Console.version;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.redress.app.desk.Bulk;
import org.redress.app.desk.Desk;
import org.redress.app.desk.Replies;
import org.redress.app.store.ConcurrentChangeException;
import org.redress.app.store.Queue;
import org.redress.app.store.Users;
import org.redress.app.web.console.Texts;
import org.redress.app.web.console.Views;
import org.redress.core.complaint.Complaint;
import org.redress.core.complaint.IllegalTransitionException;
import org.redress.core.complaint.Status;
import org.redress.core.remedy.Remedy;
import org.redress.core.remedy.RemedyKind;

/** The agents' pages: the queue, and a complaint with everything done on it (reply, note, status, transfers, remedies). */
final class CasePages {

    private static final Duration BREACHING_SOON = Duration.ofHours(4);
    private static final String QUEUE_PREFERENCE = "queue";

    private final Console console;
    private final Desk desk;
    private final ConsolePages pages;

    CasePages(Console console, Desk desk, ConsolePages pages) {
        this.console = console;
        this.desk = desk;
        this.pages = pages;
    }

    void register(RoutesConfig routes) {
        console.page(routes, "/console", Access.AGENT, this::queue);
        console.page(routes, "/console/new", Access.AGENT, this::newComplaint);
        console.form(routes, "/console/complaints", Access.AGENT, this::take);
        console.form(routes, "/console/complaints/bulk", Access.AGENT, this::bulk);
        console.page(routes, "/console/complaints/{number}", Access.AGENT, this::complaint);
        console.form(routes, "/console/complaints/{number}/reply", Access.AGENT, this::reply);
        console.form(routes, "/console/complaints/{number}/note", Access.AGENT, this::note);
        console.form(routes, "/console/complaints/{number}/guard-labels", Access.AGENT, this::guardLabel);
        console.form(routes, "/console/complaints/{number}/transition", Access.AGENT, this::transition);
        console.form(routes, "/console/complaints/{number}/take", Access.AGENT, this::takeOwnership);
        console.form(routes, "/console/complaints/{number}/recap", Access.AGENT, this::recap);
        console.form(routes, "/console/complaints/{number}/abuse", Access.AGENT, this::abuse);
        console.form(routes, "/console/complaints/{number}/remedy", Access.AGENT, this::proposeRemedy);
        console.form(routes, "/console/complaints/{number}/transfer", Access.AGENT, this::requestTransfer);
        console.form(routes, "/console/complaints/{number}/transfer/accept", Access.AGENT, this::acceptTransfer);
        console.form(routes, "/console/complaints/{number}/transfer/decline", Access.AGENT, this::declineTransfer);
        console.form(routes, "/console/promises/{id}/kept", Access.AGENT, this::kept);
        console.form(routes, "/console/complaints/{number}/customer/merge", Access.SUPERVISOR, this::mergeCustomer);
        console.page(routes, "/console/complaints/{number}/customer/export", Access.SUPERVISOR, this::exportCustomer);
    }

    private void queue(Context ctx, Console.Visitor v) {
        Users.User u = v.user();
        // the queue as the user left it, on any browser: a bare /console opens their last view, narrowing and sort
        boolean bare = ctx.queryParamMap().keySet().stream().allMatch(k -> k.equals("done"));
        if (bare) {
            Optional<String> remembered = desk.preferences().get(u.username(), QUEUE_PREFERENCE);
            if (remembered.isPresent()) {
                ctx.redirect("/console?" + remembered.get() + Optional.ofNullable(ctx.queryParam("done")).map(d -> "&done="
                        + java.net.URLEncoder.encode(d, java.nio.charset.StandardCharsets.UTF_8)).orElse(""));
                return;
            }
        }
        Optional<String> search = Optional.ofNullable(ctx.queryParam("q")).map(String::strip).filter(s -> !s.isBlank());
        Optional<Long> incident = Optional.ofNullable(ctx.queryParam("incident")).filter(s -> s.matches("\\d{1,18}")).map(Long::parseLong);
        Optional<Queue.Reach> reach = desk.borders().reach(u);
        Queue.Narrowing narrowing = Requests.narrowing(ctx);
        Optional<String> status = Requests.query(ctx, "status").map(s -> Requests.status(s).name());
        // any team's or person's complaints, as far as the user's borders reach ("me" is the user)
        Optional<String> team = Requests.query(ctx, "team").map(x -> x.strip());
        Optional<String> owner = Requests.query(ctx, "owner").map(x -> x.strip().equals("me") ? u.username() : x.strip());
        java.util.function.Function<String, Queue.Filter> filterOf = key -> filter(u, key, search, incident, status, narrowing, team, owner);
        // without a chosen view, the first that has work: nobody lands on an empty "Mine" while the team's queue is full
        // a search without a view looks everywhere the agent may
        String view = Optional.ofNullable(ctx.queryParam("view")).orElseGet(() -> search.isPresent() ? "all" : java.util.stream.Stream.of("mine", "team", "unassigned")
                .filter(k -> !k.equals("team") || u.team() != null)
                .filter(k -> desk.queue().count(filterOf.apply(k), reach) > 0).findFirst().orElse("all"));
        if (incident.isPresent()) {
            view = "incident";
        }
        int size = Requests.intParam(ctx.queryParam("size"), ConsolePages.PAGE_SIZE, 10, 200, "size");
        int pageNumber = Requests.intParam(ctx.queryParam("page"), 1, 1, 1_000_000, "page");
        Texts t = v.t();
        // what narrows the view goes along in every tab and page link
        Map<String, String> carried = new java.util.LinkedHashMap<>();
        search.ifPresent(q -> carried.put("q", q));
        status.ifPresent(s -> carried.put("status", s));
        team.ifPresent(x -> carried.put("team", x));
        owner.ifPresent(x -> carried.put("owner", x));
        narrowing.priority().ifPresent(p -> carried.put("priority", p));
        narrowing.channel().ifPresent(c -> carried.put("channel", c));
        narrowing.category().ifPresent(c -> carried.put("category", c));
        narrowing.language().ifPresent(l -> carried.put("language", l));
        narrowing.clock().ifPresent(c -> carried.put("clock", c.name().toLowerCase(java.util.Locale.ROOT)));
        narrowing.metric().ifPresent(m -> carried.put("metric", m));
        narrowing.sort().ifPresent(o -> carried.put("sort", o.name().toLowerCase(java.util.Locale.ROOT)));
        if (!bare && search.isEmpty() && incident.isEmpty()) {
            // what was asked for, checked above; a search or an incident is a moment's look, not a way of working
            java.util.StringJoiner kept = new java.util.StringJoiner("&");
            ctx.queryParamMap().forEach((k, values) -> {
                if (!k.equals("page") && !k.equals("done") && !k.equals("q") && !k.equals("incident")) {
                    values.forEach(x -> kept.add(java.net.URLEncoder.encode(k, java.nio.charset.StandardCharsets.UTF_8) + "="
                            + java.net.URLEncoder.encode(x, java.nio.charset.StandardCharsets.UTF_8)));
                }
            });
            // written only when it changed: paging and reloading the same view costs one read, not a transaction
            if (!desk.preferences().get(u.username(), QUEUE_PREFERENCE).orElse("").equals(kept.toString())) {
                desk.preferences().put(u.username(), QUEUE_PREFERENCE, kept.toString());
            }
        }
        console.render(ctx, 200, "queue.jte", Map.of("page", console.pageOf(ctx, t, v, "queue"), "queue", pages.queue(t, filterOf, view,
                search.orElse(""), incident.orElse(null), reach, pageNumber, size, carried)));
    }

    /** The queue's filter for one view (tab) of a user, with the search and incident the page carries. */
    private Queue.Filter filter(Users.User u, String view, Optional<String> search, Optional<Long> incident, Optional<String> status,
                                Queue.Narrowing narrowing, Optional<String> anyTeam, Optional<String> anyOwner) {
        Optional<String> team = view.equals("team") ? Optional.ofNullable(u.team()) : anyTeam;
        Optional<String> owner = view.equals("mine") ? Optional.of(u.username()) : anyOwner;
        Optional<Instant> dueBefore = view.equals("breaching") ? Optional.of(desk.clock().instant().plus(BREACHING_SOON)) : Optional.empty();
        Optional<String> offeredTo = view.equals("offered") ? Optional.ofNullable(u.team()).or(() -> Optional.of("")) : Optional.empty();
        return new Queue.Filter(team, status, view.equals("unassigned"), owner, search, dueBefore,
                view.equals("incident") ? incident : Optional.empty(), offeredTo, narrowing);
    }

    /** Merges another customer record (a second address of the same person) into this complaint's customer. */
    private void mergeCustomer(Context ctx, Console.Visitor v) {
        long number = number(ctx);
        long survivor = desk.complaints().require(number).complaint().customer().value();
        String other = required(ctx, "absorbed").replaceFirst("^#", "");
        if (!other.matches("\\d{1,18}")) {
            throw new IllegalArgumentException("absorbed: the number of the customer record to merge into this one, got '" + other + "'");
        }
        desk.customers().merge(Long.parseLong(other), survivor, v.user().actor(), Console.optional(ctx, "reason").orElse(""));
        done(ctx, "/console/complaints/" + number, "merged");
    }

    /** Everything the desk holds about this complaint's customer, as a file: a subject-access request answered. */
    private void exportCustomer(Context ctx, Console.Visitor v) {
        long customer = desk.complaints().require(number(ctx)).complaint().customer().value();
        ctx.header("Content-Disposition", "attachment; filename=\"customer-" + customer + ".json\"");
        ctx.json(desk.customers().export(customer));
    }

    /** The form for a complaint made in person or on the phone (or typed in from a web form). */
    private void newComplaint(Context ctx, Console.Visitor v) {
        console.render(ctx, 200, "take.jte", Map.of("page", console.pageOf(ctx, v.t(), v, "new"), "form",
                new Views.TakeForm(Optional.ofNullable(ctx.queryParam("via")).orElse("walk-in"), "", "", "", "", "", "")));
    }

    /**
     * Takes the complaint the form describes: triaged, routed and tracked like any channel's. What is wrong comes back
     * on the form with everything the agent typed.
     */
    private void take(Context ctx, Console.Visitor v) {
        Views.TakeForm form = new Views.TakeForm(Console.optional(ctx, "via").orElse("walk-in"), Console.optional(ctx, "name").orElse(""),
                Console.optional(ctx, "email").orElse(""), Console.optional(ctx, "phone").orElse(""), Console.optional(ctx, "subject").orElse(""),
                Console.optional(ctx, "text").orElse(""), "");
        try {
            if (form.text().isBlank()) {
                throw new IllegalArgumentException(v.t().get("take.text.required"));
            }
            java.util.Map<String, String> raw = new java.util.LinkedHashMap<>();
            raw.put("via", form.via());
            raw.put("name", form.name());
            raw.put("email", form.email());
            raw.put("phone", form.phone());
            raw.put("subject", form.subject());
            raw.put("text", form.text());
            var taken = desk.walkIns().take(new org.redress.app.desk.WalkIns.Taken(form.via(), form.name(), opt(form.email()),
                    opt(form.phone()), opt(form.subject()), form.text(), new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(raw)),
                    v.user());
            done(ctx, "/console/complaints/" + taken.complaint().number().value(), "new-complaint");
        } catch (IllegalArgumentException e) {
            console.render(ctx, 400, "take.jte", Map.of("page", console.pageOf(ctx, v.t(), v, "new"), "form",
                    new Views.TakeForm(form.via(), form.name(), form.email(), form.phone(), form.subject(), form.text(), e.getMessage())));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Optional<String> opt(String s) {
        return s.isBlank() ? Optional.empty() : Optional.of(s);
    }

    /** One action on the complaints chosen in the queue; the page says what changed and what did not, with why. */
    private void bulk(Context ctx, Console.Visitor v) {
        List<Long> numbers = ctx.formParams("n").stream().map(n -> Requests.longParam(n, "n")).toList();
        String action = required(ctx, "action");
        Bulk.Action what = Bulk.action(name -> Optional.ofNullable(ctx.formParam(name)));
        Bulk.Outcome outcome = desk.bulk().apply(numbers, v.user(), what, ClientAddress.publicBase(ctx, desk.config().web()));
        String back = Console.optional(ctx, "back").filter(b -> b.startsWith("/console")).orElse("/console");
        console.render(ctx, 200, "bulk.jte", Map.of("page", console.pageOf(ctx, v.t(), v, "queue"),
                "outcome", new Views.BulkOutcome(v.t().code("bulk.action", action), outcome.changed(),
                        outcome.refused().entrySet().stream().map(e -> new Views.Refusal(e.getKey(), e.getValue())).toList(), back)));
    }

    private void complaint(Context ctx, Console.Visitor v) {
        long number = number(ctx);
        console.render(ctx, 200, "complaint.jte", Map.of("page", console.pageOf(ctx, v.t(), v, "queue"),
                "complaint", pages.complaint(v.t(), number, v.user(), Views.Composer.empty())));
    }

    private void reply(Context ctx, Console.Visitor v) {
        long number = number(ctx);
        String text = required(ctx, "text");
        Optional<Instant> eta = console.eta(ctx);
        Optional<String> override = Optional.ofNullable(ctx.formParam("override")).map(String::strip).filter(s -> !s.isBlank());
        Replies.Outcome outcome;
        try {
            outcome = desk.replies().reply(number, version(ctx), v.user().actor(), text, eta, override,
                    "true".equals(ctx.formParam("privately")));
        } catch (ConcurrentChangeException e) {
            // the draft comes back on the fresh page, so nothing the agent wrote is lost
            again(ctx, v, number, 409, draft(ctx, text, List.of(), false, v.t().get("error.conflict") + " (" + e.getMessage() + ")"));
            return;
        }
        if (outcome instanceof Replies.Refused refused) {
            List<Views.FindingLine> findings = refused.check().findings().stream().map(f -> new Views.FindingLine(f.code().name(),
                    f.severity().name(), f.evidence(), f.suggestion())).toList();
            again(ctx, v, number, 422, draft(ctx, text, findings, true, v.t().get("composer.blocked")));
            return;
        }
        // the status the agent chose to go with the reply: the reply is out whatever becomes of it
        Optional<Status> then = Console.optional(ctx, "then").map(Requests::status);
        // as it is now: the reply's own bookkeeping (a walk-in answered in person) may have moved its version on
        Complaint sent = desk.complaints().require(number).complaint();
        if (then.isPresent() && then.get() != sent.status()) {
            try {
                desk.casework().moveTo(number, sent.version(), then.get(), "", v.user().actor(),
                        ClientAddress.publicBase(ctx, desk.config().web()));
            } catch (ConcurrentChangeException | IllegalTransitionException e) {
                done(ctx, "/console/complaints/" + number, "sent-not-moved");
                return;
            }
            done(ctx, "/console/complaints/" + number, "sent-moved");
            return;
        }
        done(ctx, "/console/complaints/" + number, "sent");
    }

    /**
     * Labels the guard's work on the draft in the composer: a finding that is not right ("wrong" names its code), or a
     * code it missed with the words that show it. The page comes back with the draft as it was.
     */
    private void guardLabel(Context ctx, Console.Visitor v) {
        long number = Console.number(ctx);
        String text = Console.required(ctx, "text");
        Optional<String> wrong = Console.optional(ctx, "wrong");
        if (wrong.isPresent()) {
            desk.guardTeacher().label(number, v.user().actor(), text, wrong.get(), "wrong", "", Optional.empty());
        } else {
            desk.guardTeacher().label(number, v.user().actor(), text, Console.required(ctx, "missedCode"), "missed",
                    Console.optional(ctx, "missedWords").orElse(""), Optional.empty());
        }
        again(ctx, v, number, 200, new Views.Composer(text, Optional.ofNullable(ctx.formParam("eta")).orElse(""),
                Optional.ofNullable(ctx.formParam("etaInstant")).orElse(""), List.of(), false, v.t().get("composer.labelled"), ""));
    }

    private static Views.Composer draft(Context ctx, String text, List<Views.FindingLine> findings, boolean blocked, String error) {
        return new Views.Composer(text, Optional.ofNullable(ctx.formParam("eta")).orElse(""),
                Optional.ofNullable(ctx.formParam("etaInstant")).orElse(""), findings, blocked, error, "");
    }

    /** The complaint page again, as it is now, with what the agent wrote still in the composer. */
    private void again(Context ctx, Console.Visitor v, long number, int status, Views.Composer composer) {
        console.render(ctx, status, "complaint.jte", Map.of("page", console.pageOf(ctx, v.t(), v, "queue"),
                "complaint", pages.complaint(v.t(), number, v.user(), composer)));
    }

    private void note(Context ctx, Console.Visitor v) {
        long number = number(ctx);
        String text = required(ctx, "text");
        try {
            desk.casework().note(number, version(ctx), v.user().actor(), text);
        } catch (ConcurrentChangeException e) {
            again(ctx, v, number, 409, new Views.Composer("", "", "", List.of(), false,
                    v.t().get("error.conflict") + " (" + e.getMessage() + ")", text));
            return;
        }
        done(ctx, "/console/complaints/" + number, "note");
    }

    private void transition(Context ctx, Console.Visitor v) {
        long number = number(ctx);
        Status to = Requests.status(required(ctx, "to"));
        desk.casework().moveTo(number, version(ctx), to, Optional.ofNullable(ctx.formParam("reason")).orElse(""), v.user().actor(),
                ClientAddress.publicBase(ctx, desk.config().web()));
        done(ctx, "/console/complaints/" + number, "moved");
    }

    private void recap(Context ctx, Console.Visitor v) {
        long number = number(ctx);
        boolean confirmed = "confirmed".equals(ctx.formParam("answer"));
        desk.casework().recapAnswered(number, version(ctx), confirmed, Console.optional(ctx, "correction").orElse(null), v.user().actor());
        done(ctx, "/console/complaints/" + number, confirmed ? "recap-confirmed" : "recap-corrected");
    }

    private void abuse(Context ctx, Console.Visitor v) {
        long number = number(ctx);
        boolean end = "end".equals(ctx.formParam("step"));
        desk.casework().abuseStep(number, version(ctx), end, Console.optional(ctx, "reason").orElse(null), v.user().actor());
        done(ctx, "/console/complaints/" + number, end ? "abuse-ended" : "abuse-warned");
    }

    private void takeOwnership(Context ctx, Console.Visitor v) {
        long number = number(ctx);
        desk.casework().take(number, version(ctx), v.user());
        done(ctx, "/console/complaints/" + number, "taken");
    }

    private void requestTransfer(Context ctx, Console.Visitor v) {
        long number = number(ctx);
        String team = required(ctx, "toTeam").strip();
        Optional<String> owner = Optional.ofNullable(ctx.formParam("toOwner")).map(String::strip).filter(s -> !s.isBlank());
        String reason = required(ctx, "reason");
        desk.casework().requestTransfer(number, version(ctx), team, owner, reason, v.user().actor());
        done(ctx, "/console/complaints/" + number, "transfer-requested");
    }

    private void acceptTransfer(Context ctx, Console.Visitor v) {
        long number = number(ctx);
        desk.casework().acceptTransfer(number, version(ctx), v.user().actor());
        done(ctx, "/console/complaints/" + number, "transfer-accepted");
    }

    private void declineTransfer(Context ctx, Console.Visitor v) {
        long number = number(ctx);
        String reason = required(ctx, "reason");
        desk.casework().declineTransfer(number, version(ctx), reason, v.user().actor());
        done(ctx, "/console/complaints/" + number, "transfer-declined");
    }

    private void proposeRemedy(Context ctx, Console.Visitor v) {
        long number = number(ctx);
        RemedyKind kind = Requests.remedyKind(required(ctx, "kind"));
        String currency = desk.casework().currency();
        Remedy r = desk.casework().proposeRemedy(number, kind, Requests.money(required(ctx, "claimed"), currency, "claimed"),
                Requests.money(required(ctx, "offered"), currency, "offered"), v.user().actor(), required(ctx, "reason"));
        done(ctx, "/console/complaints/" + number, r.state() == Remedy.State.GRANTED ? "granted" : "proposed");
    }

    private void kept(Context ctx, Console.Visitor v) {
        desk.casework().keepPromise(Requests.id(ctx));
        String back = Optional.ofNullable(ctx.formParam("complaint")).filter(s -> s.matches("\\d{1,18}")).map(n -> "/console/complaints/" + n)
                .orElse("/console");
        done(ctx, back, "kept");
    }
}
