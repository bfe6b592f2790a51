package org.redress.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.redress.app.store.Backups;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code redress restore}: a backup into a new, empty database, brought up to this release's schema. */
@Command(name = "restore", mixinStandardHelpOptions = true,
        description = "Read a backup made by `backup` into a new, empty database (H2 or PostgreSQL, either way), then bring "
                + "its schema up to this release. A database that holds a desk is refused and left as it is.")
public final class RestoreCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The backup.")
    Path file;

    @Option(names = "--db", required = true, paramLabel = "URL", description = "The empty database to restore into.")
    String db;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + ": no such file");
        }
        Backups.Manifest m = Backups.restore(file, db);
        long rows = m.rows().values().stream().mapToLong(Long::longValue).sum();
        spec.commandLine().getOut().println("restored " + rows + " rows (" + m.rows().getOrDefault("complaint", 0L)
                + " complaints, backed up " + m.takenAt() + " from " + m.from() + ", schema V" + m.schemaVersion() + ")");
        return 0;
    }
}
