package org.redress.app.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import io.javalin.http.sse.SseHandler;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.redress.app.desk.Desk;
import org.redress.app.store.PresenceBoard;

/**
 * Together on one complaint (#20 part 4): a complaint page listens to {@code /console/complaints/N/events}
 * (server-sent events) and hears who else has it open and whether they are writing a reply ({@code presence}), and
 * that someone changed it since it was drawn ({@code changed}: its version, status and who). Presence lives in the
 * database ({@link PresenceBoard}), so agents on different nodes see each other; one thread renews and checks every
 * open page each {@link #TICK_MILLIS} and sends only what changed.
 */
final class LivePages implements AutoCloseable {

    static final long TICK_MILLIS = 1_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Console console;
    private final Desk desk;
    private final Set<Watcher> watchers = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "redress-live");
        t.setDaemon(true);
        return t;
    });
    private long ticks;

    LivePages(Console console, Desk desk) {
        this.console = console;
        this.desk = desk;
    }

    void register(RoutesConfig routes) {
        console.page(routes, "/console/complaints/{number}/events", Access.AGENT, this::events);
        console.form(routes, "/console/complaints/{number}/presence", Access.AGENT, this::presence);
        ticker.scheduleWithFixedDelay(this::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** One open complaint page: whose, and what it was last told. */
    private static final class Watcher {
        final SseClient client;
        final long complaint;
        final String username;
        List<PresenceBoard.Here> told = null;
        long version;

        Watcher(SseClient client, long complaint, String username, long version) {
            this.client = client;
            this.complaint = complaint;
            this.username = username;
            this.version = version;
        }
    }

    private void events(Context ctx, Console.Visitor v) throws Exception {
        long number = Console.number(ctx);
        long version = desk.complaints().require(number).complaint().version();
        String username = v.user().username();
        new SseHandler(client -> {
            Watcher w = new Watcher(client, number, username, version);
            client.onClose(() -> {
                watchers.remove(w);
                if (watchers.stream().noneMatch(o -> o.complaint == number && o.username.equals(username))) {
                    desk.presence().gone(number, username);
                }
            });
            desk.presence().seen(number, username, PresenceBoard.State.VIEWING, desk.clock().instant());
            watchers.add(w);
            tell(w);
            client.keepAlive();
        }).handle(ctx);
    }

    /** The page's agent started or stopped writing a reply. */
    private void presence(Context ctx, Console.Visitor v) {
        long number = Console.number(ctx);
        String state = Optional.ofNullable(ctx.formParam("state")).orElse("");
        PresenceBoard.State s = switch (state) {
            case "typing" -> PresenceBoard.State.TYPING;
            case "viewing" -> PresenceBoard.State.VIEWING;
            default -> throw new IllegalArgumentException("state: typing or viewing, got '" + state + "'");
        };
        desk.presence().seen(number, v.user().username(), s, desk.clock().instant());
        ctx.status(204);
    }

    private void tick() {
        try {
            for (Watcher w : watchers) {
                // a comment each tick: a page closed without a word fails the write, and stops counting as here
                w.client.sendComment("tick");
                if (w.client.terminated()) {
                    w.client.close();
                    continue;
                }
                desk.presence().seen(w.complaint, w.username, null, desk.clock().instant());
            }
            for (Watcher w : watchers) {
                tell(w);
            }
            if (++ticks % 60 == 0) {
                desk.presence().sweep(desk.clock().instant());
            }
        } catch (RuntimeException e) {
            // the next tick tries again: a page must not lose its updates for one failed query
        }
    }

    /** Sends the page what changed since it was last told: who is here, and the complaint's version. */
    private void tell(Watcher w) {
        if (w.client.terminated()) {
            w.client.close();
            return;
        }
        try {
            List<PresenceBoard.Here> here = desk.presence().others(w.complaint, w.username, desk.clock().instant());
            if (!Objects.equals(here, w.told)) {
                w.told = here;
                w.client.sendEvent("presence", JSON.writeValueAsString(Map.of("here", here.stream()
                        .map(h -> Map.of("user", h.username(), "name", h.displayName(), "state", h.state().name())).toList())));
            }
            Optional<PresenceBoard.Standing> standing = desk.presence().standing(w.complaint);
            if (standing.isPresent() && standing.get().version() != w.version) {
                w.version = standing.get().version();
                w.client.sendEvent("changed", JSON.writeValueAsString(Map.of("version", standing.get().version(),
                        "status", standing.get().status(), "by", standing.get().lastActor())));
            }
        } catch (Exception e) {
            watchers.remove(w); // a page that cannot be written to has gone
        }
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        watchers.forEach(w -> w.client.close());
        watchers.clear();
    }
}
