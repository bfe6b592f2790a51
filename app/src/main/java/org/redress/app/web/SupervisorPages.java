package org.redress.app.web;

import static org.redress.app.web.Console.done;
import static org.redress.app.web.Console.required;
import static org.redress.app.web.Console.version;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.redress.app.desk.Desk;
import org.redress.app.desk.DeskReports;
import org.redress.core.complaint.Category;

/** The supervisor's page: reports as charts, escalations, abuse, remedies to decide, and incidents. */
final class SupervisorPages {

    private final Console console;
    private final Desk desk;
    private final ConsolePages pages;

    SupervisorPages(Console console, Desk desk, ConsolePages pages) {
        this.console = console;
        this.desk = desk;
        this.pages = pages;
    }

    void register(RoutesConfig routes) {
        console.page(routes, "/console/supervisor", Access.SUPERVISOR, this::supervisor);
        console.page(routes, "/console/supervisor/report.csv", Access.SUPERVISOR, this::csv);
        console.form(routes, "/console/remedies/{id}/decision", Access.SUPERVISOR, this::decide);
        console.form(routes, "/console/incidents", Access.SUPERVISOR, this::declare);
        console.form(routes, "/console/incidents/{id}/links", Access.SUPERVISOR, this::link);
        console.form(routes, "/console/incidents/{id}/resolution", Access.SUPERVISOR, this::resolve);
    }

    private void supervisor(Context ctx, Console.Visitor v) {
        console.render(ctx, 200, "supervisor.jte", Map.of("page", console.pageOf(ctx, v.t(), v, "supervisor"),
                "sup", pages.supervisor(v.t(), days(ctx), Map.of("esc", Requests.intParam(ctx.queryParam("esc"), 1, 1, 1_000_000, "esc"),
                        "abuse", Requests.intParam(ctx.queryParam("abuse"), 1, 1, 1_000_000, "abuse"),
                        "approvals", Requests.intParam(ctx.queryParam("approvals"), 1, 1, 1_000_000, "approvals")))));
    }

    /** The period asked for, in days: one of the periods the page offers. */
    private static int days(Context ctx) {
        String days = ctx.queryParam("days");
        if (days == null || days.isBlank()) {
            return ConsolePages.PERIODS.get(2);
        }
        return ConsolePages.PERIODS.stream().filter(d -> String.valueOf(d).equals(days.strip())).findFirst()
                .orElseThrow(() -> new ApiError(400, "days: one of " + ConsolePages.PERIODS + ", got '" + days + "'"));
    }

    /**
     * Every report of the period as one CSV file, for a spreadsheet: the CLI's {@code report --format csv}.
     */
    private void csv(Context ctx, Console.Visitor v) {
        int days = days(ctx);
        java.time.Instant now = desk.clock().instant();
        DeskReports.Report r = desk.reports().since(now.minus(java.time.Duration.ofDays(days)));
        String day = java.time.LocalDate.ofInstant(now, java.time.ZoneOffset.UTC).toString();
        ctx.header("Content-Disposition", "attachment; filename=\"redress-report-" + day + "-" + days + "d.csv\"");
        ctx.contentType("text/csv; charset=utf-8").result(DeskReports.csv(r));
    }

    private void decide(Context ctx, Console.Visitor v) {
        boolean approve = "approve".equals(ctx.formParam("decision"));
        desk.casework().decideRemedy(Requests.id(ctx), version(ctx), approve, v.user().actor(), required(ctx, "reason"));
        done(ctx, "/console/supervisor", "decided");
    }

    private void declare(Context ctx, Console.Visitor v) {
        Long proposal = Optional.ofNullable(ctx.formParam("proposal")).filter(s -> s.matches("\\d{1,18}")).map(Long::parseLong).orElse(null);
        List<Long> more = new ArrayList<>();
        for (String n : Optional.ofNullable(ctx.formParam("complaints")).orElse("").split("[,;\\s]+")) {
            if (!n.isBlank()) {
                more.add(Requests.longParam(n.replace("#", ""), "complaints"));
            }
        }
        Instant eta = console.eta(ctx).orElseThrow(() -> new ApiError(400, "eta: when the fix is expected is required"));
        desk.incidents().declare(proposal, required(ctx, "title"), Console.optional(ctx, "category").map(Category::new),
                Optional.ofNullable(ctx.formParam("area")).filter(s -> !s.isBlank()).orElse(null), eta, v.user().actor(), more);
        done(ctx, "/console/supervisor", "declared");
    }

    private void link(Context ctx, Console.Visitor v) {
        desk.incidents().link(Requests.id(ctx), Requests.longParam(required(ctx, "complaint").replace("#", ""), "complaint"));
        done(ctx, "/console/supervisor", "linked");
    }

    private void resolve(Context ctx, Console.Visitor v) {
        desk.incidents().resolve(Requests.id(ctx), version(ctx), required(ctx, "message"), v.user().actor());
        done(ctx, "/console/supervisor", "resolved");
    }
}
