package org.redress.app.store;

import static org.redress.app.store.Complaints.at;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import org.jdbi.v3.core.Handle;
import org.redress.core.report.Rate;

/**
 * The satisfaction question sent with a decision: one per complaint, answered once through a secret link, a score
 * from 1 to 5 and an optional comment. Scores of 4 and 5 count as satisfied in the reports.
 */
public final class Satisfaction {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Database database;
    private final Clock clock;

    public Satisfaction(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /**
     * Asks once per complaint, in the caller's transaction.
     *
     * @return the secret token of the answer link, or null when the question was asked before
     */
    public String ask(Tx tx, long complaint) {
        Handle h = tx.handle;
        byte[] b = new byte[24];
        RANDOM.nextBytes(b);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
        int n = h.createUpdate("insert into satisfaction (complaint_number, token_hash, asked_at) values (:n, :hash, :now) on conflict do nothing")
                .bind("n", complaint).bind("hash", Users.sha256(token)).bind("now", at(clock.instant())).execute();
        return n == 1 ? token : null;
    }

    /**
     * Records the customer's answer.
     *
     * @throws NotFoundException     when the link is not valid
     * @throws IllegalStateException when it was answered already
     */
    public long answer(String token, int score, String comment) {
        if (score < 1 || score > 5) {
            throw new IllegalArgumentException("score: from 1 (very unhappy) to 5 (very happy), got " + score);
        }
        return database.jdbi().inTransaction(h -> {
            Long complaint = h.createQuery("select complaint_number from satisfaction where token_hash = :hash").bind("hash", Users.sha256(token))
                    .mapTo(Long.class).findOne().orElseThrow(() -> new NotFoundException("this satisfaction link is not valid"));
            int n = h.createUpdate("update satisfaction set score = :score, comment = :comment, answered_at = :now "
                            + "where complaint_number = :n and score is null")
                    .bind("score", score).bind("comment", comment == null ? null : comment.length() > 2000 ? comment.substring(0, 2000) : comment)
                    .bind("now", at(clock.instant())).bind("n", complaint).execute();
            if (n == 0) {
                throw new IllegalStateException("this question was answered already; thank you");
            }
            return complaint;
        });
    }

    /** Satisfied answers (4 or 5) of all answers. */
    public Rate rate() {
        return database.jdbi().withHandle(h -> h.createQuery("select count(case when score >= 4 then 1 end) as hits, count(score) as total "
                + "from satisfaction").map((rs, ctx) -> new Rate(rs.getLong("hits"), rs.getLong("total"))).one());
    }
}
