package org.redress.app.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.redress.app.desk.Quarantine;
import org.redress.app.store.DeskAudit;
import org.redress.app.store.QuarantineShelf;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code redress quarantine list|retry|discard}: what the channels could not read. */
@Command(name = "quarantine", mixinStandardHelpOptions = true, description = "List, retry or discard what the channels could not read.",
        subcommands = {QuarantineCommand.ListItems.class, QuarantineCommand.Retry.class, QuarantineCommand.Discard.class})
public final class QuarantineCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "say what to do: list, retry or discard");
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "The open quarantine, oldest first.")
    static final class ListItems implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        DeskOptions desk;

        @Override
        public Integer call() {
            try (DeskOptions.Opened opened = desk.open(2)) {
                PrintWriter out = spec.commandLine().getOut();
                var items = opened.desk().quarantine().open();
                if (items.isEmpty()) {
                    out.println("the quarantine is empty");
                }
                for (QuarantineShelf.Item i : items) {
                    out.printf("%-6d %-30s %-40s %s%n", i.id(), i.channel(), i.location(), i.reason());
                }
            }
            return 0;
        }
    }

    @Command(name = "retry", mixinStandardHelpOptions = true, description = "Read a quarantined mail again and store it if it now reads.")
    static final class Retry implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        DeskOptions desk;
        @Parameters(index = "0", paramLabel = "ID")
        long id;

        @Override
        public Integer call() {
            try (DeskOptions.Opened opened = desk.open(2)) {
                Quarantine.Retried r = opened.desk().quarantine().retry(id, DeskAudit.console());
                spec.commandLine().getOut().printf("quarantine %d: %s%n", id, r.outcome());
                return r.stored() ? 0 : 1;
            } catch (IllegalStateException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
        }
    }

    @Command(name = "discard", mixinStandardHelpOptions = true, description = "Discard a quarantined item (its raw bytes stay for audit).")
    static final class Discard implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        DeskOptions desk;
        @Parameters(index = "0", paramLabel = "ID")
        long id;

        @Override
        public Integer call() {
            try (DeskOptions.Opened opened = desk.open(2)) {
                opened.desk().quarantine().discard(id, DeskAudit.console(), "");
                spec.commandLine().getOut().printf("quarantine %d discarded%n", id);
            }
            return 0;
        }
    }
}
