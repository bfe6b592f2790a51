package org.redress.app.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.redress.app.store.Leases;

/**
 * Runs the desk's jobs on a timer. On several nodes sharing one database each run takes the job's lease first,
 * so one node runs a job at a time; a node that dies leaves its lease to expire and another node's timer takes
 * the job on. A failing run is reported and tried again next time; it never stops the other jobs.
 */
public final class Scheduler implements AutoCloseable {

    /** How a job's last run went, for the channels and jobs page. */
    public record LastRun(Instant at, int acted, String error) {
    }

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Scheduler.class);

    private final List<Job> jobs;
    private final Leases leases;
    private final String node;
    private final Clock clock;
    private final Map<String, LastRun> lastRuns = new ConcurrentHashMap<>();
    /** When this node last took or renewed each job's lease (System.nanoTime). */
    private final Map<String, Long> renewedAt = new ConcurrentHashMap<>();
    private ScheduledExecutorService timer;

    public Scheduler(List<Job> jobs, Leases leases, String node, Clock clock) {
        this.jobs = List.copyOf(jobs);
        this.leases = leases;
        this.node = node;
        this.clock = clock;
    }

    /** Starts every job on its own period. */
    public synchronized void start() {
        if (timer != null) {
            return;
        }
        timer = Executors.newScheduledThreadPool(1, r -> {
            Thread t = new Thread(r, "redress-scheduler");
            t.setDaemon(true);
            return t;
        });
        for (Job job : jobs) {
            long period = job.every().toMillis();
            timer.scheduleWithFixedDelay(() -> runIfHeld(job), Math.min(period, 1_000), period, TimeUnit.MILLISECONDS);
        }
    }

    /** Runs every job once, where this node gets its lease (what the timer does, for tests and the CLI). */
    public int runAll() {
        int acted = 0;
        for (Job job : jobs) {
            acted += runIfHeld(job);
        }
        return acted;
    }

    /** Runs one job if this node gets its lease; returns how much it did (0 without the lease). */
    public int runIfHeld(Job job) {
        String lease = "job:" + job.name();
        // held for several periods and renewed once more than a period has passed, so an idle desk renews it every
        // other run rather than every run, and a slow run is not taken over half-way
        Duration ttl = job.every().multipliedBy(4).plusSeconds(30);
        try {
            Long renewed = renewedAt.get(job.name());
            long now = System.nanoTime();
            boolean fresh = renewed != null && now - renewed < job.every().plusSeconds(5).toNanos();
            if (!fresh) {
                if (!leases.acquire(lease, node, ttl)) {
                    renewedAt.remove(job.name());
                    return 0;
                }
                renewedAt.put(job.name(), now);
            }
            int acted = job.run(clock.instant());
            lastRuns.put(job.name(), new LastRun(clock.instant(), acted, null));
            return acted;
        } catch (RuntimeException e) {
            String why = org.redress.app.store.DatabaseErrors.describe(e).orElse(String.valueOf(e.getMessage()));
            lastRuns.put(job.name(), new LastRun(clock.instant(), 0, why));
            LOG.warn("job {} failed on {}: {}", job.name(), node, why);
            return 0;
        }
    }

    public Map<String, LastRun> lastRuns() {
        return Map.copyOf(lastRuns);
    }

    public List<Job> jobs() {
        return jobs;
    }

    /** Stops the timer and gives this node's job leases up. */
    @Override
    public synchronized void close() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
        renewedAt.clear();
        for (Job job : jobs) {
            try {
                leases.release("job:" + job.name(), node);
            } catch (RuntimeException e) {
                // the database is gone: the leases expire by themselves
            }
        }
    }
}
