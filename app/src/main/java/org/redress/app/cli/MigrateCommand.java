package org.redress.app.cli;

import java.util.concurrent.Callable;
import org.redress.app.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code redress migrate}: brings a database's schema up to date without starting the desk. */
@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = "Create or update the desk's schema (serve and import do this too; run it alone before several nodes start). "
                + "An H2 desk is first backed up to a zip beside its file.")
public final class MigrateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--db", paramLabel = "URL", defaultValue = Database.DEFAULT_URL,
            description = "The desk's database (default: ${DEFAULT-VALUE}).")
    String db;

    @Option(names = "--dry-run", description = "List the migrations the database still needs, and change nothing.")
    boolean dryRun;

    @Override
    public Integer call() {
        if (dryRun) {
            java.util.List<String> pending = Database.pendingMigrations(db);
            spec.commandLine().getOut().println(pending.isEmpty() ? "schema up to date: nothing to run"
                    : "would run, in this order:\n  " + String.join("\n  ", pending));
            return 0;
        }
        try (Database database = Database.open(db, 2)) {
            spec.commandLine().getOut().println("schema up to date: " + database.url());
        }
        return 0;
    }
}
