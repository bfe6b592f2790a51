package org.redress.app.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.redress.app.channels.ChannelRegistry;
import org.redress.app.config.ConfigException;
import org.redress.app.config.DeskConfig;
import org.redress.app.intake.ChannelPoller;
import org.redress.app.intake.DeskIntake;
import org.redress.app.intake.Outbox;
import org.redress.app.schedule.BurstJob;
import org.redress.app.schedule.PromiseJob;
import org.redress.app.schedule.Scheduler;
import org.redress.app.schedule.SlaJob;
import org.redress.app.schedule.StuckJob;
import org.redress.app.store.Complaints;
import org.redress.app.store.Database;
import org.redress.app.store.Leases;
import org.redress.app.store.Promises;
import org.redress.core.channel.Channel;
import org.redress.core.channel.ChannelContext;
import org.redress.core.channel.ChannelPlugin;
import org.redress.core.channel.ChannelSettings;
import org.redress.core.channel.InvalidSettingsException;
import org.redress.core.classify.Triage;
import org.redress.core.escalation.EscalationPolicy;
import org.redress.core.escalation.Escalator;
import org.redress.core.escalation.StuckDetector;
import org.redress.core.sla.SlaPolicy;
import org.redress.core.text.LanguageDetection;
import org.redress.core.time.BusinessCalendar;

/**
 * One node of the desk: a poller per configured channel instance and the scheduler's jobs, over one database.
 * Several nodes may run on one PostgreSQL: every poller and job works only while its node holds the lease, so
 * each message is stored once and each job runs on one node at a time; a node that stops gives its leases up,
 * and one that dies leaves them to expire for another node to take over.
 */
public final class DeskNode implements AutoCloseable {

    /** The default business hours (weekdays 9 to 17 UTC), when the configuration names none. */
    public static final BusinessCalendar CALENDAR = BusinessCalendar.weekdays(ZoneOffset.UTC, LocalTime.of(9, 0),
            LocalTime.of(17, 0), Set.of());

    private final DeskConfig config;
    private final List<ChannelPoller> pollers = new ArrayList<>();
    private final List<Channel> channels = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final Scheduler scheduler;

    private DeskNode(DeskConfig config, Scheduler scheduler) {
        this.config = config;
        this.scheduler = scheduler;
    }

    /**
     * Opens every configured channel (all their setting errors named at once) and builds the scheduler; nothing
     * runs until {@link #start()}.
     *
     * @throws ConfigException when a channel's plugin is unknown, its settings are wrong, or it cannot be opened
     */
    public static DeskNode open(Database database, DeskConfig config, ChannelRegistry registry, LanguageDetection detection,
                                Clock clock) {
        SlaPolicy sla = config.policies().sla();
        Leases leases = new Leases(database, clock);
        Complaints complaints = new Complaints(database, sla, clock);
        Escalator escalator = new Escalator(config.policies().escalation(), clock);
        Scheduler scheduler = new Scheduler(List.of(
                new SlaJob(database, complaints, escalator, Duration.ofSeconds(30)),
                new PromiseJob(database, new Promises(database), complaints, escalator, Duration.ofMinutes(30), Duration.ofSeconds(30)),
                new StuckJob(database, complaints, new StuckDetector(config.policies().stuckAfter(), 2, 3, config.policies().calendar()), escalator,
                        Duration.ofHours(1), Duration.ofMinutes(5)),
                new BurstJob(database, 5, Duration.ofMinutes(30), Duration.ofMinutes(1))),
                leases, config.node(), clock);
        DeskNode node = new DeskNode(config, scheduler);
        List<String> errors = new ArrayList<>();
        Triage triage = new Triage(Triage.Policy.standard(), Optional.empty());
        for (DeskConfig.ChannelConfig c : config.channels()) {
            try {
                ChannelPlugin plugin = registry.require(c.plugin());
                Channel channel = plugin.open(ChannelSettings.validate(plugin.descriptor(), c.settings()),
                        new ChannelContext(c.name(), clock));
                node.channels.add(channel);
                DeskIntake intake = new DeskIntake(database, c.plugin(), triage, detection,
                        config.policies().routing(), clock, true, sla);
                node.pollers.add(new ChannelPoller(c.name(), channel, intake, new Outbox(database, clock), leases, config.node(),
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
        scheduler.close();
        for (Channel c : channels) {
            try {
                c.close();
            } catch (Exception e) {
                // closing a connection that already broke: nothing to keep
            }
        }
    }
}
