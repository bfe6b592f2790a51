package org.redress.channel.email;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.redress.core.channel.Attachment;
import org.redress.core.channel.Inbound;
import org.redress.core.channel.InboundMessage;
import org.redress.core.channel.Quarantined;
import org.redress.core.channel.RawSource;
import org.redress.core.channel.SenderIdentity;
import org.redress.core.channel.Visibility;

/**
 * One raw message to an {@link Inbound}: Angus with lenient settings does the MIME work; anything it cannot
 * make sense of, including runtime exceptions from deep inside it, becomes a quarantined item.
 */
final class MailParser {

    static final String MEDIA_TYPE = "message/rfc822";

    /*
     * Angus reads these switches from system properties, not from the Session, so that is where they must be
     * set for real-world mail to be read leniently. Only unset ones are set: a deployment's own choice wins.
     */
    static {
        for (String[] p : new String[][] {
                {"mail.mime.decodetext.strict", "false"},
                {"mail.mime.base64.ignoreerrors", "true"},
                {"mail.mime.uudecode.ignoreerrors", "true"},
                {"mail.mime.uudecode.ignoremissingbeginend", "true"},
                {"mail.mime.multipart.ignoremissingendboundary", "true"},
                {"mail.mime.multipart.ignoremissingboundaryparameter", "true"},
                {"mail.mime.multipart.allowempty", "true"},
                {"mail.mime.parameters.strict", "false"},
                {"mail.mime.ignoreunknownencoding", "true"}}) {
            if (System.getProperty(p[0]) == null) {
                System.setProperty(p[0], p[1]);
            }
        }
    }
    private static final Pattern MESSAGE_ID = Pattern.compile("<([^<>\\s]+)>");

    private final Session session;
    private final MachineMail machineMail;
    private final long maxSize;

    MailParser(MachineMail machineMail, long maxSize) {
        this.machineMail = machineMail;
        this.maxSize = maxSize;
        Properties props = new Properties();
        // Real-world mail breaks every rule; these make Angus read what it can instead of failing.
        props.setProperty("mail.mime.address.strict", "false");
        props.setProperty("mail.mime.decodetext.strict", "false");
        props.setProperty("mail.mime.decodefilename", "true");
        props.setProperty("mail.mime.decodeparameters", "true");
        props.setProperty("mail.mime.parameters.strict", "false");
        props.setProperty("mail.mime.multipart.ignoremissingendboundary", "true");
        props.setProperty("mail.mime.multipart.ignoremissingboundaryparameter", "true");
        props.setProperty("mail.mime.multipart.ignoreexistingboundaryparameter", "false");
        props.setProperty("mail.mime.multipart.allowempty", "true");
        props.setProperty("mail.mime.base64.ignoreerrors", "true");
        props.setProperty("mail.mime.uudecode.ignoreerrors", "true");
        props.setProperty("mail.mime.uudecode.ignoremissingbeginend", "true");
        this.session = Session.getInstance(props);
    }

    Inbound parse(Path file, String location) {
        try {
            long size = Files.size(file);
            if (size > maxSize) {
                byte[] head = new byte[(int) Math.min(64 * 1024, size)];
                try (InputStream in = Files.newInputStream(file)) {
                    head = in.readNBytes(head.length);
                }
                return Quarantined.of(EmailChannelPlugin.ID, "message of " + size + " bytes is larger than max-size "
                        + maxSize + "; only its first " + head.length + " bytes are kept",
                        new RawSource(location, MEDIA_TYPE, head));
            }
            return parse(Files.readAllBytes(file), location, Files.getLastModifiedTime(file).toInstant());
        } catch (IOException e) {
            return Quarantined.of(EmailChannelPlugin.ID, "cannot read file: " + e.getMessage(),
                    new RawSource(location, MEDIA_TYPE, location.getBytes(StandardCharsets.UTF_8)));
        }
    }

    /**
     * @param received when the message reached us, used when its Date header is missing or unreadable
     */
    Inbound parse(byte[] bytes, String location, Instant received) {
        RawSource raw = new RawSource(location, MEDIA_TYPE, bytes);
        if (bytes.length == 0) {
            return Quarantined.of(EmailChannelPlugin.ID, "empty file", new RawSource(location, MEDIA_TYPE,
                    location.getBytes(StandardCharsets.UTF_8)));
        }
        try {
            MimeMessage message = new MimeMessage(session, new ByteArrayInputStream(bytes));
            if (!message.getAllHeaders().hasMoreElements() || looksBinary(bytes)) {
                return Quarantined.of(EmailChannelPlugin.ID, "no RFC 5322 header found: this is not a mail message", raw);
            }
            Optional<InternetAddress> from = sender(message);
            if (from.isEmpty()) {
                return Quarantined.of(EmailChannelPlugin.ID, "no sender: neither From, Sender nor Return-Path "
                        + "holds an address", raw);
            }
            Body body = new Body();
            body.walk(message);
            String messageId = messageIds(message.getHeader("Message-ID", " ")).stream().findFirst()
                    .orElseGet(() -> "sha256:" + digest(bytes));
            InternetAddress sender = from.get();
            return InboundMessage.builder(EmailChannelPlugin.ID, messageId)
                    .threadReferences(references(message, messageId))
                    .sender(SenderIdentity.email(sender.getAddress(), sender.getPersonal()))
                    .sentAt(sentAt(message).orElse(received))
                    .subject(header(Optional.ofNullable(message.getSubject()).orElse("")).strip())
                    .text(body.text())
                    .languageHint(message.getHeader("Content-Language", ","))
                    .visibility(Visibility.PRIVATE)
                    .attachments(body.attachments)
                    .automated(machineMail.classify(message, from).orElse(null))
                    .raw(raw)
                    .build();
        } catch (MessagingException | IOException | RuntimeException e) {
            // Angus throws runtime exceptions from deep inside on some malformed input; none may stop intake.
            return Quarantined.of(EmailChannelPlugin.ID, "unreadable MIME: " + e.getClass().getSimpleName() + ": "
                    + e.getMessage(), raw);
        }
    }

    /**
     * A header decoded from raw 8-bit bytes comes back as Latin-1; when those bytes are valid UTF-8 (as mail
     * clients mostly send), read them as UTF-8.
     */
    static String header(String value) {
        boolean high = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c > 0xff) {
                return value; // already decoded beyond Latin-1
            }
            high |= c >= 0x80;
        }
        if (!high) {
            return value;
        }
        byte[] raw = value.getBytes(StandardCharsets.ISO_8859_1);
        return Body.strictly(raw, StandardCharsets.UTF_8).orElse(value);
    }

    private static Optional<InternetAddress> sender(MimeMessage message) throws MessagingException {
        for (String header : List.of("From", "Sender", "Reply-To", "Return-Path")) {
            String value = message.getHeader(header, ",");
            if (value == null || value.isBlank()) {
                continue;
            }
            try {
                for (Address a : InternetAddress.parseHeader(value, false)) {
                    if (a instanceof InternetAddress ia && ia.getAddress() != null && ia.getAddress().contains("@")) {
                        return Optional.of(ia);
                    }
                }
            } catch (MessagingException e) {
                // a broken header: try the next one
            }
        }
        // "From: MAILER-DAEMON <>": a mail system that gives no address is still the sender of its report
        String from = Optional.ofNullable(message.getHeader("From", ",")).orElse("").toLowerCase(Locale.ROOT);
        for (String system : List.of("mailer-daemon", "postmaster", "mail delivery")) {
            if (from.contains(system)) {
                return Optional.of(new InternetAddress(system.replace(' ', '-') + "@unknown.invalid", false));
            }
        }
        return Optional.empty();
    }

    /** In-Reply-To first, then References from the nearest (last) back: the nearest ancestor comes first. */
    private static List<String> references(MimeMessage message, String ownId) throws MessagingException {
        Set<String> refs = new LinkedHashSet<>(messageIds(message.getHeader("In-Reply-To", " ")));
        List<String> chain = messageIds(message.getHeader("References", " "));
        for (int i = chain.size() - 1; i >= 0; i--) {
            refs.add(chain.get(i));
        }
        refs.remove(ownId);
        return List.copyOf(refs);
    }

    static List<String> messageIds(String header) {
        List<String> ids = new ArrayList<>();
        if (header == null) {
            return ids;
        }
        Matcher m = MESSAGE_ID.matcher(header);
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    private static Optional<Instant> sentAt(MimeMessage message) {
        try {
            return Optional.ofNullable(message.getSentDate()).map(java.util.Date::toInstant);
        } catch (MessagingException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static boolean looksBinary(byte[] bytes) {
        int n = Math.min(bytes.length, 1024);
        int control = 0;
        for (int i = 0; i < n; i++) {
            int b = bytes[i] & 0xff;
            if (b == 0 || (b < 0x09) || (b > 0x0d && b < 0x20 && b != 0x1b)) {
                control++;
            }
        }
        return control > n / 10;
    }

    private static String digest(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** Text and attachments found by walking the MIME tree. */
    private static final class Body {
        private final StringBuilder plain = new StringBuilder();
        private final StringBuilder html = new StringBuilder();
        private final List<Attachment> attachments = new ArrayList<>();

        void walk(Part part) throws MessagingException, IOException {
            String disposition = part.getDisposition();
            String filename = safeFilename(part);
            if (part.isMimeType("multipart/*")) {
                Object content = part.getContent();
                if (content instanceof Multipart multipart) {
                    for (int i = 0; i < multipart.getCount(); i++) {
                        BodyPart child = multipart.getBodyPart(i);
                        walk(child);
                    }
                    if (multipart.getCount() == 0) {
                        appendPlain(part);
                    }
                }
            } else if (part.isMimeType("message/rfc822")) {
                Object content = part.getContent();
                String subject = content instanceof MimeMessage m && m.getSubject() != null ? m.getSubject() : "message";
                attachments.add(new Attachment(subject + ".eml", "message/rfc822", part.getInputStream().readAllBytes()));
            } else if (Part.ATTACHMENT.equalsIgnoreCase(disposition) || (filename != null && !part.isMimeType("text/*"))) {
                attachments.add(new Attachment(filename == null ? "attachment" : filename, baseType(part),
                        part.getInputStream().readAllBytes()));
            } else if (part.isMimeType("text/html")) {
                html.append(decode(part)).append('\n');
            } else if (part.isMimeType("text/*") || part.getContentType() == null) {
                appendPlain(part);
            } else {
                attachments.add(new Attachment(filename == null ? "attachment" : filename, baseType(part),
                        part.getInputStream().readAllBytes()));
            }
        }

        private void appendPlain(Part part) throws MessagingException, IOException {
            if (!plain.isEmpty()) {
                plain.append('\n');
            }
            plain.append(decode(part));
        }

        String text() {
            String text = plain.toString().strip();
            if (text.isEmpty() && !html.isEmpty()) {
                text = HtmlText.toText(html.toString());
            }
            return text.replace("\r\n", "\n");
        }

        private static String safeFilename(Part part) {
            try {
                String name = part.getFileName();
                if (name == null) {
                    return null;
                }
                name = MimeUtility.decodeText(name);
                // never a path: keep the last segment only
                return name.replaceAll(".*[/\\\\]", "");
            } catch (MessagingException | IOException | RuntimeException e) {
                return null;
            }
        }

        private static String baseType(Part part) throws MessagingException {
            try {
                return new ContentType(part.getContentType()).getBaseType().toLowerCase(Locale.ROOT);
            } catch (MessagingException | RuntimeException e) {
                return "application/octet-stream";
            }
        }

        /** Text by the charset chain: valid UTF-8, then the declared charset, then ISO-8859-1. */
        private static String decode(Part part) throws MessagingException, IOException {
            byte[] bytes;
            try (InputStream in = part.getInputStream()) {
                bytes = in.readAllBytes();
            }
            Optional<String> utf8 = strictly(bytes, StandardCharsets.UTF_8);
            if (utf8.isPresent()) {
                return utf8.get();
            }
            String declared = null;
            try {
                declared = new ContentType(part.getContentType()).getParameter("charset");
            } catch (MessagingException | RuntimeException e) {
                // no usable Content-Type
            }
            if (declared != null) {
                try {
                    return new String(bytes, Charset.forName(MimeUtility.javaCharset(declared.strip())));
                } catch (RuntimeException e) {
                    // unknown or illegal charset name
                }
            }
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }

        private static Optional<String> strictly(byte[] bytes, Charset charset) {
            try {
                return Optional.of(charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString());
            } catch (CharacterCodingException e) {
                return Optional.empty();
            }
        }
    }
}
