package org.redress.app.store;

import static org.redress.app.store.Complaints.at;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/** The desk's labels of the reply guard's work, and the phrases its admins added to the guard's rules. */
public final class GuardTeaching {

    /**
     * One label: what a person says the guard should have done with a reply.
     *
     * @param verdict {@code wrong} (a finding that should not be), {@code missed} (a code it should have found),
     *                {@code right} (a finding confirmed)
     * @param evidence the words that show a missed code, as the labeller marked them; empty for the other verdicts
     */
    public record Label(long id, long complaint, String language, String code, String verdict, String text, String evidence,
                        String by, java.time.Instant at) {
    }

    /** A phrase an admin added to a rule; {@code fromLabel} is the labelled miss it was accepted from, if any. */
    public record Phrase(long id, String language, String code, String text, String by, java.time.Instant at, Optional<Long> fromLabel) {
    }

    /** The same phrase is already in the rule. */
    public static final class DuplicatePhrase extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DuplicatePhrase(String language, String code, String text) {
            super("the phrase '" + text + "' is already in " + code + " for " + language, null, false, false);
        }
    }

    private final Database database;
    private final Clock clock;

    public GuardTeaching(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    public Label label(long complaint, String language, String code, String verdict, String text, String evidence, String by) {
        java.time.Instant now = clock.instant();
        long id = database.jdbi().withHandle(h -> h.createUpdate("insert into guard_label (complaint_number, language, code, verdict, "
                        + "text, evidence, labelled_by, labelled_at) values (:complaint, :language, :code, :verdict, :text, :evidence, :by, :now)")
                .bind("complaint", complaint).bind("language", language).bind("code", code).bind("verdict", verdict)
                .bind("text", text).bind("evidence", evidence).bind("by", by).bind("now", at(now))
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
        return new Label(id, complaint, language, code, verdict, text, evidence, by, now);
    }

    public List<Label> labels() {
        return database.jdbi().withHandle(h -> h.createQuery("select * from guard_label order by id").map(GuardTeaching::label).list());
    }

    public Optional<Label> label(long id) {
        return database.jdbi().withHandle(h -> h.createQuery("select * from guard_label where id = :id").bind("id", id)
                .map(GuardTeaching::label).findOne());
    }

    private static Label label(java.sql.ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx) throws java.sql.SQLException {
        return new Label(rs.getLong("id"), rs.getLong("complaint_number"), rs.getString("language"), rs.getString("code"),
                rs.getString("verdict"), rs.getString("text"), rs.getString("evidence"), rs.getString("labelled_by"),
                rs.getObject("labelled_at", java.time.OffsetDateTime.class).toInstant());
    }

    public Phrase addPhrase(String language, String code, String text, String by, Optional<Long> fromLabel) {
        java.time.Instant now = clock.instant();
        try {
            long id = database.jdbi().withHandle(h -> h.createUpdate("insert into guard_phrase (language, code, text, added_by, added_at, "
                            + "from_label) values (:language, :code, :text, :by, :now, :label)")
                    .bind("language", language).bind("code", code).bind("text", text).bind("by", by).bind("now", at(now))
                    .bind("label", fromLabel.orElse(null)).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
            return new Phrase(id, language, code, text, by, now, fromLabel);
        } catch (UnableToExecuteStatementException e) {
            if (phrases().stream().anyMatch(p -> p.language().equals(language) && p.code().equals(code) && p.text().equals(text))) {
                throw new DuplicatePhrase(language, code, text);
            }
            throw e;
        }
    }

    /** Removes a phrase; false when there was none with that id. */
    public boolean removePhrase(long id) {
        return database.jdbi().withHandle(h -> h.createUpdate("delete from guard_phrase where id = :id").bind("id", id).execute()) > 0;
    }

    public List<Phrase> phrases() {
        return database.jdbi().withHandle(h -> h.createQuery("select * from guard_phrase order by language, code, id")
                .map((rs, ctx) -> new Phrase(rs.getLong("id"), rs.getString("language"), rs.getString("code"), rs.getString("text"),
                        rs.getString("added_by"), rs.getObject("added_at", java.time.OffsetDateTime.class).toInstant(),
                        Optional.ofNullable((Long) rs.getObject("from_label", Long.class)))).list());
    }
}
