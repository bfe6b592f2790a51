package org.redress.app.cli;

import java.io.PrintWriter;
import java.util.Optional;
import org.redress.app.channels.ChannelRegistryException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The {@code redress} command line: one subcommand per task. */
@Command(name = "redress",
        mixinStandardHelpOptions = true,
        versionProvider = RedressCommand.Version.class,
        description = "Redress, a complaint desk that keeps complaint-handling practice for its agents.",
        subcommands = {ServeCommand.class, MigrateCommand.class, BackupCommand.class, RestoreCommand.class, UserCommand.class, ReportCommand.class, QuarantineCommand.class, ChannelsCommand.class, ImportCommand.class, ParseEmailCommand.class, ParseCallsCommand.class, ParseSocialCommand.class, TriageCommand.class,
                CheckReplyCommand.class,
                CommandLine.HelpCommand.class})
public final class RedressCommand implements Runnable {

    /** Exit code of a wrong command line: unknown command or option, bad value. */
    public static final int USAGE = 2;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        // no subcommand given
        spec.commandLine().usage(spec.commandLine().getErr());
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }

    /**
     * Runs a command line and returns its exit code: 0 done, 1 failed, 2 wrong usage.
     * Output goes to {@code out}; errors and hints go to {@code err}.
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new RedressCommand());
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler((ex, ignored) -> {
            // one line, not the whole usage: the usage is one --help away
            String command = ex.getCommandLine().getCommandSpec().qualifiedName();
            String hint = "";
            if (ex instanceof CommandLine.UnmatchedArgumentException unmatched && !unmatched.getSuggestions().isEmpty()) {
                hint = "; did you mean " + String.join(" or ", unmatched.getSuggestions()) + "?";
            }
            err.println(command + ": " + ex.getMessage() + hint + " (try '" + command + " --help')");
            err.flush();
            return USAGE;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            // a database failure is told by its cause, never by the statement and the customer data bound to it
            boolean told = ex instanceof ChannelRegistryException || ex instanceof IllegalArgumentException
                    || ex instanceof org.redress.app.store.NotFoundException
                    || ex instanceof org.redress.app.store.DatabaseException || ex instanceof org.redress.app.config.ConfigException;
            String message = told ? ex.getMessage() : org.redress.app.store.DatabaseErrors.describe(ex).orElseGet(ex::toString);
            err.println(commandLine.getCommandSpec().qualifiedName() + ": " + message);
            if (System.getenv("REDRESS_TRACE") != null) {
                // for a bug report: where it failed, which the one-line message leaves out on purpose (see above)
                ex.printStackTrace(err);
            }
            err.flush();
            return 1;
        });
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** The version the jar was built as, from its manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Optional.ofNullable(RedressCommand.class.getPackage().getImplementationVersion())
                    .orElse("development build");
            String commit = manifest("Implementation-Build").orElse("unknown");
            boolean dirty = manifest("Implementation-Dirty").map(Boolean::parseBoolean).orElse(false);
            return new String[] {"redress " + version + " (commit " + commit + (dirty ? ", with uncommitted changes" : "") + ")",
                    "Java " + System.getProperty("java.version")};
        }

        /** An attribute of the jar's manifest; empty when not run from the built jar. */
        private static Optional<String> manifest(String attribute) {
            try {
                java.net.URL jar = RedressCommand.class.getProtectionDomain().getCodeSource().getLocation();
                if (jar == null || !jar.getPath().endsWith(".jar")) {
                    return Optional.empty();
                }
                try (java.util.jar.JarFile f = new java.util.jar.JarFile(new java.io.File(jar.toURI()))) {
                    java.util.jar.Manifest m = f.getManifest();
                    return m == null ? Optional.empty() : Optional.ofNullable(m.getMainAttributes().getValue(attribute))
                            .filter(v -> !v.isBlank() && !v.startsWith("${"));
                }
            } catch (Exception e) {
                return Optional.empty();
            }
        }
    }
}
