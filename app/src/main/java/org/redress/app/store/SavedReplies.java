package org.redress.app.store;

import static org.redress.app.store.Complaints.at;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.redress.core.guard.ReplyGuard;
import org.redress.core.staff.Actor;

/**
 * Saved replies per category and language. The reply guard checks each one when it is saved, so a template
 * never teaches agents what the guard would block ("I don't know", blame, no ETA).
 */
public final class SavedReplies {

    /** A saved reply. */
    public record Saved(long id, String category, String language, String title, String text, String createdBy) {
    }

    /** Refused by the guard: its findings. */
    public static final class Refused extends RuntimeException {
        private final transient ReplyGuard.Result check;

        Refused(ReplyGuard.Result check) {
            super("the reply guard blocks this saved reply: fix its findings first", null, false, false);
            this.check = check;
        }

        public ReplyGuard.Result check() {
            return check;
        }
    }

    private final Database database;
    private final ReplyGuard guard;
    private final Clock clock;

    public SavedReplies(Database database, ReplyGuard guard, Clock clock) {
        this.database = database;
        this.guard = guard;
        this.clock = clock;
    }

    public Saved save(String category, String language, String title, String text, Actor by) {
        if (!ReplyGuard.LANGUAGES.contains(language)) {
            throw new IllegalArgumentException("language: one of " + ReplyGuard.LANGUAGES + ", got '" + language + "'");
        }
        ReplyGuard.Result check = guard.check(text, language, new ReplyGuard.Context(true, false, false, clock.instant()));
        if (check.blocked()) {
            throw new Refused(check);
        }
        long id = database.jdbi().withHandle(h -> h.createUpdate("insert into saved_reply (category, language, title, text, created_by, created_at) "
                        + "values (:category, :language, :title, :text, :by, :now)")
                .bind("category", category).bind("language", language).bind("title", title).bind("text", text).bind("by", by.id())
                .bind("now", at(clock.instant())).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
        return new Saved(id, category, language, title, text, by.id());
    }

    public List<Saved> find(Optional<String> category, Optional<String> language) {
        return database.jdbi().withHandle(h -> h.createQuery("select * from saved_reply where (:category is null or category = :category) "
                        + "and (:language is null or language = :language) order by category, language, title")
                .bind("category", category.orElse(null)).bind("language", language.orElse(null))
                .map((rs, ctx) -> new Saved(rs.getLong("id"), rs.getString("category"), rs.getString("language"), rs.getString("title"),
                        rs.getString("text"), rs.getString("created_by"))).list());
    }

    /** Removes a saved reply; false when there was none with this id. */
    public boolean remove(long id) {
        return database.jdbi().withHandle(h -> h.createUpdate("delete from saved_reply where id = :id").bind("id", id).execute()) > 0;
    }
}
