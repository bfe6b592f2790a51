package org.redress.app.desk;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.redress.app.store.DeskAudit;
import org.redress.app.store.Users;
import org.redress.core.staff.Actor;
import org.redress.core.staff.Role;

/**
 * The desk's people: signing in (failures limited per name and address), and an administrator adding users,
 * setting passwords and issuing API tokens. Each is written to the desk's audit trail here, whether it came from
 * the API, the console or the CLI.
 */
public final class Staff {

    /** How long a session lasts without signing in again. */
    public static final Duration SESSION_TTL = Duration.ofHours(12);

    /** A sign-in that opened a session, or one refused for a while after too many failures. */
    public record SignIn(Users.Session session, Optional<Duration> waitFor) {
    }

    private final Users users;
    private final DeskAudit audit;
    private final LoginLimiter limiter;

    Staff(Users users, DeskAudit audit, LoginLimiter limiter) {
        this.users = users;
        this.audit = audit;
        this.limiter = limiter;
    }

    /** Signs a user in from an address; empty when the name or password is wrong. */
    public Optional<SignIn> signIn(String username, String password, String address) {
        String key = username + "|" + address;
        Optional<Duration> wait = limiter.blocked(key);
        if (wait.isPresent()) {
            return Optional.of(new SignIn(null, Optional.of(Duration.ofSeconds(Math.max(1, wait.get().toSeconds())))));
        }
        Optional<Users.User> user = users.authenticate(username, password);
        if (user.isEmpty()) {
            limiter.failed(key);
            audit.record(new Actor(username.isBlank() ? "?" : username, Role.SYSTEM), DeskAudit.Action.SIGN_IN_FAILED, "address " + address, "");
            return Optional.empty();
        }
        audit.record(user.get().actor(), DeskAudit.Action.SIGN_IN, "address " + address, "");
        limiter.succeeded(key);
        return Optional.of(new SignIn(users.openSession(user.get(), SESSION_TTL), Optional.empty()));
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
