package org.redress.app.store;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * The agents' queue: open complaints, most urgent first (priority, then resolution deadline), with filters; with a search,
 * every complaint its words or its customer's find ({@link SearchIndex}).
 */
public final class Queue {

    /** One line of the queue. */
    public record Item(long number, String subject, String priority, String status, String team, String owner,
                       OffsetDateTime dueAt) {
    }

    /**
     * Which open complaints to show; empty filters show all.
     *
     * @param dueBefore only complaints whose resolution deadline falls before this time (breaching soon, or already)
     * @param incident  only complaints linked to this incident
     * @param offeredTo only complaints whose transfer to this team waits for its answer
     */
    public record Filter(Optional<String> team, Optional<String> status, boolean unassignedOnly, Optional<String> owner,
                         Optional<String> search, Optional<java.time.Instant> dueBefore, Optional<Long> incident,
                         Optional<String> offeredTo) {
        public static final Filter ALL = new Filter(Optional.empty(), Optional.empty(), false);

        public Filter(Optional<String> team, Optional<String> status, boolean unassignedOnly) {
            this(team, status, unassignedOnly, Optional.empty(), Optional.empty());
        }

        public Filter(Optional<String> team, Optional<String> status, boolean unassignedOnly, Optional<String> owner,
                      Optional<String> search) {
            this(team, status, unassignedOnly, owner, search, Optional.empty(), Optional.empty(), Optional.empty());
        }
    }

    /** Where a complaint sits: its team, its owner, and the team it is offered to (each may be null). */
    public record Place(String team, String owner, String offeredTo) {
    }

    /**
     * Whose complaints an agent may see in a list: their team's, their own, and those offered to their team.
     *
     * @param team the agent's team, or null when they have none (then only their own)
     */
    public record Reach(String team, String user) {
    }

    private final Database database;

    public Queue(Database database) {
        this.database = database;
    }

    /** Where the complaint sits; empty when there is none with this number. */
    public Optional<Place> place(long number) {
        return database.jdbi().withHandle(h -> h.createQuery("select team, owner, transfer_team from complaint where number = :n")
                .bind("n", number).map((rs, ctx) -> new Place(rs.getString("team"), rs.getString("owner"), rs.getString("transfer_team")))
                .findOne());
    }

    /** The complaint an attachment or a promise belongs to ({@code what}: "attachment" or "promise"). */
    public Optional<Long> complaintOf(String what, long id) {
        String table = switch (what) {
            case "attachment" -> "attachment";
            case "promise" -> "promise";
            default -> throw new IllegalArgumentException("no complaint lookup for " + what);
        };
        return database.jdbi().withHandle(h -> h.createQuery("select complaint_number from " + table + " where id = :id")
                .bind("id", id).mapTo(Long.class).findOne());
    }

    /** Every team a complaint sits in now. */
    public java.util.Set<String> teamsInUse() {
        return database.jdbi().withHandle(h -> new java.util.TreeSet<>(h.createQuery("select distinct team from complaint "
                + "where team is not null").mapTo(String.class).list()));
    }

    /** The open complaints within an agent's reach, as {@link #top}. */
    public List<Item> top(Filter filter, int limit, Optional<Reach> reach) {
        return list(filter, limit, 0, reach);
    }

    public List<Item> top(Filter filter, int limit) {
        return list(filter, limit, 0, Optional.empty());
    }

    /** One page of the open complaints within reach: {@code size} of them after the first {@code offset}. */
    public List<Item> page(Filter filter, int size, int offset, Optional<Reach> reach) {
        return list(filter, size, offset, reach);
    }

    /** A search counts its complaints up to this many, and says "more" past it. */
    public static final int SEARCH_COUNTED = 1_000;

    /**
     * How many open complaints within reach the filter finds, for the page's total and its tabs' counts; with a search, at
     * most {@link #SEARCH_COUNTED} + 1 (a surname or a common word can find a twentieth of a million complaints, and
     * counting every one of them costs PostgreSQL a visit to each, where the first page needs fifty).
     */
    public long count(Filter filter, Optional<Reach> reach) {
        StringBuilder sql = new StringBuilder(filter.search().isPresent() ? "select count(*) from (select 1 from complaint"
                : "select count(*) from complaint");
        where(sql, filter, reach, database.isPostgres());
        if (filter.search().isPresent()) {
            sql.append(" limit ").append(SEARCH_COUNTED + 1).append(") counted");
        }
        return database.jdbi().withHandle(h -> {
            var query = h.createQuery(sql.toString());
            bind(query, filter, reach, database.isPostgres());
            return query.mapTo(Long.class).one();
        });
    }

    private List<Item> list(Filter filter, int limit, int offset, Optional<Reach> reach) {
        StringBuilder sql = new StringBuilder("select number, subject, priority, status, team, owner, due_at from complaint");
        where(sql, filter, reach, database.isPostgres());
        // what a search finds may be closed: newest first, which the database can read off the index of numbers
        sql.append(filter.search().isPresent() ? " order by number desc" : " order by priority, due_at, number");
        sql.append(" limit :limit offset :offset");
        return database.jdbi().withHandle(h -> {
            var query = h.createQuery(sql.toString()).bind("limit", limit).bind("offset", offset);
            bind(query, filter, reach, database.isPostgres());
            return query.map((rs, ctx) -> new Item(rs.getLong("number"), rs.getString("subject"), rs.getString("priority"),
                    rs.getString("status"), rs.getString("team"), rs.getString("owner"),
                    rs.getObject("due_at", OffsetDateTime.class))).list();
        });
    }

    private static void where(StringBuilder sql, Filter filter, Optional<Reach> reach, boolean postgres) {
        // the queue is the open complaints; a search looks in every complaint, since a customer's history matters
        sql.append(filter.search().isPresent() ? " where true" : " where open = true");
        filter.team().ifPresent(t -> sql.append(" and team = :team"));
        filter.status().ifPresent(s -> sql.append(" and status = :status"));
        if (filter.unassignedOnly()) {
            sql.append(" and owner is null");
        }
        filter.owner().ifPresent(o -> sql.append(" and owner = :owner"));
        // the complaint's number ("#1042" or "1042"), or its words and its customer's (SearchIndex)
        filter.search().ifPresent(q -> sql.append(" and ").append(SearchIndex.condition(postgres, q)));
        filter.dueBefore().ifPresent(d -> sql.append(" and due_at < :dueBefore"));
        filter.incident().ifPresent(i -> sql.append(" and number in (select complaint_number from incident_link where incident_id = :incident)"));
        filter.offeredTo().ifPresent(t -> sql.append(" and transfer_team = :offeredTo"));
        reach.ifPresent(r -> sql.append(r.team() == null ? " and owner = :reachUser"
                : " and (team = :reachTeam or owner = :reachUser or transfer_team = :reachTeam)"));
    }

    private static void bind(org.jdbi.v3.core.statement.Query query, Filter filter, Optional<Reach> reach, boolean postgres) {
        filter.team().ifPresent(t -> query.bind("team", t));
        filter.status().ifPresent(s -> query.bind("status", s));
        filter.owner().ifPresent(o -> query.bind("owner", o));
        filter.dueBefore().ifPresent(d -> query.bind("dueBefore", Complaints.at(d)));
        filter.incident().ifPresent(i -> query.bind("incident", i));
        filter.offeredTo().ifPresent(t -> query.bind("offeredTo", t));
        reach.ifPresent(r -> {
            query.bind("reachUser", r.user());
            if (r.team() != null) {
                query.bind("reachTeam", r.team());
            }
        });
        filter.search().ifPresent(q -> SearchIndex.bind(query, postgres, q));
    }
}
