package org.redress.app.engine;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.redress.app.store.Database;
import org.redress.app.store.DeskState;
import org.redress.core.complaint.Priority;
import org.redress.core.intake.IntakeCounts;
import org.redress.core.promise.Promise;

/**
 * What a desk reports to Prometheus at {@code GET /metrics}: what each channel instance read and sent, how long a
 * poll took, the HTTP requests by route and status, the connection pool and the JVM; and, counted in the database
 * at each scrape, open complaints by priority, SLA clocks warned and breached, promises by state, and the outbox.
 * Every name starts with {@code redress_} except the pool's ({@code hikaricp_}) and the JVM's.
 */
public final class DeskMetrics implements org.redress.app.intake.ChannelPoller.Observer, AutoCloseable {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final DeskState state;
    /** The database's counts as of the last scrape, which the gauges read. */
    private final Map<String, AtomicLong> counted = new ConcurrentHashMap<>();
    /** Listens to the JVM's collections until closed. */
    private final JvmGcMetrics gc = new JvmGcMetrics();

    public DeskMetrics(Database database) {
        this.state = new DeskState(database);
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        database.reportPoolTo(registry);
        for (Priority p : Priority.values()) {
            gauge("redress.complaints.open", "open complaints", "priority", p.name());
        }
        gauge("redress.sla.clocks", "running SLA clocks past their warning point", "state", "warned");
        gauge("redress.sla.clocks", "running SLA clocks past their target", "state", "breached");
        for (Promise.State s : Promise.State.values()) {
            gauge("redress.promises", "promises made to customers", "state", s.name().toLowerCase());
        }
        gauge("redress.promises.due", "open promises due within the next hour", "when", "next-hour");
        for (String s : new String[] {"pending", "failed", "sent"}) {
            gauge("redress.outbox.messages", "outgoing messages", "status", s);
        }
    }

    private void gauge(String name, String help, String tag, String value) {
        AtomicLong n = counted.computeIfAbsent(name + "|" + value, k -> new AtomicLong());
        Gauge.builder(name, n, AtomicLong::get).description(help).tag(tag, value).register(registry);
    }

    private void set(String name, String value, long n) {
        AtomicLong held = counted.get(name + "|" + value);
        if (held != null) {
            held.set(n);
        }
    }

    /** What one poll of a channel instance read, and how long it took. */
    @Override
    public void polled(String channel, IntakeCounts counts, Duration took) {
        Timer.builder("redress.poll").description("one poll of a channel instance: read, store, acknowledge")
                .tag("channel", channel).register(registry).record(took);
        intake(channel, "read", counts.read());
        intake(channel, "stored", counts.stored());
        intake(channel, "duplicate", counts.duplicates());
        intake(channel, "quarantined", counts.quarantined());
    }

    private void intake(String channel, String outcome, long n) {
        Counter.builder("redress.intake.messages").description("messages a channel instance read, by what became of them")
                .tag("channel", channel).tag("outcome", outcome).register(registry).increment(n);
    }

    /** What one round of the outbox did for a channel instance. */
    @Override
    public void sent(String channel, int delivered, int failed, int retryLater) {
        sent(channel, "delivered", delivered);
        sent(channel, "failed", failed);
        sent(channel, "retry", retryLater);
    }

    private void sent(String channel, String outcome, int n) {
        Counter.builder("redress.outbox.attempts").description("attempts to send, by outcome").tag("channel", channel)
                .tag("outcome", outcome).register(registry).increment(n);
    }

    /** One HTTP request, by its route (the path template, never the complaint number in it) and status. */
    public void request(String method, String route, int status, long nanos) {
        Timer.builder("redress.http.requests").description("HTTP requests to the console and the API").tag("method", method)
                .tag("route", route).tag("status", String.valueOf(status)).register(registry)
                .record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    /** The metrics in Prometheus' text format, the database's counts taken now. */
    public String scrape() {
        count();
        return registry.scrape();
    }

    private void count() {
        DeskState.Counts now = state.count(java.time.Instant.now());
        for (Priority p : Priority.values()) {
            set("redress.complaints.open", p.name(), now.openByPriority().getOrDefault(p.name(), 0L));
        }
        set("redress.sla.clocks", "warned", now.warned());
        set("redress.sla.clocks", "breached", now.breached());
        for (Promise.State s : Promise.State.values()) {
            set("redress.promises", s.name().toLowerCase(), now.promisesByState().getOrDefault(s.name(), 0L));
        }
        set("redress.promises.due", "next-hour", now.promisesDueSoon());
        for (String s : new String[] {"pending", "failed", "sent"}) {
            set("redress.outbox.messages", s, now.outboxByStatus().getOrDefault(s, 0L));
        }
    }

    /** Stops listening to the JVM's collections. */
    @Override
    public void close() {
        gc.close();
    }
}
