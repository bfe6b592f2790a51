package org.redress.app.web;

import static org.redress.app.web.Console.done;
import static org.redress.app.web.Console.required;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.redress.app.desk.Desk;
import org.redress.app.store.NotFoundException;
import org.redress.app.store.SavedReplies;
import org.redress.app.web.console.Views;
import org.redress.core.guard.ReplyGuard;

/**
 * Saved replies, kept by supervisors: the list by category and language, a form to add one (checked by the reply
 * guard like any reply: one that breaks a rule comes back with its findings and the words as typed), and removal.
 */
final class SavedReplyPages {

    private final Console console;
    private final Desk desk;

    SavedReplyPages(Console console, Desk desk) {
        this.console = console;
        this.desk = desk;
    }

    void register(RoutesConfig routes) {
        console.page(routes, "/console/saved", Access.SUPERVISOR, (ctx, v) -> show(ctx, v, 200, Views.SavedForm.empty()));
        console.form(routes, "/console/saved", Access.SUPERVISOR, this::save);
        console.form(routes, "/console/saved/{id}/remove", Access.SUPERVISOR, this::remove);
    }

    private void show(Context ctx, Console.Visitor v, int status, Views.SavedForm form) {
        List<Views.SavedEntry> lines = desk.savedReplies().find(Optional.empty(), Optional.empty()).stream()
                .map(r -> new Views.SavedEntry(r.id(), r.title(), r.text(), r.category(), r.language(), r.createdBy())).toList();
        console.render(ctx, status, "saved.jte", Map.of("page", console.pageOf(ctx, v.t(), v, "saved"),
                "saved", new Views.SavedReplies(lines, ReplyGuard.LANGUAGES.stream().sorted().toList(), form)));
    }

    private void save(Context ctx, Console.Visitor v) {
        Views.SavedForm typed = new Views.SavedForm(Console.optional(ctx, "category").orElse(""), Console.optional(ctx, "language").orElse(""),
                Console.optional(ctx, "title").orElse(""), Console.optional(ctx, "text").orElse(""), List.of());
        try {
            desk.savedReplies().save(required(ctx, "category").strip(), required(ctx, "language"), required(ctx, "title").strip(),
                    required(ctx, "text"), v.user().actor());
        } catch (SavedReplies.Refused e) {
            show(ctx, v, 422, new Views.SavedForm(typed.category(), typed.language(), typed.title(), typed.text(), e.check().findings()
                    .stream().filter(f -> f.severity() == ReplyGuard.Severity.BLOCK)
                    .map(f -> v.t().code("finding", f.code().name()) + (f.evidence().isEmpty() ? "" : " «" + f.evidence() + "»")).toList()));
            return;
        }
        done(ctx, "/console/saved", "saved-reply");
    }

    private void remove(Context ctx, Console.Visitor v) {
        if (!desk.savedReplies().remove(Requests.id(ctx))) {
            throw new NotFoundException("there is no saved reply " + Requests.id(ctx));
        }
        done(ctx, "/console/saved", "saved-reply-removed");
    }
}
