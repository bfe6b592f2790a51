package org.redress.app.store;

import static org.redress.app.store.Complaints.at;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.redress.core.staff.Actor;
import org.redress.core.staff.Role;

/**
 * The desk's users (agents, seniors, supervisors, executives, admins): passwords hashed with bcrypt, browser
 * sessions and API tokens stored as SHA-256 hashes of random secrets.
 */
public final class Users {

    /** A user as others see them: never the password hash. */
    public record User(String username, String displayName, Role role, String team, boolean active) {
        public Actor actor() {
            return new Actor(username, role);
        }
    }

    /** A browser session: its secret id (for the cookie) and its CSRF token (for every changing request). */
    public record Session(String id, String csrf, User user) {
    }

    public static final int MIN_PASSWORD = 12;
    private static final int COST = 10;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Database database;
    private final Clock clock;

    public Users(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /**
     * Adds a user.
     *
     * @throws IllegalArgumentException naming what is wrong (name taken or malformed, password too short, role)
     */
    public User add(String username, String displayName, Role role, String team, String password) {
        if (username == null || !username.matches("[a-z0-9][a-z0-9._-]{1,63}")) {
            throw new IllegalArgumentException("a username is 2 to 64 lower-case letters, digits, '.', '_' or '-', got '" + username + "'");
        }
        if (role == Role.SYSTEM) {
            throw new IllegalArgumentException("the system role is the desk's own; give a person agent, senior, supervisor, executive or admin");
        }
        checkPassword(password);
        return database.jdbi().inTransaction(h -> {
            if (h.createQuery("select count(*) from desk_user where username = :u").bind("u", username).mapTo(Long.class).one() > 0) {
                throw new IllegalArgumentException("there is already a user '" + username + "'");
            }
            h.createUpdate("insert into desk_user (username, display_name, role, team, password_hash, created_at, active, version) "
                            + "values (:u, :name, :role, :team, :hash, :now, true, 0)")
                    .bind("u", username).bind("name", displayName == null || displayName.isBlank() ? username : displayName)
                    .bind("role", role.name()).bind("team", team).bind("hash", hash(password)).bind("now", at(clock.instant()))
                    .execute();
            return new User(username, displayName == null || displayName.isBlank() ? username : displayName, role, team, true);
        });
    }

    public void passwd(String username, String password) {
        checkPassword(password);
        int n = database.jdbi().withHandle(h -> h.createUpdate("update desk_user set password_hash = :hash, version = version + 1 "
                + "where username = :u").bind("hash", hash(password)).bind("u", username).execute());
        if (n == 0) {
            throw new NotFoundException("there is no user '" + username + "'");
        }
        // a new password ends every session opened with the old one, and every API token made under it
        database.jdbi().useHandle(h -> h.createUpdate("delete from web_session where username = :u").bind("u", username).execute());
        revokeTokensOf(username);
    }

    /** Deactivates or reactivates a user; deactivation ends their sessions and tokens (reactivation revives none). */
    public void setActive(String username, boolean active) {
        int n = database.jdbi().withHandle(h -> h.createUpdate("update desk_user set active = :a, version = version + 1 "
                + "where username = :u").bind("a", active).bind("u", username).execute());
        if (n == 0) {
            throw new NotFoundException("there is no user '" + username + "'");
        }
        if (!active) {
            database.jdbi().useHandle(h -> h.createUpdate("delete from web_session where username = :u").bind("u", username).execute());
            revokeTokensOf(username);
        }
    }

    private void revokeTokensOf(String username) {
        database.jdbi().useHandle(h -> h.createUpdate("update api_token set revoked_at = :now where username = :u and revoked_at is null")
                .bind("now", at(clock.instant())).bind("u", username).execute());
    }

    public List<User> list() {
        return database.jdbi().withHandle(h -> h.createQuery("select * from desk_user order by username")
                .map((rs, ctx) -> user(rs)).list());
    }

    public Optional<User> find(String username) {
        return database.jdbi().withHandle(h -> h.createQuery("select * from desk_user where username = :u").bind("u", username)
                .map((rs, ctx) -> user(rs)).findOne());
    }

    /** The user, when the password is theirs and they are active. */
    public Optional<User> authenticate(String username, String password) {
        Optional<String> stored = database.jdbi().withHandle(h -> h.createQuery(
                "select password_hash from desk_user where username = :u and active = true").bind("u", username)
                .mapTo(String.class).findOne());
        // the same work whether or not the user exists, so timing does not tell which names are taken
        String hash = stored.orElseGet(() -> Dummy.HASH);
        boolean ok = BCrypt.verifyer().verify(password.toCharArray(), hash.toCharArray()).verified;
        return ok && stored.isPresent() ? find(username) : Optional.empty();
    }

    public Session openSession(User user, Duration ttl) {
        String id = secret();
        String csrf = secret();
        Instant now = clock.instant();
        database.jdbi().useHandle(h -> h.createUpdate("insert into web_session (id_hash, username, csrf, created_at, expires_at) "
                        + "values (:id, :u, :csrf, :now, :until)")
                .bind("id", sha256(id)).bind("u", user.username()).bind("csrf", csrf).bind("now", at(now))
                .bind("until", at(now.plus(ttl))).execute());
        return new Session(id, csrf, user);
    }

    public Optional<Session> session(String id) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        return database.jdbi().withHandle(h -> h.createQuery("select s.csrf, u.* from web_session s join desk_user u "
                        + "on u.username = s.username where s.id_hash = :id and s.expires_at > :now and u.active = true")
                .bind("id", sha256(id)).bind("now", at(clock.instant()))
                .map((rs, ctx) -> new Session(id, rs.getString("csrf"), user(rs))).findOne());
    }

    public void closeSession(String id) {
        database.jdbi().useHandle(h -> h.createUpdate("delete from web_session where id_hash = :id").bind("id", sha256(id)).execute());
    }

    /**
     * An API token as the desk lists it; never the token itself. Its {@code id} is the start of its hash: enough to
     * name it, nothing to sign in with.
     */
    public record TokenInfo(String id, String username, String name, Instant createdAt, Instant lastUsedAt, Instant expiresAt,
                            Instant revokedAt) {
        /** "active", "expired" or "revoked", at {@code now}. */
        public String state(Instant now) {
            return revokedAt != null ? "revoked" : expiresAt != null && !expiresAt.isAfter(now) ? "expired" : "active";
        }
    }

    /** Length of a token's id, the start of its hash. */
    static final int TOKEN_ID = 12;

    /** A new API token for a user: shown once, stored only as its hash. */
    public String createToken(String username, String name) {
        return createToken(username, name, null);
    }

    /** A new API token that stops working at {@code expiresAt} (null: when revoked). */
    public String createToken(String username, String name, Instant expiresAt) {
        User u = find(username).orElseThrow(() -> new NotFoundException("there is no user '" + username + "'"));
        if (!u.active()) {
            throw new IllegalArgumentException(username + " is deactivated: no token can be made for them");
        }
        if (name == null || name.isBlank() || name.length() > 200) {
            throw new IllegalArgumentException("name: say what the token is for, in 1 to 200 characters");
        }
        if (expiresAt != null && !expiresAt.isAfter(clock.instant())) {
            throw new IllegalArgumentException("expiresAt: " + expiresAt + " has passed");
        }
        String token = "rdt_" + secret();
        database.jdbi().useHandle(h -> h.createUpdate("insert into api_token (token_hash, username, name, created_at, expires_at) "
                        + "values (:hash, :u, :name, :now, :until)")
                .bind("hash", sha256(token)).bind("u", username).bind("name", name.strip()).bind("now", at(clock.instant()))
                .bind("until", at(expiresAt)).execute());
        return token;
    }

    /** The tokens of a user (or everybody's when {@code username} is null), newest first. */
    public List<TokenInfo> tokens(String username) {
        return database.jdbi().withHandle(h -> h.createQuery("select * from api_token"
                        + (username == null ? "" : " where username = :u") + " order by created_at desc")
                .bindMap(username == null ? Map.of() : Map.of("u", username))
                .map((rs, ctx) -> new TokenInfo(rs.getString("token_hash").substring(0, TOKEN_ID), rs.getString("username"),
                        rs.getString("name"), instant(rs, "created_at"), instant(rs, "last_used_at"), instant(rs, "expires_at"),
                        instant(rs, "revoked_at"))).list());
    }

    /** The token with this id, whoever's it is. */
    public Optional<TokenInfo> token(String id) {
        return tokens(null).stream().filter(t -> t.id().equals(id)).findFirst();
    }

    /** Revokes a token by its id; true when it was active until now. */
    public boolean revokeToken(String id) {
        if (id == null || !id.matches("[0-9a-f]{" + TOKEN_ID + "}")) {
            throw new NotFoundException("there is no token '" + id + "'");
        }
        return database.jdbi().withHandle(h -> h.createUpdate("update api_token set revoked_at = :now where token_hash like :id "
                + "and revoked_at is null").bind("now", at(clock.instant())).bind("id", id + "%").execute()) > 0;
    }

    public Optional<User> byToken(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        String hash = sha256(token);
        Optional<User> user = database.jdbi().withHandle(h -> h.createQuery("select u.* from api_token t join desk_user u "
                        + "on u.username = t.username where t.token_hash = :hash and u.active = true and t.revoked_at is null "
                        + "and (t.expires_at is null or t.expires_at > :now)")
                .bind("hash", hash).bind("now", at(now)).map((rs, ctx) -> user(rs)).findOne());
        if (user.isPresent()) {
            // the last use, written at most once a minute so that a busy token does not write on every call
            database.jdbi().useHandle(h -> h.createUpdate("update api_token set last_used_at = :now where token_hash = :hash "
                    + "and (last_used_at is null or last_used_at < :minuteAgo)").bind("now", at(now)).bind("hash", hash)
                    .bind("minuteAgo", at(now.minusSeconds(60))).execute());
        }
        return user;
    }

    private static Instant instant(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        java.time.OffsetDateTime t = rs.getObject(column, java.time.OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static void checkPassword(String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_PASSWORD) {
            throw new IllegalArgumentException("a password needs at least " + MIN_PASSWORD + " characters");
        }
        // zxcvbn's estimate, with its lists of common passwords, names and words: below 3 ("safely unguessable") a
        // guesser with a stolen hash, or a patient one at the sign-in, finds it
        com.nulabinc.zxcvbn.Strength strength = Strength.ESTIMATOR.measure(password);
        if (strength.getScore() < 3) {
            String warning = strength.getFeedback().getWarning();
            throw new IllegalArgumentException("this password is too easy to guess" + (warning == null || warning.isBlank() ? ""
                    : " (" + warning.replaceAll("\\.$", "").toLowerCase(java.util.Locale.ROOT) + ")")
                    + "; use a few unrelated words, or a password manager's");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > 72) {
            throw new IllegalArgumentException("a password may have at most 72 bytes (bcrypt reads no further)");
        }
    }

    private static String hash(String password) {
        return BCrypt.withDefaults().hashToString(COST, password.toCharArray());
    }

    /** A random password for a user the desk creates (the demo's), to be printed once. */
    public static String randomPassword() {
        return secret().substring(0, 16);
    }

    private static String secret() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** zxcvbn loads its dictionaries once. */
    private static final class Strength {
        static final com.nulabinc.zxcvbn.Zxcvbn ESTIMATOR = new com.nulabinc.zxcvbn.Zxcvbn();
    }

    private static final class Dummy {
        static final String HASH = hash("no user has this password");
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static User user(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new User(rs.getString("username"), rs.getString("display_name"), Role.valueOf(rs.getString("role")),
                rs.getString("team"), rs.getBoolean("active"));
    }
}
