package org.redress.app.engine;

import java.util.ArrayList;
import java.util.List;
import org.redress.app.config.ConfigException;
import org.redress.app.config.DeskConfig;
import org.redress.app.desk.Desk;
import org.redress.app.intake.ChannelPoller;
import org.redress.app.intake.ReopeningChannel;
import org.redress.app.schedule.Scheduler;
import org.redress.app.store.Leases;
import org.redress.core.channel.Channel;
import org.redress.core.channel.ChannelContext;
import org.redress.core.channel.ChannelPlugin;
import org.redress.core.channel.ChannelSettings;
import org.redress.core.channel.InvalidSettingsException;
import org.redress.core.channel.SourceUnavailableException;

/**
 * One node of the desk: a poller per configured channel instance and the scheduler's jobs, over one database.
 * Several nodes may run on one PostgreSQL: every poller and job works only while its node holds the lease, so
 * each message is stored once and each job runs on one node at a time; a node that stops gives its leases up,
 * and one that dies leaves them to expire for another node to take over.
 */
public final class DeskNode implements AutoCloseable {

    private final DeskConfig config;
    private final List<ChannelPoller> pollers = new ArrayList<>();
    private final List<Channel> channels = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final List<String> unavailable = new ArrayList<>();
    private DeskMetrics metrics;
    private final Scheduler scheduler;
    private final java.util.concurrent.ExecutorService sender = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "redress-send-now");
        t.setDaemon(true);
        return t;
    });

    private DeskNode(DeskConfig config, Scheduler scheduler) {
        this.config = config;
        this.scheduler = scheduler;
    }

    /**
     * Opens every channel the desk's configuration names (all their setting errors named at once) and schedules the
     * desk's jobs; nothing runs until {@link #start()}.
     *
     * @throws ConfigException when a channel's plugin is unknown, its settings are wrong, or it cannot be opened
     */
    public static DeskNode open(Desk desk) {
        DeskConfig config = desk.config();
        Leases leases = new Leases(desk.database(), desk.clock());
        Scheduler scheduler = new Scheduler(desk.jobs(), leases, config.node(), desk.clock());
        DeskNode node = new DeskNode(config, scheduler);
        List<String> errors = new ArrayList<>();
        for (DeskConfig.ChannelConfig c : config.channels()) {
            try {
                ChannelPlugin plugin = desk.registry().require(c.plugin());
                ChannelSettings settings = ChannelSettings.validate(plugin.descriptor(), c.settings());
                ChannelContext context = new ChannelContext(c.name(), desk.clock());
                Channel channel;
                try {
                    channel = plugin.open(settings, context);
                } catch (SourceUnavailableException e) {
                    // the server is down, not the settings wrong: start without it and let the poller open it later
                    channel = ReopeningChannel.of(() -> plugin.open(settings, context), e.getMessage(), plugin.descriptor().canReply());
                    node.unavailable.add("channels." + c.name() + ": " + e.getMessage());
                }
                node.channels.add(channel);
                desk.replying().opened(c.name(), channel);
                node.pollers.add(new ChannelPoller(c.name(), channel, desk.intake(c.plugin(), true), desk.outbox(), leases, config.node(),
                        config.leaseTtl(), config.pollEvery(), config.batch()));
            } catch (InvalidSettingsException e) {
                errors.add("channels." + c.name() + ".settings: " + e.getMessage());
            } catch (RuntimeException | org.redress.core.channel.ChannelException e) {
                errors.add("channels." + c.name() + ": " + e.getMessage());
            }
        }
        if (!errors.isEmpty()) {
            node.close();
            throw new ConfigException(String.join("; ", errors));
        }
        node.metrics = new DeskMetrics(desk.database());
        node.pollers.forEach(p -> p.observe(node.metrics));
        // an agent's reply leaves at once, on a thread of its own, not at the channel's next poll
        desk.doorbell().listen(instance -> node.pollers.stream().filter(p -> p.instance().equals(instance)).findFirst()
                .ifPresent(p -> node.sender.execute(p::deliverNow)));
        return node;
    }

    /** Starts the pollers and the scheduler. */
    public void start() {
        for (ChannelPoller p : pollers) {
            Thread t = new Thread(p, "redress-poll-" + p.leaseName());
            t.setDaemon(true);
            t.start();
            threads.add(t);
        }
        scheduler.start();
    }

    /** The channels whose source could not be reached at start, with why: the desk runs and tries them again. */
    public List<String> unavailable() {
        return List.copyOf(unavailable);
    }

    /** What this node reports at /metrics. */
    public DeskMetrics metrics() {
        return metrics;
    }

    public List<ChannelPoller> pollers() {
        return List.copyOf(pollers);
    }

    public Scheduler scheduler() {
        return scheduler;
    }

    public DeskConfig config() {
        return config;
    }

    /** Stops polling and the jobs, gives this node's leases up, and closes the channels. */
    @Override
    public void close() {
        for (ChannelPoller p : pollers) {
            try {
                p.stop();
            } catch (RuntimeException e) {
                // the database is gone: the lease expires by itself
            }
        }
        for (Thread t : threads) {
            t.interrupt();
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (ChannelPoller p : pollers) {
            try {
                // again, now that no poller thread can take its lease back half-way through a round
                p.stop();
            } catch (RuntimeException e) {
                // the database is gone: the lease expires by itself
            }
        }
        sender.shutdownNow();
        scheduler.close();
        if (metrics != null) {
            metrics.close();
        }
        for (Channel c : channels) {
            try {
                c.close();
            } catch (Exception e) {
                // closing a connection that already broke: nothing to keep
            }
        }
    }
}
