package org.redress.app.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.redress.app.store.DeskAudit;
import org.redress.app.store.Users;
import org.redress.core.staff.Role;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code redress user add|passwd|list|token}: the desk's users, from the command line. */
@Command(name = "user", mixinStandardHelpOptions = true, description = "Add users, set passwords, list users, create API tokens.",
        subcommands = {UserCommand.Add.class, UserCommand.Passwd.class, UserCommand.ListUsers.class, UserCommand.Token.class})
public final class UserCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "say what to do: add, passwd, list or token");
    }

    /** The database option every user command takes. */
    /** The password: the first line of standard input, the REDRESS_PASSWORD variable, or asked for on the console. */
    static String password(CommandSpec spec, boolean fromStdin) {
        if (fromStdin) {
            try {
                String line = new java.io.BufferedReader(new java.io.InputStreamReader(System.in, java.nio.charset.StandardCharsets.UTF_8)).readLine();
                if (line == null || line.isEmpty()) {
                    throw new IllegalArgumentException("--password-stdin: standard input is empty");
                }
                return line;
            } catch (java.io.IOException e) {
                throw new IllegalArgumentException("--password-stdin: " + e.getMessage(), e);
            }
        }
        String fromEnv = System.getenv("REDRESS_PASSWORD");
        if (fromEnv != null && !fromEnv.isEmpty()) {
            return fromEnv;
        }
        java.io.Console console = System.console();
        if (console == null) {
            throw new IllegalArgumentException("no console to ask for the password: set REDRESS_PASSWORD");
        }
        char[] first = console.readPassword("password: ");
        char[] again = console.readPassword("again: ");
        if (first == null || !java.util.Arrays.equals(first, again)) {
            throw new IllegalArgumentException("the two passwords differ");
        }
        return new String(first);
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Add a user (password from REDRESS_PASSWORD or asked for).")
    static final class Add implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        DeskOptions desk;
        @Parameters(index = "0", paramLabel = "USERNAME")
        String username;
        @Option(names = "--role", required = true, paramLabel = "ROLE", description = "agent, senior, supervisor, executive or admin.")
        String role;
        @Option(names = "--name", paramLabel = "NAME", description = "The name shown to colleagues.")
        String name;
        @Option(names = "--team", paramLabel = "TEAM")
        String team;
        @Option(names = "--password-stdin", description = "Read the password from the first line of standard input.")
        boolean stdin;

        @Override
        public Integer call() {
            Role r;
            try {
                r = Role.valueOf(role.toUpperCase());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--role: one of agent, senior, supervisor, executive, admin; got '" + role + "'");
            }
            String password = password(spec, stdin);
            try (DeskOptions.Opened opened = desk.open(2)) {
                Users.User u = opened.desk().staff().add(DeskAudit.console(), username, name, r, team, password);
                spec.commandLine().getOut().printf("added %s (%s)%n", u.username(), u.role().name().toLowerCase());
            }
            return 0;
        }
    }

    @Command(name = "passwd", mixinStandardHelpOptions = true, description = "Set a user's password (ends their sessions).")
    static final class Passwd implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        DeskOptions desk;
        @Parameters(index = "0", paramLabel = "USERNAME")
        String username;
        @Option(names = "--password-stdin", description = "Read the password from the first line of standard input.")
        boolean stdin;

        @Override
        public Integer call() {
            String password = password(spec, stdin);
            try (DeskOptions.Opened opened = desk.open(2)) {
                opened.desk().staff().passwd(DeskAudit.console(), username, password);
                spec.commandLine().getOut().printf("password of %s changed%n", username);
            }
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the users.")
    static final class ListUsers implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        DeskOptions desk;

        @Override
        public Integer call() {
            try (DeskOptions.Opened opened = desk.open(2)) {
                PrintWriter out = spec.commandLine().getOut();
                List<Users.User> users = opened.desk().staff().list();
                out.printf("%-20s %-12s %-16s %-8s %s%n", "USERNAME", "ROLE", "TEAM", "ACTIVE", "NAME");
                for (Users.User u : users) {
                    out.printf("%-20s %-12s %-16s %-8s %s%n", u.username(), u.role().name().toLowerCase(),
                            u.team() == null ? "-" : u.team(), u.active() ? "yes" : "no", u.displayName());
                }
            }
            return 0;
        }
    }

    @Command(name = "token", mixinStandardHelpOptions = true, description = "Create an API token for a user; it is shown once.")
    static final class Token implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        DeskOptions desk;
        @Parameters(index = "0", paramLabel = "USERNAME")
        String username;
        @Option(names = "--name", defaultValue = "api", paramLabel = "NAME", description = "What the token is for.")
        String name;

        @Override
        public Integer call() {
            try (DeskOptions.Opened opened = desk.open(2)) {
                spec.commandLine().getOut().println(opened.desk().staff().issueToken(DeskAudit.console(), username, name));
            }
            return 0;
        }
    }
}
