package org.redress.app.web;

import static org.redress.app.web.Console.done;
import static org.redress.app.web.Console.required;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;
import java.util.Optional;
import org.redress.app.desk.Desk;
import org.redress.app.desk.Quarantine;

/** The admin's page: channels, the quarantine (retry, discard) and users. */
final class AdminPages {

    private final Console console;
    private final Desk desk;
    private final ConsolePages pages;

    AdminPages(Console console, Desk desk, ConsolePages pages) {
        this.console = console;
        this.desk = desk;
        this.pages = pages;
    }

    void register(RoutesConfig routes) {
        console.page(routes, "/console/admin", Access.ADMIN, this::admin);
        console.form(routes, "/console/quarantine/{id}/retry", Access.ADMIN, this::retry);
        console.form(routes, "/console/quarantine/{id}/discard", Access.ADMIN, this::discard);
        console.form(routes, "/console/users", Access.ADMIN, this::addUser);
        console.form(routes, "/console/tokens/{id}/revoke", Access.ADMIN, this::revokeToken);
        console.form(routes, "/console/users/{username}/active", Access.ADMIN, this::setActive);
        console.form(routes, "/console/users/{username}/password", Access.ADMIN, this::resetPassword);
        console.form(routes, "/console/customers/erase", Access.ADMIN, this::eraseCustomer);
        console.form(routes, "/console/guard/phrases", Access.ADMIN, this::addPhrase);
        console.form(routes, "/console/guard/phrases/{id}/remove", Access.ADMIN, this::removePhrase);
    }

    private void admin(Context ctx, Console.Visitor v) {
        console.render(ctx, 200, "admin.jte", Map.of("page", console.pageOf(ctx, v.t(), v, "admin"), "admin", pages.admin(v.t())));
    }

    private void retry(Context ctx, Console.Visitor v) {
        Quarantine.Retried r = desk.quarantine().retry(Requests.id(ctx), v.user().actor());
        if (!r.stored()) {
            throw new ApiError(422, "quarantine " + r.id() + ": " + r.outcome());
        }
        done(ctx, "/console/admin", "retried");
    }

    private void discard(Context ctx, Console.Visitor v) {
        desk.quarantine().discard(Requests.id(ctx), v.user().actor(), Optional.ofNullable(ctx.formParam("reason")).orElse(""));
        done(ctx, "/console/admin", "discarded");
    }

    private void addUser(Context ctx, Console.Visitor v) {
        desk.staff().add(v.user().actor(), required(ctx, "username"), Optional.ofNullable(ctx.formParam("displayName")).orElse(""),
                Requests.role(required(ctx, "role")), Console.optional(ctx, "team").orElse(null), required(ctx, "password"));
        done(ctx, "/console/admin", "user");
    }

    private void revokeToken(Context ctx, Console.Visitor v) {
        String id = ctx.pathParam("id");
        org.redress.app.store.Users.TokenInfo token = desk.staff().token(id)
                .orElseThrow(() -> new org.redress.app.store.NotFoundException("there is no token '" + id + "'"));
        desk.staff().revokeToken(v.user().actor(), token);
        done(ctx, "/console/admin", "revoked");
    }

    private void addPhrase(Context ctx, Console.Visitor v) {
        Optional<Long> label = Console.optional(ctx, "label").map(Long::parseLong);
        try {
            desk.guardTeacher().addPhrase(v.user().actor(), required(ctx, "language"), required(ctx, "code"), required(ctx, "text"), label);
        } catch (org.redress.app.store.GuardTeaching.DuplicatePhrase e) {
            throw new ApiError(409, e.getMessage());
        }
        done(ctx, "/console/admin", "phrase");
    }

    private void removePhrase(Context ctx, Console.Visitor v) {
        if (!desk.guardTeacher().removePhrase(v.user().actor(), Requests.id(ctx))) {
            throw new org.redress.app.store.NotFoundException("there is no added phrase " + Requests.id(ctx));
        }
        done(ctx, "/console/admin", "phrase-removed");
    }

    /** A new password for a user who lost theirs (the desk's rules for a password apply; the change is audited). */
    private void resetPassword(Context ctx, Console.Visitor v) {
        desk.staff().passwd(v.user().actor(), ctx.pathParam("username"), required(ctx, "password"));
        done(ctx, "/console/admin", "password");
    }

    /** A customer's personal data erased at their request, by the number of their customer record and a reason. */
    private void eraseCustomer(Context ctx, Console.Visitor v) {
        String id = required(ctx, "customer").replaceFirst("^#", "");
        if (!id.matches("\\d{1,18}")) {
            throw new IllegalArgumentException("customer: the number of the customer record, got '" + id + "'");
        }
        if (!"yes".equals(ctx.formParam("confirm"))) {
            throw new IllegalArgumentException("confirm: erasing cannot be undone; tick the box to say so");
        }
        desk.customers().erase(Long.parseLong(id), v.user().actor(), required(ctx, "reason"));
        done(ctx, "/console/admin", "erased");
    }

    private void setActive(Context ctx, Console.Visitor v) {
        String username = ctx.pathParam("username");
        boolean active = "true".equals(ctx.formParam("active"));
        if (!active && username.equals(v.user().username())) {
            throw new IllegalArgumentException("an admin cannot deactivate themselves: another admin must");
        }
        desk.staff().setActive(v.user().actor(), username, active);
        done(ctx, "/console/admin", active ? "reactivated" : "deactivated");
    }
}
