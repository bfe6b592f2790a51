package org.redress.app.web.violation;

import org.redress.app.store.Database;

/** Writes SQL outside the stores on purpose (see AppLayersBiteTest). */
public final class WebUsingJdbi {
    public int count(Database db) {
        return db.jdbi().withHandle(h -> h.createQuery("select count(*) from complaint").mapTo(Integer.class).one());
    }
}
