package org.redress.channel.email;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A header value as a person wrote it, from what mail clients actually send: RFC 2047 encoded-words,
 * including ones split in the middle of a multi-byte character (adjacent words of one charset are joined as
 * bytes before decoding, as FreeScout does), ones with spaces inside, unknown or bogus charset labels, and
 * raw 8-bit bytes with no encoding at all, which go through the same charset chain as bodies.
 */
final class HeaderText {

    private static final Pattern ENCODED_WORD = Pattern.compile("=\\?([^?\\s]{1,64})\\?([bBqQ])\\?([^?]{0,2000}?)\\?=");
    private static final Pattern BETWEEN_WORDS = Pattern.compile("[ \\t\\r\\n]*");

    private HeaderText() {
    }

    /**
     * @param raw          the header value as Angus read it (bytes as ISO-8859-1 characters)
     * @param fallbackLabel the charset to try for raw 8-bit bytes that are not UTF-8 (the body's), or null
     */
    static String decode(String raw, String fallbackLabel) {
        if (raw == null) {
            return "";
        }
        String value = raw.replaceAll("\\r?\\n[ \\t]", " ").replace("\r", "").replace("\n", "");
        StringBuilder out = new StringBuilder(value.length());
        Matcher m = ENCODED_WORD.matcher(value);
        int at = 0;
        String pendingCharset = null;
        ByteArrayOutputStream pending = new ByteArrayOutputStream();
        while (m.find()) {
            String between = value.substring(at, m.start());
            boolean adjacent = pendingCharset != null && BETWEEN_WORDS.matcher(between).matches();
            String charset = m.group(1).replaceFirst("\\*.*$", "");
            if (!adjacent || !charset.equalsIgnoreCase(pendingCharset)) {
                flush(out, pending, pendingCharset);
                pendingCharset = null;
                if (!adjacent) {
                    out.append(raw8bit(between, fallbackLabel));
                }
            }
            pendingCharset = charset;
            byte[] bytes = m.group(2).equalsIgnoreCase("B") ? base64(m.group(3)) : quotedPrintable(m.group(3));
            pending.writeBytes(bytes);
            at = m.end();
        }
        flush(out, pending, pendingCharset);
        out.append(raw8bit(value.substring(at), fallbackLabel));
        return out.toString().strip();
    }

    private static void flush(StringBuilder out, ByteArrayOutputStream pending, String charset) {
        if (pending.size() > 0) {
            out.append(Charsets.decode(pending.toByteArray(), charset));
            pending.reset();
        }
    }

    /** Characters that are really raw bytes (all below U+0100, some above U+007F) decoded by the chain. */
    private static String raw8bit(String s, String fallbackLabel) {
        boolean high = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c > 0xff) {
                return s;
            }
            high |= c >= 0x80;
        }
        if (!high) {
            return s.indexOf('\u001b') >= 0 ? Charsets.decode(s.getBytes(StandardCharsets.ISO_8859_1), fallbackLabel) : s;
        }
        return Charsets.decode(s.getBytes(StandardCharsets.ISO_8859_1), fallbackLabel, true);
    }

    private static byte[] base64(String text) {
        String clean = text.replaceAll("[^A-Za-z0-9+/]", "");
        if (clean.length() % 4 == 1) {
            clean = clean.substring(0, clean.length() - 1); // a stray character cannot be decoded
        }
        while (clean.length() % 4 != 0) {
            clean += "=";
        }
        try {
            return Base64.getDecoder().decode(clean);
        } catch (IllegalArgumentException e) {
            return text.getBytes(StandardCharsets.ISO_8859_1);
        }
    }

    private static byte[] quotedPrintable(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '_') {
                out.write(' ');
            } else if (c == '=' && i + 2 < text.length() && hex(text.charAt(i + 1)) >= 0 && hex(text.charAt(i + 2)) >= 0) {
                out.write(hex(text.charAt(i + 1)) * 16 + hex(text.charAt(i + 2)));
                i += 2;
            } else {
                out.write(c & 0xff);
            }
        }
        return out.toByteArray();
    }

    private static int hex(char c) {
        return Character.digit(Character.toUpperCase(c), 16);
    }
}
