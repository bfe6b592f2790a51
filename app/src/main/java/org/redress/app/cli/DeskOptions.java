package org.redress.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.redress.app.channels.ChannelRegistry;
import org.redress.app.config.DeskConfig;
import org.redress.app.desk.Desk;
import org.redress.app.store.Database;
import picocli.CommandLine.Option;

/**
 * Where a command finds the desk: its database and its configuration. Every command that works on the desk opens it
 * through here, so the configuration's business hours, SLA targets, routing, remedy caps and escalation policy
 * apply to an import or a retry as much as to {@code serve}.
 */
final class DeskOptions {

    @Option(names = "--db", paramLabel = "URL", defaultValue = Database.DEFAULT_URL,
            description = "The desk's database: a JDBC URL or an H2 file path (default: ${DEFAULT-VALUE}).")
    String url;

    @Option(names = "--config", paramLabel = "FILE",
            description = "The configuration file (default: redress.yaml in the current folder, when there is one).")
    Path config;

    /** An open desk and the database under it; closing it closes the database. */
    record Opened(Database database, Desk desk) implements AutoCloseable {
        @Override
        public void close() {
            database.close();
        }
    }

    Opened open(int pool) {
        DeskConfig desk = load(config, ServeCommand.defaultNodeName());
        Database database = Database.open(url, pool);
        return new Opened(database, Desk.open(database, desk, ChannelRegistry.discover(), TextCommands.lazyDetection(), Clock.systemUTC()));
    }

    /**
     * The configuration in {@code file}, or in ./redress.yaml when no file is named and that one exists, else the
     * defaults.
     *
     * @throws IllegalArgumentException when a named file is missing
     * @throws org.redress.app.config.ConfigException when the file holds wrong settings (all of them named)
     */
    static DeskConfig load(Path file, String node) {
        if (file != null && !Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + ": no such configuration file");
        }
        Path path = file != null ? file : Path.of("redress.yaml");
        return Files.isRegularFile(path) ? DeskConfig.load(path, node, System::getenv, DeskOptions::channelErrors) : DeskConfig.defaults(node);
    }

    /**
     * What is wrong with a channel instance's plugin or settings, checked before anything is opened or created, so that
     * the file's mistakes and its channels' are named in one report and a refused start leaves nothing on disk.
     */
    static java.util.List<String> channelErrors(DeskConfig.ChannelConfig c) {
        try {
            org.redress.core.channel.ChannelPlugin plugin = org.redress.app.channels.ChannelRegistry.discover().require(c.plugin());
            org.redress.core.channel.ChannelSettings.validate(plugin.descriptor(), c.settings());
            return java.util.List.of();
        } catch (org.redress.core.channel.InvalidSettingsException e) {
            return java.util.List.of("channels." + c.name() + ".settings: " + e.getMessage());
        } catch (RuntimeException e) {
            return java.util.List.of("channels." + c.name() + ": " + e.getMessage());
        }
    }
}
