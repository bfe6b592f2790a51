package org.redress.app.desk;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.redress.app.channels.ChannelRegistry;
import org.redress.app.config.DeskConfig;
import org.redress.app.store.Database;

/** Desks for tests: the real composition root over a test database, with the default configuration unless one is given. */
public final class TestDesks {

    private TestDesks() {
    }

    /** A desk with the default configuration whose customers all write English (no 80 MB language model loaded). */
    public static Desk english(Database database, Clock clock) {
        return Desk.open(database, DeskConfig.defaults("test-node"), ChannelRegistry.discover(), text -> Optional.of("en"), clock);
    }

    /** As {@link #english}, with CTI events spooled to {@code ctiSpool}. */
    public static Desk english(Database database, Clock clock, Path ctiSpool) {
        DeskConfig d = DeskConfig.defaults("test-node");
        return Desk.open(database, new DeskConfig(d.node(), d.pollEvery(), d.leaseTtl(), d.batch(), d.channels(), d.policies(), ctiSpool),
                ChannelRegistry.discover(), text -> Optional.of("en"), clock);
    }

    public static Desk of(Database database, DeskConfig config, Clock clock) {
        return Desk.open(database, config, ChannelRegistry.discover(), text -> Optional.of("en"), clock);
    }
}
