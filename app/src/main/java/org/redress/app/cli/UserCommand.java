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

/** {@code redress user add|passwd|list|token|tokens|revoke-token|deactivate|reactivate}: the desk's users, from the command line. */
@Command(name = "user", mixinStandardHelpOptions = true,
        description = "Add users, set passwords, list users, make, list and revoke API tokens, deactivate users.",
        subcommands = {UserCommand.Add.class, UserCommand.Passwd.class, UserCommand.ListUsers.class, UserCommand.Token.class,
                UserCommand.Tokens.class, UserCommand.RevokeToken.class, UserCommand.Deactivate.class, UserCommand.Reactivate.class})
public final class UserCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "say what to do: add, passwd, list, token, tokens, revoke-token, "
                + "deactivate or reactivate");
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
        @Option(names = "--expires", paramLabel = "DURATION", description = "How long the token works, such as 90d "
                + "(default: until revoked).")
        String expires;

        @Override
        public Integer call() {
            java.time.Instant until = null;
            if (expires != null) {
                List<String> errors = new java.util.ArrayList<>();
                java.time.Duration d = org.redress.app.config.DeskConfig.parseDuration(expires, "--expires", errors);
                if (!errors.isEmpty()) {
                    throw new picocli.CommandLine.ParameterException(spec.commandLine(), errors.get(0));
                }
                until = java.time.Instant.now().plus(d);
            }
            try (DeskOptions.Opened opened = desk.open(2)) {
                spec.commandLine().getOut().println(opened.desk().staff().issueToken(DeskAudit.console(), username, name, until));
            }
            return 0;
        }
    }

    @Command(name = "tokens", mixinStandardHelpOptions = true, description = "List API tokens (never the tokens themselves).")
    static final class Tokens implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        DeskOptions desk;
        @Parameters(index = "0", arity = "0..1", paramLabel = "USERNAME", description = "Whose (default: everybody's).")
        String username;

        @Override
        public Integer call() {
            try (DeskOptions.Opened opened = desk.open(2)) {
                PrintWriter out = spec.commandLine().getOut();
                java.time.Instant now = java.time.Instant.now();
                out.printf("%-12s  %-12s  %-8s  %-20s  %-20s  %s%n", "ID", "USER", "STATE", "LAST USED", "EXPIRES", "NAME");
                for (Users.TokenInfo t : opened.desk().staff().tokens(username)) {
                    out.printf("%-12s  %-12s  %-8s  %-20s  %-20s  %s%n", t.id(), t.username(), t.state(now),
                            t.lastUsedAt() == null ? "never" : t.lastUsedAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
                            t.expiresAt() == null ? "-" : t.expiresAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS), t.name());
                }
                out.flush();
            }
            return 0;
        }
    }

    @Command(name = "revoke-token", mixinStandardHelpOptions = true, description = "Revoke an API token by its id (see tokens).")
    static final class RevokeToken implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        DeskOptions desk;
        @Parameters(index = "0", paramLabel = "ID")
        String id;

        @Override
        public Integer call() {
            try (DeskOptions.Opened opened = desk.open(2)) {
                Users.TokenInfo t = opened.desk().staff().token(id).orElseThrow(() -> new IllegalArgumentException(
                        "there is no token '" + id + "' (redress user tokens lists them)"));
                boolean revoked = opened.desk().staff().revokeToken(DeskAudit.console(), t);
                spec.commandLine().getOut().println(revoked ? "revoked " + id + " (" + t.username() + ", " + t.name() + ")"
                        : id + " was already " + t.state(java.time.Instant.now()));
            }
            return 0;
        }
    }

    /** Deactivates or reactivates a user; the two commands differ only in which. */
    abstract static class SetActive implements Callable<Integer> {
        @Mixin
        DeskOptions desk;
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", paramLabel = "USERNAME")
        String username;

        abstract boolean active();

        @Override
        public Integer call() {
            try (DeskOptions.Opened opened = desk.open(2)) {
                opened.desk().staff().setActive(DeskAudit.console(), username, active());
                spec.commandLine().getOut().println(active() ? "reactivated " + username
                        : "deactivated " + username + "; their sessions and API tokens have ended");
            }
            return 0;
        }
    }

    @Command(name = "deactivate", mixinStandardHelpOptions = true, description = "Deactivate a user: their sessions and tokens end.")
    static final class Deactivate extends SetActive {
        @Override
        boolean active() {
            return false;
        }
    }

    @Command(name = "reactivate", mixinStandardHelpOptions = true, description = "Reactivate a user (old tokens stay revoked).")
    static final class Reactivate extends SetActive {
        @Override
        boolean active() {
            return true;
        }
    }
}
