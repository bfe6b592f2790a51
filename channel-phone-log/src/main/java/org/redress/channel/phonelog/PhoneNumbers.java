package org.redress.channel.phonelog;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import java.util.Locale;
import java.util.Set;
import org.redress.core.channel.SenderIdentity;

/**
 * Phone numbers to E.164 with Google's libphonenumber, using the desk's default region for national numbers.
 * Withheld numbers are said to be withheld; short internal extensions stay as they are.
 */
final class PhoneNumbers {

    static final String WITHHELD = "withheld";

    private static final Set<String> HIDDEN = Set.of("", "anonymous", "withheld", "private", "restricted", "unknown",
            "unavailable", "blocked", "0000000000");
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final java.util.regex.Pattern URI_PARTS = java.util.regex.Pattern.compile("^(tel|sips?):|@.*$");
    private static final java.util.regex.Pattern NOT_DIALLABLE = java.util.regex.Pattern.compile("[^0-9+]");

    private final String region;
    /** Call logs name the same numbers again and again; parsing is the costly part, so keep recent answers. */
    private final java.util.Map<String, String> cache = new java.util.LinkedHashMap<>(1024, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(java.util.Map.Entry<String, String> eldest) {
            return size() > 50_000;
        }
    };

    /** @param region ISO 3166 region of national numbers (for example GB, RO), or null when numbers are international */
    PhoneNumbers(String region) {
        this.region = region == null || region.isBlank() ? null : region.strip().toUpperCase(Locale.ROOT);
        if (this.region != null && !UTIL.getSupportedRegions().contains(this.region)) {
            throw new IllegalArgumentException("'" + region + "' is not a region libphonenumber knows (use a code such as GB or RO)");
        }
    }

    static boolean isWithheld(String raw) {
        return raw == null || HIDDEN.contains(raw.strip().toLowerCase(Locale.ROOT));
    }

    /** The number in E.164, {@code withheld}, or the digits as written when they are no public number. */
    String normalise(String raw) {
        if (raw == null) {
            return WITHHELD;
        }
        String known = cache.get(raw);
        if (known != null) {
            return known;
        }
        String result = normaliseUncached(raw);
        cache.put(raw, result);
        return result;
    }

    private String normaliseUncached(String raw) {
        if (isE164(raw)) {
            return raw; // already in the form we want: nothing to parse
        }
        if (isWithheld(raw)) {
            return WITHHELD;
        }
        String n = URI_PARTS.matcher(raw.strip()).replaceAll("");
        String digits = NOT_DIALLABLE.matcher(n).replaceAll("");
        if (digits.isEmpty()) {
            return n;
        }
        if (digits.length() <= 6 && !digits.startsWith("+")) {
            return digits; // an internal extension
        }
        if (digits.startsWith("00")) {
            digits = "+" + digits.substring(2);
        }
        return e164(digits);
    }

    /**
     * Valid numbers first, then merely possible ones (unassigned ranges, such as drama numbers, are still
     * numbers a customer calls from); PBXs and CTI often send international numbers without the plus.
     */
    private String e164(String digits) {
        if (digits.startsWith("+")) {
            // written internationally: nothing to choose between, so the cheap length check is enough
            Phonenumber.PhoneNumber p = parse(digits, null);
            return p != null && UTIL.isPossibleNumber(p) ? UTIL.format(p, PhoneNumberUtil.PhoneNumberFormat.E164) : digits;
        }
        Phonenumber.PhoneNumber asDialled = parse(digits, region);
        Phonenumber.PhoneNumber withPlus = digits.startsWith("+") ? null : parse("+" + digits, null);
        for (Phonenumber.PhoneNumber p : new Phonenumber.PhoneNumber[] {asDialled, withPlus}) {
            if (p != null && UTIL.isValidNumber(p)) {
                return UTIL.format(p, PhoneNumberUtil.PhoneNumberFormat.E164);
            }
        }
        for (Phonenumber.PhoneNumber p : new Phonenumber.PhoneNumber[] {asDialled, withPlus}) {
            if (p != null && UTIL.isPossibleNumber(p)) {
                return UTIL.format(p, PhoneNumberUtil.PhoneNumberFormat.E164);
            }
        }
        return digits;
    }

    /** '+' and 7 to 15 digits: E.164 as written. */
    static boolean isE164(String s) {
        int n = s.length();
        if (n < 8 || n > 16 || s.charAt(0) != '+' || s.charAt(1) == '0') {
            return false;
        }
        for (int i = 1; i < n; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    SenderIdentity identity(String raw, String name) {
        return identityOf(normalise(raw), raw, name);
    }

    /** An identity for a number already normalised. */
    static SenderIdentity identityOf(String number, String raw, String name) {
        return number.equals(WITHHELD) ? SenderIdentity.withheld(name) : SenderIdentity.phone(number,
                name == null || name.equals(raw) || name.equals(number) ? "" : name);
    }

    private static Phonenumber.PhoneNumber parse(String number, String region) {
        try {
            return UTIL.parse(number, region == null ? "ZZ" : region);
        } catch (NumberParseException e) {
            return null;
        }
    }
}
