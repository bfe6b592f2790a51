package org.redress.app.intake;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.redress.app.store.Leases;
import org.redress.core.channel.Batch;
import org.redress.core.channel.Channel;
import org.redress.core.channel.ChannelException;
import org.redress.core.channel.Checkpoint;
import org.redress.core.channel.ReplyingChannel;
import org.redress.core.intake.InboundStore;
import org.redress.core.intake.IntakeCounts;
import org.redress.core.intake.IntakeRunner;

/**
 * Polls one channel instance on one node, as long as this node holds the instance's lease: several nodes may
 * run a poller for the same instance, and only the lease holder reads; when it dies, its lease expires and
 * another node's poller takes over where the stored checkpoint says. The lease is renewed twice per time-to-live
 * and before every batch is stored, and a poller that lost it stops at once; between rounds the poller
 * waits for the channel's news (IMAP IDLE) or the poll interval, whichever the channel can do; should two ever overlap, the store's dedupe on
 * (instance, external id) and the checkpoint in the same transaction still keep every message once.
 */
public final class ChannelPoller implements Runnable {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ChannelPoller.class);

    private final String instance;
    private final Channel channel;
    private final InboundStore intake;
    private final Outbox outbox;
    private final Leases leases;
    private final String node;
    private final Duration leaseTtl;
    private final Duration idle;
    private final int batchSize;
    private volatile boolean stopped;
    /** One sender at a time per channel instance: the poll's round and a reply sent at once never both send a message. */
    private final Object sending = new Object();
    private volatile String lastError;

    /** Hears what each poll read and sent: the desk's metrics. */
    public interface Observer {
        void polled(String instance, IntakeCounts counts, Duration took);

        void sent(String instance, int delivered, int failed, int retryLater);
    }

    private volatile Observer observer;

    /** Reports each poll and each round of sending to {@code observer} from now on. */
    public void observe(Observer observer) {
        this.observer = observer;
    }

    private void report(Outbox.Sent sent) {
        Observer o = observer;
        if (o != null) {
            o.sent(instance, sent.delivered(), sent.failed(), sent.retryLater());
        }
    }

    /** Why the last message this node tried to send failed, while it does (an SMTP server down, a refused login). */
    private volatile String sendingError;
    /** When this node last took or renewed the lease (System.nanoTime), 0 when it does not hold it. */
    private long renewedAt;
    /**
     * The instance's checkpoint as this node last read or stored it while holding the lease: only the holder moves
     * it, so an idle round need not read it again. Forgotten whenever the lease was not held.
     */
    private Checkpoint known;
    /** When the outbox was last looked at (System.nanoTime); whether it must be looked at in the next round anyway. */
    private long outboxScannedAt;
    private boolean outboxOwed = true;

    public ChannelPoller(String instance, Channel channel, InboundStore intake, Outbox outbox, Leases leases, String node,
                         Duration leaseTtl, Duration idle, int batchSize) {
        this.instance = instance;
        this.channel = channel;
        this.intake = intake;
        this.outbox = outbox;
        this.leases = leases;
        this.node = node;
        this.leaseTtl = leaseTtl;
        this.idle = idle;
        this.batchSize = batchSize;
    }

    /** Keeps why reading failed, and says so in the log when it starts, changes or stops failing. */
    private void reading(String error) {
        logChange(lastError, error, "reading again");
        lastError = error;
    }

    /** Keeps why sending failed, and says so in the log when it starts, changes or stops failing. */
    private void sendingFailed(String error) {
        logChange(sendingError, error, "sending again");
        sendingError = error;
    }

    private void logChange(String before, String after, String recovered) {
        if (java.util.Objects.equals(before, after)) {
            return;
        }
        if (after == null) {
            LOG.info("channel {}: {}", instance, recovered);
        } else {
            LOG.warn("channel {}: {}", instance, after);
        }
    }

    public String leaseName() {
        return "poll:" + instance;
    }

    /**
     * One round: takes or renews the lease, reads until the channel has nothing more, sends what is owed.
     *
     * @return whether this node held the lease (and so did the work)
     */
    public boolean pollOnce() throws ChannelException {
        if (!holdsLease()) {
            return false;
        }
        IntakeCounts counts;
        long started = System.nanoTime();
        try {
            counts = new IntakeRunner(new LeasedStore(), batchSize).drain(instance, channel);
        } catch (LeaseLost e) {
            return false;
        }
        Observer o = observer;
        if (o != null) {
            o.polled(instance, counts, Duration.ofNanos(System.nanoTime() - started));
        }
        // acknowledgements of what was just stored, and retries, are sent this round; a reply written on this node is
        // sent at once (deliverNow); what another node or process queued is found by a look every outboxEvery()
        long now = System.nanoTime();
        if (counts.stored() > 0 || outboxOwed || now - outboxScannedAt >= outboxEvery().toNanos()) {
            if (!(channel instanceof ReplyingChannel replying)) {
                return true; // a channel that only reads is owed nothing: the desk queues no message for it
            }
            synchronized (sending) {
                Outbox.Sent sent = outbox.deliverPending(instance, replying, 100);
                report(sent);
                outboxOwed = sent.retryLater() > 0 || sent.delivered() + sent.failed() + sent.retryLater() >= 100;
                sendingFailed(sent.lastFailure() == null ? null : "sending: " + sent.lastFailure()
                        + (sent.retryLater() > 0 ? " (" + sent.retryLater() + " to try again)" : ""));
            }
            outboxScannedAt = now;
        }
        return true;
    }

    /** Rounds in a row that failed: the pause after each doubles, from poll-every up to five minutes. */
    private int failures;

    /** The pause after the {@code n}th failed round in a row. */
    Duration backoff(int n) {
        Duration cap = Duration.ofMinutes(5).compareTo(idle) > 0 ? Duration.ofMinutes(5) : idle;
        Duration pause = idle;
        for (int i = 1; i < n && pause.compareTo(cap) < 0; i++) {
            pause = pause.multipliedBy(2);
        }
        return pause.compareTo(cap) > 0 ? cap : pause;
    }

    /** How often an idle poller looks for replies queued elsewhere: the lease's time-to-live, within poll-every and a minute. */
    Duration outboxEvery() {
        Duration every = leaseTtl.compareTo(Duration.ofMinutes(1)) > 0 ? Duration.ofMinutes(1) : leaseTtl;
        return every.compareTo(idle) < 0 ? idle : every;
    }

    /**
     * How long after taking or renewing the lease it is renewed again: half its time-to-live, and early enough that a
     * round that waited poll-every still renews it before it expires.
     */
    Duration renewAfter() {
        Duration half = leaseTtl.dividedBy(2);
        Duration beforeExpiry = leaseTtl.minus(idle.multipliedBy(2));
        Duration after = half.compareTo(beforeExpiry) < 0 ? half : beforeExpiry;
        return after.isNegative() ? Duration.ZERO : after;
    }

    /**
     * Takes or renews the lease, on the lease's schedule rather than every round: an idle desk renews it a few times
     * per time-to-live, not once per read. Storing a batch renews it again first (see {@link LeasedStore}).
     */
    private boolean holdsLease() {
        long now = System.nanoTime();
        if (renewedAt != 0 && now - renewedAt < renewAfter().toNanos()) {
            return true;
        }
        if (!leases.acquire(leaseName(), node, leaseTtl)) {
            if (renewedAt != 0) {
                LOG.warn("channel {}: node {} lost its lease; another node reads it now", instance, node);
            }
            renewedAt = 0;
            known = null;
            return false;
        }
        if (renewedAt == 0) {
            known = null; // another node may have read on while this one did not hold the lease
            LOG.info("channel {}: node {} took its lease and reads it", instance, node);
        }
        renewedAt = now;
        return true;
    }

    /**
     * Sends what is owed now (an agent's reply, just committed) rather than at the next round, when this node holds
     * the instance's lease; the next round sends whatever this misses.
     */
    public void deliverNow() {
        try {
            if (stopped || !(channel instanceof ReplyingChannel replying) || !leases.acquire(leaseName(), node, leaseTtl)) {
                return;
            }
            synchronized (sending) {
                Outbox.Sent sent = outbox.deliverPending(instance, replying, 100);
                report(sent);
                sendingFailed(sent.lastFailure() == null ? null : "sending: " + sent.lastFailure());
            }
        } catch (RuntimeException e) {
            sendingFailed("sending: " + org.redress.app.store.DatabaseErrors.describe(e).orElse(String.valueOf(e.getMessage())));
        }
    }

    /** The channel instance this poller reads. */
    public String instance() {
        return instance;
    }

    @Override
    public void run() {
        while (!stopped) {
            try {
                boolean held = pollOnce();
                reading(null);
                failures = 0;
                if (held) {
                    long started = System.nanoTime();
                    if (!channel.awaitNew(idle)) {
                        // a channel that cannot push returns at once: wait out the interval, or the poller reads
                        // (and the database commits) without pause
                        long left = idle.toNanos() - (System.nanoTime() - started);
                        if (left > 0) {
                            TimeUnit.NANOSECONDS.sleep(left);
                        }
                    }
                } else {
                    Thread.sleep(idle.toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ChannelException | RuntimeException e) {
                // the source or the database is down: say so, wait, try again; nothing was committed half-way
                // a database failure is told by its cause: a driver's message carries the statement's values
                reading(org.redress.app.store.DatabaseErrors.describe(e)
                        .orElse(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
                failures++;
                try {
                    Thread.sleep(backoff(failures).toMillis());
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Stops after the current round, giving the lease up so another node can go on at once. */
    public void stop() {
        stopped = true;
        leases.release(leaseName(), node);
    }

    /** Stops without giving the lease up, as a node that died would: another node waits for it to expire. */
    public void die() {
        stopped = true;
    }

    /** Why the last read failed, else why the last message could not be sent; null while both work. */
    public String lastError() {
        String reading = lastError;
        return reading != null ? reading : sendingError;
    }

    private static final class LeaseLost extends RuntimeException {
        LeaseLost(String message) {
            super(message, null, false, false);
        }
    }

    /** The intake store, storing only while this node still holds the lease. */
    private final class LeasedStore implements InboundStore {
        @Override
        public Checkpoint checkpoint(String name) {
            if (known == null) {
                known = intake.checkpoint(name);
            }
            return known;
        }

        @Override
        public IntakeCounts store(String name, Batch batch) {
            if (stopped || !leases.acquire(leaseName(), node, leaseTtl)) {
                renewedAt = 0;
                known = null;
                throw new LeaseLost(node + " no longer holds " + leaseName());
            }
            renewedAt = System.nanoTime();
            known = null; // until the store committed, the stored checkpoint is what the database says
            IntakeCounts counts = intake.store(name, batch);
            known = batch.next();
            return counts;
        }
    }
}
