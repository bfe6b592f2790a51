package org.redress.app.store;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Leases in the database, so that several nodes on one PostgreSQL share work without doing any of it twice:
 * a node holds a lease by name until it expires, renews it while it works, and another node takes it over
 * only after it expired. Every change is one conditional statement, so two nodes racing for a free lease
 * cannot both win.
 */
public final class Leases {

    private final Database database;
    private final Clock clock;

    public Leases(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /**
     * Takes or renews the lease for {@code ttl} when it is free, expired, or already this holder's.
     *
     * @return whether {@code holder} now holds it
     */
    public boolean acquire(String name, String holder, Duration ttl) {
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        OffsetDateTime until = now.plus(ttl);
        return database.jdbi().inTransaction(h -> {
            int taken = h.createUpdate("update lease set holder = :holder, expires_at = :until, "
                            + "acquired_at = case when holder = :holder then acquired_at else :now end "
                            + "where name = :name and (holder = :holder or expires_at < :now)")
                    .bind("holder", holder).bind("until", until).bind("now", now).bind("name", name).execute();
            if (taken == 1) {
                return true;
            }
            int created = h.createUpdate("insert into lease (name, holder, acquired_at, expires_at) values (:name, :holder, :now, :until) "
                            + "on conflict do nothing")
                    .bind("name", name).bind("holder", holder).bind("now", now).bind("until", until).execute();
            return created == 1;
        });
    }

    /** Gives the lease up at once, if this holder has it, so another node need not wait for it to expire. */
    public void release(String name, String holder) {
        database.jdbi().useHandle(h -> h.createUpdate("delete from lease where name = :name and holder = :holder")
                .bind("name", name).bind("holder", holder).execute());
    }

    /** Who holds the lease now, if anyone does and it has not expired. */
    public Optional<String> holder(String name) {
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        return database.jdbi().withHandle(h -> h.createQuery("select holder from lease where name = :name and expires_at >= :now")
                .bind("name", name).bind("now", now).mapTo(String.class).findOne());
    }
}
