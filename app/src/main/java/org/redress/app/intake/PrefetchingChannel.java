package org.redress.app.intake;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.redress.core.channel.Batch;
import org.redress.core.channel.Channel;
import org.redress.core.channel.ChannelException;
import org.redress.core.channel.Checkpoint;

/**
 * Reads the next batch while the desk stores the current one, so that parsing and the database work on two
 * cores at once. Safe because a read has no side effect at the source: a prefetched batch that is not asked
 * for (the desk asks from another checkpoint) is thrown away, and commit still comes only after the store.
 */
public final class PrefetchingChannel implements Channel {

    private final Channel channel;
    private final ExecutorService reader = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "redress-prefetch");
        t.setDaemon(true);
        return t;
    });
    private Checkpoint prefetchedFrom;
    private int prefetchedMax;
    private CompletableFuture<Batch> prefetched;
    private final java.util.function.Consumer<Batch> then;

    public PrefetchingChannel(Channel channel) {
        this(channel, batch -> { });
    }

    /**
     * @param then what else to do with a batch read ahead, on the reading thread once it is read (the desk assesses it:
     *             {@link DeskIntake#assessAhead}); a failure there is not the read's, and is left for the store to meet
     */
    public PrefetchingChannel(Channel channel, java.util.function.Consumer<Batch> then) {
        this.channel = channel;
        this.then = then;
    }

    @Override
    public synchronized Batch read(Checkpoint after, int max) throws ChannelException {
        Batch batch;
        if (prefetched != null && after.equals(prefetchedFrom) && max == prefetchedMax) {
            batch = await(prefetched);
        } else {
            if (prefetched != null) {
                await(prefetched); // never two reads on the channel at once
            }
            batch = channel.read(after, max);
        }
        prefetched = null;
        if (batch.more()) {
            Checkpoint next = batch.next();
            prefetchedFrom = next;
            prefetchedMax = max;
            prefetched = CompletableFuture.supplyAsync(() -> {
                Batch ahead;
                try {
                    ahead = channel.read(next, max);
                } catch (ChannelException e) {
                    throw new IllegalStateException(e);
                }
                try {
                    then.accept(ahead);
                } catch (RuntimeException e) {
                    // only work done early: the store does it again, and fails there with its own error if it must
                }
                return ahead;
            }, reader);
        }
        return batch;
    }

    private static Batch await(CompletableFuture<Batch> future) throws ChannelException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChannelException("interrupted while reading ahead", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof IllegalStateException ise && ise.getCause() instanceof ChannelException ce
                    ? ce : e.getCause();
            if (cause instanceof ChannelException ce) {
                throw ce;
            }
            throw new ChannelException("reading ahead failed: " + cause, cause);
        }
    }

    @Override
    public synchronized void commit(Checkpoint upTo) throws ChannelException {
        if (prefetched != null) {
            await(prefetched); // a commit may move the source: not while a read is under way
        }
        channel.commit(upTo);
    }

    @Override
    public boolean awaitNew(Duration max) throws ChannelException {
        return channel.awaitNew(max);
    }

    @Override
    public synchronized void close() {
        reader.shutdownNow();
        channel.close();
    }
}
