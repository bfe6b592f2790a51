package org.redress.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.redress.app.store.Backups;
import org.redress.app.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code redress backup}: the whole desk into one file that {@code restore} reads, on H2 or PostgreSQL. */
@Command(name = "backup", mixinStandardHelpOptions = true,
        description = "Write the whole desk (every table, as one consistent snapshot) to a zip that `restore` reads into an "
                + "empty database, of either kind. PostgreSQL: while the desk runs. H2: while serve is stopped (the file "
                + "opens in one process at a time).")
public final class BackupCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--db", paramLabel = "URL", defaultValue = Database.DEFAULT_URL,
            description = "The desk's database (default: ${DEFAULT-VALUE}).")
    String db;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The backup to write (a .zip).")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (Files.isDirectory(out)) {
            throw new IllegalArgumentException("--out: " + out + " is a folder; name the file to write");
        }
        try (Database database = Database.open(db, 2)) {
            Backups.Manifest m = Backups.backup(database, out);
            long rows = m.rows().values().stream().mapToLong(Long::longValue).sum();
            spec.commandLine().getOut().println("backed up " + rows + " rows of " + m.rows().size() + " tables (schema V"
                    + m.schemaVersion() + ", " + m.rows().getOrDefault("complaint", 0L) + " complaints) to " + out);
        }
        return 0;
    }
}
