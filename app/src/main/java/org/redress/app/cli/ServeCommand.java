package org.redress.app.cli;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.redress.app.channels.ChannelRegistry;
import org.redress.app.config.ConfigException;
import org.redress.app.config.DeskConfig;
import org.redress.app.engine.DeskNode;
import org.redress.app.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code redress serve}: runs one node of the desk (its channel pollers and scheduled jobs) until it is stopped.
 * Several nodes may serve one PostgreSQL database; they share the work through leases.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the desk: poll the configured channels and run the scheduled jobs (SLA, promises, stuck "
                + "complaints, outage bursts) until stopped (Ctrl-C). Several nodes may share one PostgreSQL database.")
public final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--db", paramLabel = "URL", defaultValue = Database.DEFAULT_URL,
            description = "The desk's database: a JDBC URL (PostgreSQL for several nodes) or an H2 file path (default: ${DEFAULT-VALUE}).")
    String db;

    @Option(names = "--config", paramLabel = "FILE",
            description = "The configuration file (default: redress.yaml in the current folder, when there is one).")
    Path config;

    @Option(names = "--node", paramLabel = "NAME", description = "This node's name in leases (overrides desk.node).")
    String node;

    @Override
    public Integer call() throws Exception {
        Path file = config != null ? config : Path.of("redress.yaml");
        if (config != null && !Files.isRegularFile(config)) {
            throw new IllegalArgumentException(config + ": no such configuration file");
        }
        String defaultNode = defaultNodeName();
        DeskConfig desk = Files.isRegularFile(file) ? DeskConfig.load(file, defaultNode, System::getenv) : DeskConfig.defaults(defaultNode);
        if (node != null) {
            desk = new DeskConfig(node, desk.pollEvery(), desk.leaseTtl(), desk.batch(), desk.channels());
        }
        PrintWriter out = spec.commandLine().getOut();
        Database database = Database.open(db, 4 + 2 * desk.channels().size());
        DeskNode deskNode;
        try {
            deskNode = DeskNode.open(database, desk, ChannelRegistry.discover(), TextCommands.detection(), Clock.systemUTC());
        } catch (ConfigException e) {
            database.close();
            throw new IllegalArgumentException((Files.isRegularFile(file) ? file + ": " : "") + e.getMessage(), e);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            // Ctrl-C or a plain kill: give the leases up so another node goes on at once
            deskNode.close();
            database.close();
            stopped.countDown();
        }, "redress-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        deskNode.start();
        out.printf("redress: node %s serving %d channel(s) [%s] and jobs [%s] on %s; ready%n", desk.node(), desk.channels().size(),
                String.join(", ", desk.channels().stream().map(c -> c.name() + " (" + c.plugin() + ")").toList()),
                String.join(", ", deskNode.scheduler().jobs().stream().map(j -> j.name()).toList()), database.url());
        out.flush();
        stopped.await();
        return 0;
    }

    static String defaultNodeName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            host = "localhost";
        }
        return host + "-" + ManagementFactory.getRuntimeMXBean().getPid();
    }
}
