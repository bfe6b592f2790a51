package org.redress.channel.email;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.mozilla.universalchardet.UniversalDetector;

/**
 * Bytes of mail text to a string by the chain that real-world mail needs: bytes that are valid UTF-8 are
 * UTF-8 whatever the label says; then the declared charset after its label is normalised (mail clients write
 * {@code gb2312} for GBK text, {@code ks_c_5601-1987} for cp949, {@code unicode-1-1-utf-7}, junk); then, for
 * text without a usable label, windows-1252 (the superset of Latin-1 that such mail nearly always is);
 * malformed bytes become U+FFFD, never an exception.
 */
final class Charsets {

    /** The charset Java does not have that mail still uses. */
    static final String UTF_7 = "utf-7";

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("gb2312", "GBK"), Map.entry("iso-gb2312", "GBK"), Map.entry("gb_2312-80", "GBK"),
            Map.entry("x-gbk", "GBK"), Map.entry("euc-cn", "GBK"), Map.entry("cn-gb", "GBK"), Map.entry("csgb2312", "GBK"),
            Map.entry("ks_c_5601-1987", "x-windows-949"), Map.entry("ks_c_5601", "x-windows-949"),
            Map.entry("ksc5601", "x-windows-949"), Map.entry("euc-kr", "x-windows-949"),
            Map.entry("iso-2022-jp", "x-windows-iso2022jp"), Map.entry("shift-jis", "windows-31j"),
            Map.entry("shift_jis", "windows-31j"), Map.entry("sjis", "windows-31j"), Map.entry("x-sjis", "windows-31j"),
            Map.entry("unicode-1-1-utf-7", UTF_7), Map.entry("x-unicode-2-0-utf-7", UTF_7), Map.entry("utf7", UTF_7),
            Map.entry("utf8", "UTF-8"), Map.entry("unicode-1-1-utf-8", "UTF-8"), Map.entry("x-unicode20utf8", "UTF-8"),
            Map.entry("latin1", "ISO-8859-1"), Map.entry("latin-1", "ISO-8859-1"), Map.entry("iso-8859-8-i", "ISO-8859-8"),
            Map.entry("ansi_x3.4-1968", "US-ASCII"), Map.entry("cp1252", "windows-1252"), Map.entry("x-mac-roman", "x-MacRoman"));

    private Charsets() {
    }

    /** The Java charset for a label from a mail header, or empty when no sensible one exists. */
    static Optional<Charset> forLabel(String label) {
        if (label == null) {
            return Optional.empty();
        }
        String l = label.strip().replaceAll("^[\"']+|[\"';]+$", "").toLowerCase(Locale.ROOT);
        // "en_US.iso885915" and similar locale-style labels: keep what follows the dot
        if (l.contains(".") && l.indexOf('.') < l.length() - 1 && l.matches("[a-z]{2}_[a-z]{2}\\..+")) {
            l = l.substring(l.indexOf('.') + 1);
        }
        l = l.replaceAll("[^a-z0-9_.:()-].*$", "");
        if (l.isEmpty() || l.equals("default") || l.equals("x-user-defined") || l.equals("iso") || l.equals("unknown")
                || l.equals("unknown-8bit") || l.equals("x-unknown") || l.equals("us-ascii") || l.equals("ascii")) {
            return Optional.empty();
        }
        l = ALIASES.getOrDefault(l, l);
        if (l.equals(UTF_7)) {
            return Optional.empty();
        }
        l = l.replaceFirst("^(?:windows|win|cp|ms)-?(\\d{3,4})$", "windows-$1")
                .replaceFirst("^iso[-_]?8859[-_]?(\\d{1,2})$", "ISO-8859-$1")
                .replaceFirst("^iso8859-(\\d{1,2})$", "ISO-8859-$1");
        try {
            return Optional.of(Charset.forName(l));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    static boolean isUtf7(String label) {
        if (label == null) {
            return false;
        }
        String l = label.strip().replaceAll("^[\"']+|[\"';]+$", "").toLowerCase(Locale.ROOT);
        return ALIASES.getOrDefault(l, l).equals(UTF_7);
    }

    /** Text of {@code bytes} that were declared to be in {@code label} (null when undeclared). */
    static String decode(byte[] bytes, String label) {
        return decode(bytes, label, false);
    }

    /**
     * @param detectFirst whether detection goes before the declared charset: for raw 8-bit header bytes, where
     *                    the "declared" charset is only the body's and says nothing about the header
     */
    static String decode(byte[] bytes, String label, boolean detectFirst) {
        if (isAscii(bytes)) {
            if (hasIso2022Escape(bytes)) {
                Optional<String> jis = strictly(bytes, Charset.forName("x-windows-iso2022jp"));
                if (jis.isPresent()) {
                    return jis.get();
                }
            }
            return isUtf7(label) ? utf7(bytes) : new String(bytes, StandardCharsets.US_ASCII);
        }
        Optional<String> utf8 = strictly(bytes, StandardCharsets.UTF_8);
        if (utf8.isPresent()) {
            return utf8.get();
        }
        if (detectFirst) {
            Optional<String> detected = detected(bytes);
            if (detected.isPresent()) {
                return detected.get();
            }
        }
        Optional<Charset> declared = forLabel(label);
        if (declared.isPresent()) {
            Optional<String> text = strictly(bytes, declared.get());
            if (text.isPresent()) {
                return text.get();
            }
            // declared but wrong in places: keep what decodes, mark the rest
            return detected(bytes).orElseGet(() -> new String(bytes, declared.get()));
        }
        return detected(bytes).orElseGet(() -> new String(bytes, WINDOWS_1252));
    }

    /** The text by juniversalchardet's guess, when it has one and the bytes decode cleanly in it. */
    static Optional<String> detected(byte[] bytes) {
        UniversalDetector detector = new UniversalDetector();
        detector.handleData(bytes, 0, bytes.length);
        detector.dataEnd();
        String guess = detector.getDetectedCharset();
        if (guess == null) {
            return Optional.empty();
        }
        return forLabel(guess).flatMap(cs -> strictly(bytes, cs));
    }

    private static boolean hasIso2022Escape(byte[] bytes) {
        for (int i = 0; i + 1 < bytes.length; i++) {
            if (bytes[i] == 0x1b && (bytes[i + 1] == '$' || bytes[i + 1] == '(')) {
                return true;
            }
        }
        return false;
    }

    static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    static Optional<String> strictly(byte[] bytes, Charset charset) {
        try {
            return Optional.of(charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** RFC 2152 UTF-7: ASCII as itself, other characters as modified base64 of UTF-16 between '+' and '-'. */
    static String utf7(byte[] bytes) {
        StringBuilder out = new StringBuilder(bytes.length);
        int i = 0;
        while (i < bytes.length) {
            char c = (char) (bytes[i] & 0x7f);
            if (c != '+') {
                out.append(c);
                i++;
                continue;
            }
            int start = ++i;
            while (i < bytes.length && base64(bytes[i]) >= 0) {
                i++;
            }
            if (i == start) {
                out.append('+'); // "+-" is a literal plus
            } else {
                ByteArrayOutputStream utf16 = new ByteArrayOutputStream();
                int buffer = 0;
                int bits = 0;
                for (int k = start; k < i; k++) {
                    buffer = (buffer << 6) | base64(bytes[k]);
                    bits += 6;
                    if (bits >= 8) {
                        bits -= 8;
                        utf16.write((buffer >> bits) & 0xff);
                    }
                }
                out.append(new String(utf16.toByteArray(), StandardCharsets.UTF_16BE));
            }
            if (i < bytes.length && bytes[i] == '-') {
                i++;
            }
        }
        return out.toString();
    }

    private static int base64(byte b) {
        if (b >= 'A' && b <= 'Z') {
            return b - 'A';
        }
        if (b >= 'a' && b <= 'z') {
            return b - 'a' + 26;
        }
        if (b >= '0' && b <= '9') {
            return b - '0' + 52;
        }
        return b == '+' ? 62 : b == '/' ? 63 : -1;
    }
}
