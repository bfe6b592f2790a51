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

    private final String region;

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
        if (isWithheld(raw)) {
            return WITHHELD;
        }
        String n = raw.strip().replaceFirst("^(tel|sip|sips):", "").replaceFirst("@.*$", "");
        String digits = n.replaceAll("[^0-9+]", "");
        if (digits.isEmpty()) {
            return n;
        }
        if (digits.length() <= 6 && !digits.startsWith("+")) {
            return digits; // an internal extension
        }
        if (digits.startsWith("00")) {
            digits = "+" + digits.substring(2);
        }
        String parsed = parse(digits, region);
        if (parsed == null && !digits.startsWith("+")) {
            // PBXs and CTI often send international numbers without the plus
            parsed = parse("+" + digits, null);
        }
        return parsed != null ? parsed : digits;
    }

    SenderIdentity identity(String raw, String name) {
        String number = normalise(raw);
        return number.equals(WITHHELD) ? SenderIdentity.withheld(name) : SenderIdentity.phone(number,
                name == null || name.equals(raw) || name.equals(number) ? "" : name);
    }

    private static String parse(String number, String region) {
        try {
            Phonenumber.PhoneNumber p = UTIL.parse(number, region == null ? "ZZ" : region);
            return UTIL.isValidNumber(p) ? UTIL.format(p, PhoneNumberUtil.PhoneNumberFormat.E164) : null;
        } catch (NumberParseException e) {
            return null;
        }
    }
}
