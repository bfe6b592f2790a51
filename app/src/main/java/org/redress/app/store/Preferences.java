package org.redress.app.store;

import java.util.Optional;

/**
 * What each user chose and expects to find again (table {@code user_preference}): kept in the database, so it follows
 * them to another browser and another node of the desk.
 */
public final class Preferences {

    /** The longest value kept; a longer one is not remembered rather than cut. */
    public static final int LONGEST = 2000;

    private final Database database;

    public Preferences(Database database) {
        this.database = database;
    }

    public Optional<String> get(String username, String name) {
        return database.jdbi().withHandle(h -> h.createQuery("select chosen from user_preference where username = :u and name = :n")
                .bind("u", username).bind("n", name).mapTo(String.class).findOne());
    }

    /** Remembers a value, or forgets it when the value is empty; a value longer than {@link #LONGEST} is not kept. */
    public void put(String username, String name, String value) {
        if (value != null && value.length() > LONGEST) {
            return;
        }
        database.jdbi().useTransaction(h -> {
            h.createUpdate("delete from user_preference where username = :u and name = :n").bind("u", username).bind("n", name).execute();
            if (value != null && !value.isEmpty()) {
                h.createUpdate("insert into user_preference (username, name, chosen) values (:u, :n, :v)")
                        .bind("u", username).bind("n", name).bind("v", value).execute();
            }
        });
    }
}
