package org.redress.app.desk;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.redress.app.store.DeskAudit;
import org.redress.app.store.Users;
import org.redress.core.staff.Actor;
import org.redress.core.staff.Role;

/**
 * The desk's people: signing in (throttled per account, per address and in all; see {@link SignInThrottle}), and an administrator adding users,
 * setting passwords and issuing API tokens. Each is written to the desk's audit trail here, whether it came from
 * the API, the console or the CLI.
 */
public final class Staff {

    /** How long a session lasts without signing in again. */
    public static final Duration SESSION_TTL = Duration.ofHours(12);

    /**
     * A sign-in that opened a session, or one refused for a while: after too many failures, or while the desk's
     * password checks are all busy ({@code busy}).
     */
    public record SignIn(Users.Session session, Optional<Duration> waitFor, boolean busy) {
        public SignIn(Users.Session session, Optional<Duration> waitFor) {
            this(session, waitFor, false);
        }
    }

    private final Users users;
    private final DeskAudit audit;
    private final SignInThrottle throttle;
    private final java.time.Clock clock;
    /** Failed sign-ins with names the desk does not have, counted and written to the audit once a minute at most. */
    private int unknownFailures;
    private final java.util.Set<String> unknownAddresses = new java.util.HashSet<>();
    private java.time.Instant unknownSince;

    Staff(Users users, DeskAudit audit, SignInThrottle throttle, java.time.Clock clock) {
        this.users = users;
        this.audit = audit;
        this.throttle = throttle;
        this.clock = clock;
    }

    /** Signs a user in from an address; empty when the name or password is wrong. */
    public Optional<SignIn> signIn(String username, String password, String address) {
        Optional<Duration> wait = throttle.wait(username, address);
        if (wait.isPresent()) {
            return Optional.of(new SignIn(null, Optional.of(Duration.ofSeconds(Math.max(1, wait.get().toSeconds())))));
        }
        Optional<Optional<Users.User>> checked = throttle.check(() -> users.authenticate(username, password));
        if (checked.isEmpty()) {
            return Optional.of(new SignIn(null, Optional.of(Duration.ofSeconds(1)), true));
        }
        Optional<Users.User> user = checked.get();
        if (user.isEmpty()) {
            throttle.failed(username, address);
            Optional<Users.User> known = users.find(username);
            if (known.isPresent()) {
                audit.record(known.get().actor(), DeskAudit.Action.SIGN_IN_FAILED, "address " + address, "");
            } else {
                unknownName(address);
            }
            return Optional.empty();
        }
        audit.record(user.get().actor(), DeskAudit.Action.SIGN_IN, "address " + address, "");
        throttle.succeeded(username);
        return Optional.of(new SignIn(users.openSession(user.get(), SESSION_TTL), Optional.empty()));
    }

    /**
     * A failure with a name the desk does not have: never an audit row with a name a stranger chose, but a count,
     * written once a minute at most (with how many addresses it came from).
     */
    private synchronized void unknownName(String address) {
        java.time.Instant now = clock.instant();
        if (unknownSince == null) {
            unknownSince = now;
        }
        unknownFailures++;
        if (unknownAddresses.size() < 10_000) {
            unknownAddresses.add(address);
        }
        if (!now.isBefore(unknownSince.plusSeconds(60))) {
            audit.record(new Actor("desk", Role.SYSTEM), DeskAudit.Action.SIGN_IN_FAILED, "names the desk does not have",
                    unknownFailures + " failed sign-in(s) from " + unknownAddresses.size() + " address(es) since " + unknownSince);
            unknownFailures = 0;
            unknownAddresses.clear();
            unknownSince = null;
        }
    }

    public Optional<Users.Session> session(String id) {
        return users.session(id);
    }

    public void signOut(Users.Session session) {
        users.closeSession(session.id());
    }

    public Optional<Users.User> byToken(String token) {
        return users.byToken(token);
    }

    public List<Users.User> list() {
        return users.list();
    }

    public Users.User add(Actor by, String username, String displayName, Role role, String team, String password) {
        Users.User u = users.add(username, displayName == null ? "" : displayName, role, team == null || team.isBlank() ? null : team, password);
        audit.record(by, DeskAudit.Action.USER_ADD, u.username(), u.role().name().toLowerCase());
        return u;
    }

    public void passwd(Actor by, String username, String password) {
        users.passwd(username, password);
        audit.record(by, DeskAudit.Action.USER_PASSWORD, username, "");
    }

    /** Issues an API token for a user; returns the token, which the desk keeps only hashed. */
    public String issueToken(Actor by, String username, String name) {
        return issueToken(by, username, name, null);
    }

    /** Issues an API token that stops working at {@code expiresAt} (null: only when revoked). */
    public String issueToken(Actor by, String username, String name, java.time.Instant expiresAt) {
        String token = users.createToken(username, name, expiresAt);
        audit.record(by, DeskAudit.Action.TOKEN_CREATE, username, name + (expiresAt == null ? "" : ", until " + expiresAt));
        return token;
    }

    /** A user's tokens, or everybody's for null; never the tokens themselves. */
    public List<Users.TokenInfo> tokens(String username) {
        return users.tokens(username);
    }

    public Optional<Users.TokenInfo> token(String id) {
        return users.token(id);
    }

    /** Revokes a token; true when it was active until now. */
    public boolean revokeToken(Actor by, Users.TokenInfo token) {
        boolean revoked = users.revokeToken(token.id());
        if (revoked) {
            audit.record(by, DeskAudit.Action.TOKEN_REVOKE, token.username(), token.name() + " (" + token.id() + ")");
        }
        return revoked;
    }

    /** Deactivates a user (their sessions and tokens end) or reactivates one. */
    public void setActive(Actor by, String username, boolean active) {
        users.setActive(username, active);
        audit.record(by, active ? DeskAudit.Action.USER_REACTIVATE : DeskAudit.Action.USER_DEACTIVATE, username, "");
    }
}
