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
import org.redress.app.desk.Desk;
import org.redress.app.engine.DeskNode;
import org.redress.core.text.LanguageDetection;
import java.util.Map;
import org.redress.app.store.Database;
import org.redress.app.web.DeskServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code redress serve}: runs one node of the desk (its channel pollers and scheduled jobs) until it is stopped.
 * Several nodes may serve one PostgreSQL database; they share the work through leases.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the desk: serve the web console and the REST API, poll the configured channels and run the scheduled "
                + "jobs (SLA, promises, stuck complaints, outage bursts) until stopped (Ctrl-C). Several nodes may share one "
                + "PostgreSQL database.")
public final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--db", paramLabel = "URL",
            description = "The desk's database: a JDBC URL (PostgreSQL for several nodes) or an H2 file path (default: "
                    + Database.DEFAULT_URL + "; with --demo a new H2 file under ./data).")
    String db;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080", description = "The HTTP port of the console and the API (default: ${DEFAULT-VALUE}; 0: any free port).")
    int port;

    @Option(names = "--host", paramLabel = "HOST", defaultValue = "0.0.0.0", description = "The address to listen on (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--demo", description = "Start a fresh desk seeded with a living demo, and print its users' passwords once.")
    boolean demo;

    @Option(names = "--config", paramLabel = "FILE",
            description = "The configuration file (default: redress.yaml in the current folder, when there is one).")
    Path config;

    @Option(names = "--node", paramLabel = "NAME", description = "This node's name in leases (overrides desk.node).")
    String node;

    @Override
    public Integer call() throws Exception {
        Path file = config != null ? config : Path.of("redress.yaml");
        DeskConfig desk = DeskOptions.load(config, defaultNodeName());
        if (node != null) {
            desk = desk.withNode(node);
        }
        PrintWriter out = spec.commandLine().getOut();
        long started = System.nanoTime();
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--port: between 0 and 65535, got " + port);
        }
        String url = db != null ? db : demo ? "jdbc:h2:file:./data/demo-" + java.time.LocalDateTime.now()
                .format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) : Database.DEFAULT_URL;
        portFree();
        // logging starts here, on one thread: the preload thread and the pool starting at once made SLF4J replay calls
        org.slf4j.LoggerFactory.getILoggerFactory();
        Thread preload = new Thread(DeskServer::preload, "redress-preload");
        preload.setDaemon(true);
        preload.start();
        Database database = Database.open(url, 8 + 2 * desk.channels().size());
        LanguageDetection detection = demo ? TextCommands.detection() : TextCommands.lazyDetection();
        Desk theDesk = Desk.open(database, desk, ChannelRegistry.discover(), detection, Clock.systemUTC());
        DeskNode deskNode;
        try {
            deskNode = DeskNode.open(theDesk);
        } catch (ConfigException e) {
            database.close();
            throw new IllegalArgumentException((Files.isRegularFile(file) ? file + ": " : "") + e.getMessage(), e);
        }
        for (String down : deskNode.unavailable()) {
            spec.commandLine().getErr().println("redress: " + down + "; the desk starts without it and tries again, with "
                    + "growing pauses (see /api/channels)");
        }
        if (!demo && theDesk.config().web().publicUrl() == null && !host.equals("127.0.0.1") && !host.equals("localhost")) {
            spec.commandLine().getErr().println("redress: web.public-url is not set, so links sent to customers name the address "
                    + "of the request that caused them; set it to the address customers reach the desk at");
        }
        spec.commandLine().getErr().flush();
        Map<String, String> passwords = demo ? new Demo(theDesk).seed() : Map.of();
        DeskServer server = new DeskServer(theDesk, deskNode);
        int listening;
        try {
            listening = server.start(host, port);
        } catch (RuntimeException e) {
            deskNode.close();
            database.close();
            throw new IllegalArgumentException("cannot listen on " + host + ":" + port + ": " + rootMessage(e), e);
        }
        deskNode.start();
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            // Ctrl-C or a plain kill: give the leases up so another node goes on at once
            server.close();
            deskNode.close();
            database.close();
            stopped.countDown();
        }, "redress-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        if (demo) {
            out.println("redress: demo desk in " + database.url() + "; its users (passwords shown this once):");
            passwords.forEach((user, password) -> out.printf("  %-20s %s%n", user, password));
        }
        out.printf("redress: node %s serving %d channel(s) [%s] and jobs [%s] on %s%n", desk.node(), desk.channels().size(),
                String.join(", ", desk.channels().stream().map(c -> c.name() + " (" + c.plugin() + ")").toList()),
                String.join(", ", deskNode.scheduler().jobs().stream().map(j -> j.name()).toList()), database.url());
        out.printf("redress: ready in %d ms: console at http://localhost:%d/ (the REST API under /api, described at /api/openapi.json)%n",
                (System.nanoTime() - started) / 1_000_000, listening);
        out.flush();
        TextCommands.warmDetection();
        stopped.await();
        return 0;
    }

    /**
     * Refuses a port another program holds before the database is opened, so that a refused start leaves nothing on
     * disk (an H2 file would be created and migrated first). The server binds it again a moment later.
     */
    private void portFree() {
        if (port == 0) {
            return;
        }
        try (java.net.ServerSocket probe = new java.net.ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new java.net.InetSocketAddress(host, port));
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("cannot listen on " + host + ":" + port + ": " + e.getMessage()
                    + " (another program holds the port? choose one with --port)");
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
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
