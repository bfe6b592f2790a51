package org.redress.app.schedule;

import java.time.Duration;
import java.time.Instant;
import org.redress.app.store.Database;

/**
 * Puts the words of complaints stored or changed since the last run into the search index: intake leaves them waiting
 * ({@code search_pending}) so that storing a message does not wait for its fifty-odd words. A search indexes what is
 * waiting before it asks; this job keeps the wait short when nobody searches.
 */
public final class SearchJob implements Job {

    private final Database database;
    private final Duration every;
    private final int most;

    /** @param most how many waiting changes one run takes at most, so that a large import is indexed a slice at a time */
    public SearchJob(Database database, Duration every, int most) {
        this.database = database;
        this.every = every;
        this.most = most;
    }

    @Override
    public String name() {
        return "search";
    }

    @Override
    public Duration every() {
        return every;
    }

    @Override
    public int run(Instant now) {
        return database.indexPending(most);
    }
}
