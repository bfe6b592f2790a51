package org.redress.app.web;

import static org.redress.app.web.Requests.body;
import static org.redress.app.web.Requests.number;
import static org.redress.app.web.Requests.optionalText;
import static org.redress.app.web.Requests.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.util.List;
import java.util.Optional;
import org.redress.app.desk.Desk;
import org.redress.app.desk.GuardTeacher;
import org.redress.app.store.GuardTeaching;

/**
 * The desk teaches the reply guard: agents label its work on a reply, supervisors see its precision and recall over
 * the labels, admins accept labelled misses as phrases or add their own (effective at once, audited).
 */
final class GuardRoutes {

    /** A label as the API shows it. */
    record Label(long id, long complaint, String language, String code, String verdict, String evidence, String by, String at) {
        static Label of(GuardTeaching.Label l) {
            return new Label(l.id(), l.complaint(), l.language(), l.code(), l.verdict(), l.evidence(), l.by(), l.at().toString());
        }
    }

    /** The guard's record for one code over the desk's labels. */
    record Quality(String code, int labels, int truePositives, int falsePositives, int falseNegatives, double precision, double recall) {
        static Quality of(GuardTeacher.Quality q) {
            return new Quality(q.code(), q.labels(), q.truePositives(), q.falsePositives(), q.falseNegatives(), q.precision(), q.recall());
        }
    }

    record QualityReport(List<Quality> codes) {
    }

    record Candidates(List<GuardTeacher.Candidate> candidates) {
    }

    /** An added phrase as the API shows it. */
    record Phrase(long id, String language, String code, String text, String by, String at, Long fromLabel) {
        static Phrase of(GuardTeaching.Phrase p) {
            return new Phrase(p.id(), p.language(), p.code(), p.text(), p.by(), p.at().toString(), p.fromLabel().orElse(null));
        }
    }

    record Phrases(List<Phrase> phrases) {
    }

    private final Desk desk;

    GuardRoutes(Desk desk) {
        this.desk = desk;
    }

    List<Route> routes() {
        return List.of(
                Route.post("/api/complaints/{number}/guard-labels", Access.AGENT, this::label),
                Route.get("/api/guard/quality", Access.SUPERVISOR, ctx -> ctx.json(new QualityReport(
                        desk.guardTeacher().quality().stream().map(Quality::of).toList()))),
                Route.get("/api/guard/candidates", Access.ADMIN, ctx -> ctx.json(new Candidates(desk.guardTeacher().candidates()))),
                Route.get("/api/guard/phrases", Access.ADMIN, ctx -> ctx.json(new Phrases(desk.guardTeacher().phrases().stream()
                        .map(Phrase::of).toList()))),
                Route.post("/api/guard/phrases", Access.ADMIN, this::addPhrase),
                Route.post("/api/guard/phrases/{id}/remove", Access.ADMIN, this::removePhrase));
    }

    private void label(Context ctx) {
        JsonNode body = body(ctx);
        GuardTeaching.Label l = desk.guardTeacher().label(number(ctx), Gate.user(ctx).actor(), text(body, "text"), text(body, "code"),
                text(body, "verdict"), optionalText(body, "evidence").orElse(""), optionalText(body, "language"));
        ctx.status(201).json(Label.of(l));
    }

    private void addPhrase(Context ctx) {
        JsonNode body = body(ctx);
        Optional<Long> label = body.hasNonNull("label") ? Optional.of(body.get("label").asLong()) : Optional.empty();
        try {
            GuardTeaching.Phrase p = desk.guardTeacher().addPhrase(Gate.user(ctx).actor(), text(body, "language"), text(body, "code"),
                    text(body, "text"), label);
            ctx.status(201).json(Phrase.of(p));
        } catch (GuardTeaching.DuplicatePhrase e) {
            throw new ApiError(409, e.getMessage());
        }
    }

    private void removePhrase(Context ctx) {
        long id = Requests.id(ctx);
        if (!desk.guardTeacher().removePhrase(Gate.user(ctx).actor(), id)) {
            throw new ApiError(404, "no added phrase " + id);
        }
        ctx.json(java.util.Map.of("id", id, "removed", true));
    }
}
