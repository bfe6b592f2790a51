package org.redress.channel.email;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The desk's own Message-IDs, signed so that nobody can forge one: {@code redress.<complaint>.<token>.<mac>@<domain>},
 * where the MAC is an HMAC-SHA256 over complaint and token with the configured secret. A reply that
 * references a valid one is positively an answer to what the desk sent about that complaint; a reference in
 * the desk's format with a wrong MAC is a forgery and is dropped. The same triple travels in the body as a
 * marker ({@code [ref:<complaint>.<token>.<mac>]}) for providers that rewrite Message-IDs.
 */
final class MessageIds {

    /** Matches an id in our format, whatever its domain. */
    private static final Pattern OURS = Pattern.compile("redress\\.(\\d{1,18})\\.([a-z0-9]{1,64})\\.([0-9a-f]{20})@(.+)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern MARKER = Pattern.compile("\\[ref:(\\d{1,18})\\.([a-z0-9]{1,64})\\.([0-9a-f]{20})\\]",
            Pattern.CASE_INSENSITIVE);

    /** A verified reference to something the desk sent. */
    record Signed(long complaint, String token, String messageId) {
    }

    private final SecretKeySpec key;
    private final String domain;

    MessageIds(String secret, String domain) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("a message-id secret is required");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.domain = domain.toLowerCase(Locale.ROOT);
    }

    /** A new signed Message-ID (without angle brackets) for a reply about a complaint (0 when none). */
    String create(long complaint, String token) {
        String t = token.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        if (t.isEmpty() || t.length() > 64) {
            t = HexFormat.of().formatHex(sha256(token), 0, 16);
        }
        return "redress." + complaint + "." + t + "." + mac(complaint, t) + "@" + domain;
    }

    /** The body marker for a Message-ID this instance created. */
    String markerFor(String messageId) {
        Matcher m = OURS.matcher(messageId);
        if (!m.matches()) {
            throw new IllegalArgumentException("not one of ours: " + messageId);
        }
        return "[ref:" + m.group(1) + "." + m.group(2) + "." + m.group(3) + "]";
    }

    /** Whether an id claims to be ours (our format), valid or not. */
    static boolean looksOurs(String messageId) {
        return OURS.matcher(messageId).matches();
    }

    /** The reference, when it is ours and its MAC is right. */
    Optional<Signed> verify(String messageId) {
        Matcher m = OURS.matcher(messageId);
        if (!m.matches()) {
            return Optional.empty();
        }
        return verified(m.group(1), m.group(2), m.group(3), messageId);
    }

    /** The first valid body marker in a text, as the Message-ID it stands for. */
    Optional<Signed> findMarker(CharSequence text) {
        Matcher m = MARKER.matcher(text);
        while (m.find()) {
            String id = "redress." + m.group(1) + "." + m.group(2).toLowerCase(Locale.ROOT) + "."
                    + m.group(3).toLowerCase(Locale.ROOT) + "@" + domain;
            Optional<Signed> signed = verified(m.group(1), m.group(2), m.group(3), id);
            if (signed.isPresent()) {
                return signed;
            }
        }
        return Optional.empty();
    }

    private Optional<Signed> verified(String complaint, String token, String mac, String messageId) {
        long number;
        try {
            number = Long.parseLong(complaint);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        String t = token.toLowerCase(Locale.ROOT);
        boolean ok = MessageDigest.isEqual(mac(number, t).getBytes(StandardCharsets.US_ASCII),
                mac.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
        return ok ? Optional.of(new Signed(number, t, messageId)) : Optional.empty();
    }

    private String mac(long complaint, String token) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] sig = mac.doFinal((complaint + "." + token).getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(sig, 0, 10);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has HmacSHA256", e);
        }
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
