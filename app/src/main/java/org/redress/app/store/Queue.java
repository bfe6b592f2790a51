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
                         Optional<String> offeredTo, Narrowing narrowing) {
        public static final Filter ALL = new Filter(Optional.empty(), Optional.empty(), false);

        public Filter(Optional<String> team, Optional<String> status, boolean unassignedOnly, Optional<String> owner,
                      Optional<String> search, Optional<java.time.Instant> dueBefore, Optional<Long> incident,
                      Optional<String> offeredTo) {
            this(team, status, unassignedOnly, owner, search, dueBefore, incident, offeredTo, Narrowing.NONE);
        }

        public Filter(Optional<String> team, Optional<String> status, boolean unassignedOnly) {
            this(team, status, unassignedOnly, Optional.empty(), Optional.empty());
        }

        public Filter(Optional<String> team, Optional<String> status, boolean unassignedOnly, Optional<String> owner,
                      Optional<String> search) {
            this(team, status, unassignedOnly, owner, search, Optional.empty(), Optional.empty(), Optional.empty());
        }
    }

    /** How a list is sorted. */
    public enum Sort {
        /** Most urgent first: priority, then the resolution deadline (the queue's own order). */
        URGENCY("priority, due_at, number"),
        /** The nearest resolution deadline first. */
        DEADLINE("due_at, number"),
        NEWEST("number desc"),
        OLDEST("number"),
        /** The most recently changed first. */
        UPDATED("updated_at desc, number desc");

        private final String orderBy;

        Sort(String orderBy) {
            this.orderBy = orderBy;
        }
    }

    /** Which clocks a complaint must have in a state: breached, or in warning and still running. */
    public enum ClockState { BREACHED, WARNING }

    /**
     * What an agent narrows a view down by, each empty for any, and how it is sorted (a search without a chosen sort
     * lists newest first).
     *
     * @param clock  complaints with a clock in this state, of {@code metric} when given, else of any metric
     * @param metric an SLA metric's name (ACKNOWLEDGEMENT, FIRST_RESPONSE, NEXT_UPDATE, RESOLUTION)
     */
    public record Narrowing(Optional<String> priority, Optional<String> channel, Optional<String> category,
                            Optional<String> language, Optional<ClockState> clock, Optional<String> metric, Optional<Sort> sort) {
        public static final Narrowing NONE = new Narrowing(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** The channels, categories and languages of the open complaints, for the queue's narrowing lists. */
    public record InUse(java.util.SortedSet<String> channels, java.util.SortedSet<String> categories, java.util.SortedSet<String> languages) {
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

    /**
     * What searches found in the last {@link #FOUND_FOR_NANOS}: a page asks for its total and its rows with one search,
     * which the index then answers once. A complaint written meanwhile shows on the next search.
     */
    private final java.util.Map<String, Found> recentlyFound = new java.util.concurrent.ConcurrentHashMap<>();
    private static final long FOUND_FOR_NANOS = 2_000_000_000L;

    /** How many changes waiting for the index a search indexes before it asks. */
    private static final int SEARCH_CATCH_UP = 2_000;

    private record Found(List<Long> numbers, long at) {
    }

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

    /** How many open complaints have their clock of one metric breached, and how many in warning and still running. */
    public record ClockCount(String metric, long breached, long warning) {
    }

    /** Per SLA metric, the open complaints whose clock is breached or in warning: the supervisor's list of breaches. */
    public List<ClockCount> clockCounts() {
        return database.jdbi().withHandle(h -> h.createQuery("select s.metric, "
                        + "sum(case when s.breached then 1 else 0 end) as breached, "
                        + "sum(case when s.warned and not s.breached and s.stopped_at is null then 1 else 0 end) as warning "
                        + "from sla_clock s join complaint c on c.number = s.complaint_number "
                        + "where c.open = true and s.current_clock = true group by s.metric order by s.metric")
                .map((rs, ctx) -> new ClockCount(rs.getString("metric"), rs.getLong("breached"), rs.getLong("warning"))).list());
    }

    /** What the open complaints come through, are about and are written in. */
    public InUse inUse() {
        InUse in = new InUse(new java.util.TreeSet<>(), new java.util.TreeSet<>(), new java.util.TreeSet<>());
        database.jdbi().useHandle(h -> h.createQuery("select distinct channel, category, language from complaint where open = true")
                .map((rs, ctx) -> {
                    in.channels().add(rs.getString("channel"));
                    in.categories().add(rs.getString("category"));
                    if (rs.getString("language") != null) {
                        in.languages().add(rs.getString("language"));
                    }
                    return 0;
                }).list());
        return in;
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
        indexWaiting(filter);
        return database.jdbi().withHandle(h -> {
            Optional<List<Long>> found = found(h, filter);
            if (filter.search().isPresent() && found.isEmpty() && reach.isEmpty() && filter.equals(searchOnly(filter))) {
                return (long) SEARCH_COUNTED + 1; // the search alone found more than it counts: nothing narrows it further
            }
            StringBuilder sql = new StringBuilder(filter.search().isPresent() ? "select count(*) from (select 1 from complaint"
                    : "select count(*) from complaint");
            where(sql, filter, reach, database.isPostgres(), found);
            if (filter.search().isPresent()) {
                sql.append(" limit ").append(SEARCH_COUNTED + 1).append(") counted");
            }
            var query = h.createQuery(sql.toString());
            bind(query, filter, reach, database.isPostgres(), found);
            return query.mapTo(Long.class).one();
        });
    }

    private List<Item> list(Filter filter, int limit, int offset, Optional<Reach> reach) {
        indexWaiting(filter);
        return database.jdbi().withHandle(h -> {
            Optional<List<Long>> found = found(h, filter);
            StringBuilder sql = new StringBuilder("select number, subject, priority, status, team, owner, due_at from complaint");
            where(sql, filter, reach, database.isPostgres(), found);
            // what a search finds may be closed: newest first unless asked otherwise, which the database reads off the index of numbers
            Sort sort = filter.narrowing().sort().orElse(filter.search().isPresent() ? Sort.NEWEST : Sort.URGENCY);
            sql.append(" order by ").append(sort.orderBy);
            sql.append(" limit :limit offset :offset");
            var query = h.createQuery(sql.toString()).bind("limit", limit).bind("offset", offset);
            bind(query, filter, reach, database.isPostgres(), found);
            return query.map((rs, ctx) -> new Item(rs.getLong("number"), rs.getString("subject"), rs.getString("priority"),
                    rs.getString("status"), rs.getString("team"), rs.getString("owner"),
                    rs.getObject("due_at", OffsetDateTime.class))).list();
        });
    }

    /**
     * Before a search, what intake stored a moment ago is indexed so that it is found: the words still waiting first
     * (a bounded number, so that a search during a large import answers; the search job takes the rest within seconds).
     */
    private void indexWaiting(Filter filter) {
        if (filter.search().isPresent() && database.indexPending(SEARCH_CATCH_UP) > 0) {
            recentlyFound.clear();
        }
    }

    /** The filter with its search only (and its sort, which counts nothing). */
    private static Filter searchOnly(Filter filter) {
        return new Filter(Optional.empty(), Optional.empty(), false, Optional.empty(), filter.search(), Optional.empty(), Optional.empty(),
                Optional.empty(), new Narrowing(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), filter.narrowing().sort()));
    }

    /**
     * What a search finds, by number, when it finds at most {@link #SEARCH_COUNTED}; empty without a search or when it
     * finds more (then the list asks the index itself, newest first, and stops at a page).
     */
    private Optional<List<Long>> found(org.jdbi.v3.core.Handle h, Filter filter) {
        if (filter.search().isEmpty()) {
            return Optional.empty();
        }
        String q = filter.search().get();
        long now = System.nanoTime();
        Found recent = recentlyFound.get(q);
        List<Long> found;
        if (recent != null && now - recent.at() < FOUND_FOR_NANOS) {
            found = recent.numbers();
        } else {
            found = SearchIndex.find(h, database.isPostgres(), q, SEARCH_COUNTED + 1);
            if (recentlyFound.size() > 100) {
                recentlyFound.clear();
            }
            recentlyFound.put(q, new Found(found, now));
        }
        return found.size() > SEARCH_COUNTED ? Optional.empty() : Optional.of(found);
    }

    private static void where(StringBuilder sql, Filter filter, Optional<Reach> reach, boolean postgres, Optional<List<Long>> found) {
        // the queue is the open complaints; a search looks in every complaint, since a customer's history matters
        sql.append(filter.search().isPresent() ? " where true" : " where open = true");
        filter.team().ifPresent(t -> sql.append(" and team = :team"));
        filter.status().ifPresent(s -> sql.append(" and status = :status"));
        if (filter.unassignedOnly()) {
            sql.append(" and owner is null");
        }
        filter.owner().ifPresent(o -> sql.append(" and owner = :owner"));
        // the complaint's number ("#1042" or "1042"), or its words and its customer's (SearchIndex)
        if (found.isPresent()) {
            sql.append(found.get().isEmpty() ? " and false" : " and number in (<found>)");
        } else {
            filter.search().ifPresent(q -> sql.append(" and ").append(SearchIndex.condition(postgres, q)));
        }
        filter.dueBefore().ifPresent(d -> sql.append(" and due_at < :dueBefore"));
        filter.incident().ifPresent(i -> sql.append(" and number in (select complaint_number from incident_link where incident_id = :incident)"));
        filter.offeredTo().ifPresent(t -> sql.append(" and transfer_team = :offeredTo"));
        Narrowing n = filter.narrowing();
        n.priority().ifPresent(p -> sql.append(" and priority = :nPriority"));
        n.channel().ifPresent(c -> sql.append(" and channel = :nChannel"));
        n.category().ifPresent(c -> sql.append(" and category = :nCategory"));
        n.language().ifPresent(l -> sql.append(" and language = :nLanguage"));
        n.clock().ifPresent(state -> sql.append(" and number in (select complaint_number from sla_clock where current_clock = true and ")
                .append(state == ClockState.BREACHED ? "breached = true" : "warned = true and breached = false and stopped_at is null")
                .append(n.metric().isPresent() ? " and metric = :nMetric" : "").append(")"));
        reach.ifPresent(r -> sql.append(r.team() == null ? " and owner = :reachUser"
                : " and (team = :reachTeam or owner = :reachUser or transfer_team = :reachTeam)"));
    }

    private static void bind(org.jdbi.v3.core.statement.Query query, Filter filter, Optional<Reach> reach, boolean postgres,
                             Optional<List<Long>> found) {
        filter.team().ifPresent(t -> query.bind("team", t));
        filter.status().ifPresent(s -> query.bind("status", s));
        filter.owner().ifPresent(o -> query.bind("owner", o));
        filter.dueBefore().ifPresent(d -> query.bind("dueBefore", Complaints.at(d)));
        filter.incident().ifPresent(i -> query.bind("incident", i));
        filter.offeredTo().ifPresent(t -> query.bind("offeredTo", t));
        Narrowing n = filter.narrowing();
        n.priority().ifPresent(p -> query.bind("nPriority", p));
        n.channel().ifPresent(c -> query.bind("nChannel", c));
        n.category().ifPresent(c -> query.bind("nCategory", c));
        n.language().ifPresent(l -> query.bind("nLanguage", l));
        if (n.clock().isPresent()) {
            n.metric().ifPresent(m -> query.bind("nMetric", m));
        }
        reach.ifPresent(r -> {
            query.bind("reachUser", r.user());
            if (r.team() != null) {
                query.bind("reachTeam", r.team());
            }
        });
        if (found.isPresent()) {
            if (!found.get().isEmpty()) {
                query.bindList("found", found.get());
            }
        } else {
            filter.search().ifPresent(q -> SearchIndex.bind(query, postgres, q));
        }
    }
}
