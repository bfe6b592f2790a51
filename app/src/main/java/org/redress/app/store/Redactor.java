package org.redress.app.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.redress.core.guard.PersonalData;

/**
 * Takes one customer's personal data out of texts: their name and its parts, their addresses (email, handle, phone,
 * however written), and, in what belongs to their complaints, every piece of personal data core's
 * {@link PersonalData} finds (IBANs, card, order and account numbers, phones, emails, street addresses). What the
 * agent did and said about the case stays readable; who it was about does not.
 */
final class Redactor {

    static final String ERASED = "[erased]";

    private final List<Pattern> needles = new ArrayList<>();

    Redactor(String displayName, List<String> addresses) {
        Set<String> exact = new LinkedHashSet<>();
        if (displayName != null && !displayName.isBlank()) {
            exact.add(displayName.strip());
            for (String part : displayName.strip().split("[\\s,.\"'<>()]+")) {
                // a name's parts: "Ionela" and "Popescu" on their own; short ones ("Al") are too common to take out
                if (part.codePointCount(0, part.length()) >= 3 && Character.isLetter(part.codePointAt(0))) {
                    needles.add(Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(part) + "(?![\\p{L}\\p{N}])",
                            Pattern.UNICODE_CASE | Pattern.CASE_INSENSITIVE));
                }
            }
        }
        for (String address : addresses) {
            String a = address.strip();
            // social identities are network:handle; a mastodon handle is @user@instance
            String bare = a.replaceFirst("^(x|mastodon|[a-z]+):(?=@|id:)", "");
            exact.add(a);
            exact.add(bare);
            String handle = bare.replaceFirst("^@", "");
            exact.add(handle);
            if (handle.contains("@")) {
                String local = handle.substring(0, handle.indexOf('@'));
                if (local.length() >= 4) {
                    exact.add(local);
                }
            }
            String digits = a.replaceAll("\\D", "");
            if (a.matches("\\+?[\\d\\s().-]{7,}") && digits.length() >= 7) {
                // a phone number however it is written: the last nine digits with anything between them
                String tail = digits.substring(Math.max(0, digits.length() - 9));
                needles.add(Pattern.compile(String.join("[\\s().-]*", tail.split(""))));
            }
        }
        for (String e : exact) {
            if (e.length() >= 3) {
                needles.add(Pattern.compile(Pattern.quote(e), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
            }
        }
        // the longest first, so an address is taken whole before a part of it
        needles.sort((x, y) -> y.pattern().length() - x.pattern().length());
    }

    /** The text without this customer's name and addresses; for texts that may be about anyone. */
    String withoutTheCustomer(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String t = text;
        for (Pattern p : needles) {
            t = p.matcher(t).replaceAll(ERASED);
        }
        return t;
    }

    /** The text without the customer and without any personal data; for texts of their own complaints. */
    String redact(String text) {
        String t = withoutTheCustomer(text);
        if (t == null || t.isEmpty()) {
            return t;
        }
        List<PersonalData.Finding> found = PersonalData.find(t);
        StringBuilder out = new StringBuilder(t);
        for (int i = found.size() - 1; i >= 0; i--) {
            PersonalData.Finding f = found.get(i);
            out.replace(f.start(), f.end(), ERASED);
        }
        return out.toString();
    }

    /** Whether {@code bytes} hold the customer's name or an address (a quarantined mail of theirs). */
    boolean foundIn(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            return false;
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        return needles.stream().anyMatch(p -> p.matcher(text).find());
    }

    /**
     * A stand-in for an id that may be derived from the customer's address (a Message-ID with their domain, a call
     * id with their number): the same id always gets the same stand-in, so threads between erased rows still join.
     */
    static String pseudonym(String id) {
        if (id == null || id.startsWith("erased-")) {
            return id;
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
            return "erased-" + HexFormat.of().formatHex(hash, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
