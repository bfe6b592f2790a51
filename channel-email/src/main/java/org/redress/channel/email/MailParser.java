package org.redress.channel.email;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimePart;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
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
 * One raw message to an {@link Inbound}: Angus with lenient settings does the MIME work, this class the
 * rest real-world mail needs (charset chain, header decoding, preamble fallback, quotes cut, attachment
 * names, bounce threading, subject tag, signed references). Anything it cannot make sense of, including
 * runtime exceptions from deep inside Angus and a parse that runs over its time cap, becomes a quarantined
 * item with the raw bytes; a parse never throws.
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
                {"mail.mime.ignoreunknownencoding", "true"},
                {"mail.mime.decodefilename", "true"},
                {"mail.mime.allowencodedmessages", "true"},
                {"mail.mime.ignorewhitespacelines", "true"},
                // Jakarta Mail 2.1 looks its StreamProvider up with a ServiceLoader scan of the class path for every
                // part it parses (jakartaee/mail-api#699, #861): a quarter of all parse time. Naming Angus's
                // provider makes the lookup a plain class-by-name.
                {"jakarta.mail.util.StreamProvider", "org.eclipse.angus.mail.util.MailStreamProvider"}}) {
            if (System.getProperty(p[0]) == null) {
                System.setProperty(p[0], p[1]);
            }
        }
    }

    private static final Pattern MESSAGE_ID = Pattern.compile("<([^<>\\s]+)>");
    private static final Pattern SUBJECT_TAG = Pattern.compile("\\[#(\\d{1,18})\\]");
    private static final Pattern META_CHARSET = Pattern.compile("<meta[^>]{0,200}?charset=[\"']?([\\w.:-]{1,40})",
            Pattern.CASE_INSENSITIVE);

    /** Runs parses under a time cap; daemon threads, so an abandoned runaway parse never holds the JVM. */
    private static final ExecutorService WORKERS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "redress-mail-parse");
        t.setDaemon(true);
        return t;
    });

    /**
     * @param maxSize       largest message in bytes; a larger one is quarantined with its first 64 KiB
     * @param maxAttachment largest attachment kept with the complaint; a larger one is listed with no content
     *                      (the raw message still holds it)
     * @param timeout       longest a parse may take; zero for no cap
     */
    record Limits(long maxSize, long maxAttachment, Duration timeout) {
        static final Limits DEFAULT = new Limits(25L * 1024 * 1024, 10L * 1024 * 1024, Duration.ofSeconds(30));
    }

    private final Session session;
    private final MachineMail machineMail;
    private final Optional<MessageIds> messageIds;
    private final Limits limits;
    /** Finds the new text of a plain-text mail; a test gives one that never finishes. */
    private final UnaryOperator<String> trimmer;

    MailParser(MachineMail machineMail, long maxSize) {
        this(machineMail, Optional.empty(), new Limits(maxSize, Limits.DEFAULT.maxAttachment(), Limits.DEFAULT.timeout()));
    }

    MailParser(MachineMail machineMail, Optional<MessageIds> messageIds, Limits limits) {
        this(machineMail, messageIds, limits, ReplyText::of);
    }

    MailParser(MachineMail machineMail, Optional<MessageIds> messageIds, Limits limits, UnaryOperator<String> trimmer) {
        this.trimmer = trimmer;
        this.machineMail = machineMail;
        this.messageIds = messageIds;
        this.limits = limits;
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

    long maxSize() {
        return limits.maxSize();
    }

    Inbound parse(Path file, String location) {
        try {
            long size = Files.size(file);
            if (size > limits.maxSize()) {
                byte[] head;
                try (InputStream in = Files.newInputStream(file)) {
                    head = in.readNBytes((int) Math.min(64 * 1024, size));
                }
                return tooLarge(size, location, head);
            }
            return parse(Files.readAllBytes(file), location, Files.getLastModifiedTime(file).toInstant());
        } catch (IOException e) {
            return Quarantined.of("cannot read file: " + e.getMessage(),
                    new RawSource(location, MEDIA_TYPE, location.getBytes(StandardCharsets.UTF_8)));
        }
    }

    /** A quarantined item for a message over the size cap, keeping the bytes read of it. */
    Quarantined tooLarge(long size, String location, byte[] head) {
        return Quarantined.of("message of " + size + " bytes is larger than max-size "
                + limits.maxSize() + "; only its first " + head.length + " bytes are kept",
                new RawSource(location, MEDIA_TYPE, head));
    }

    /**
     * @param received when the message reached the mailbox (EPOCH when the source does not say): reported as
     *                 {@code ARRIVED_AT}, and the sending time when the Date header is missing or unreadable
     */
    Inbound parse(byte[] bytes, String location, Instant received) {
        RawSource raw = new RawSource(location, MEDIA_TYPE, bytes);
        if (bytes.length == 0) {
            return Quarantined.of("empty message", new RawSource(location, MEDIA_TYPE,
                    location.getBytes(StandardCharsets.UTF_8)));
        }
        if (bytes.length > limits.maxSize()) {
            return tooLarge(bytes.length, location, java.util.Arrays.copyOf(bytes, 64 * 1024));
        }
        if (limits.timeout().isZero()) {
            return parseNow(bytes, raw, received);
        }
        AtomicReference<InboundMessage> untrimmed = new AtomicReference<>();
        Future<Inbound> result = WORKERS.submit(() -> parseNow(bytes, raw, received, untrimmed::set));
        try {
            return result.get(limits.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // the interrupt stops the trimmer and the decoders at their next step, so the thread is freed
            result.cancel(true);
            InboundMessage whole = untrimmed.get();
            if (whole != null) {
                // the mail was read and only finding its new text ran out of time: a complaint with all of its text
                // is worth more than a quarantine
                return whole.withAttribute(TRIMMING, "the new text could not be told from the quoted mail within "
                        + limits.timeout().toSeconds() + " s; the whole text is kept");
            }
            return Quarantined.of("reading the message took longer than " + limits.timeout().toSeconds()
                    + " s; stopped", raw);
        } catch (ExecutionException e) {
            return Quarantined.of("unreadable MIME: " + e.getCause(), raw);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Quarantined.of("reading was interrupted", raw);
        }
    }

    /** Why a message's text is its whole text: trimming ran out of time. */
    static final String TRIMMING = "trimming";

    private Inbound parseNow(byte[] bytes, RawSource raw, Instant received) {
        return parseNow(bytes, raw, received, m -> { });
    }

    /**
     * @param untrimmed given the message with its whole text as its text, once everything but the trimming is done:
     *                  what {@link #parse} returns when the trimming runs out of time
     */
    private Inbound parseNow(byte[] bytes, RawSource raw, Instant received, Consumer<InboundMessage> untrimmed) {
        try {
            if (looksBinary(bytes)) {
                return Quarantined.of("binary data, not a mail message", raw);
            }
            MimeMessage message = new MimeMessage(session, new ByteArrayInputStream(bytes));
            if (!hasMailHeader(message)) {
                return Quarantined.of("no RFC 5322 header found: this is not a mail message", raw);
            }
            Body body = new Body(limits.maxAttachment(), trimmer);
            body.walk(message, 0);
            String charset = body.firstCharset;
            Optional<InternetAddress> from = sender(message, charset);
            if (from.isEmpty()) {
                return Quarantined.of("no sender: neither From, Sender nor Return-Path "
                        + "holds an address", raw);
            }
            if (body.isEmpty()) {
                body.fallBackToRaw(message);
            }
            String messageId = messageIds(message.getHeader("Message-ID", " ")).stream().findFirst()
                    .orElseGet(() -> "sha256:" + digest(bytes));
            String subject = HeaderText.decode(message.getHeader("Subject", null), charset);
            InternetAddress sender = from.get();
            String fullText = body.full();
            MachineMail.Verdict verdict = machineMail.classify(message, from, subject, body.deliveryStatus,
                    messageIds.flatMap(ids -> ids.verify(messageId)).isPresent());

            List<String> refs = new ArrayList<>();
            body.bounceOf.ifPresent(refs::add);
            refs.addAll(references(message, messageId));
            InboundMessage.Builder b = InboundMessage.builder(messageId);
            String forged = null;
            if (messageIds.isPresent()) {
                MessageIds ids = messageIds.get();
                List<String> genuine = new ArrayList<>();
                for (String ref : refs) {
                    if (MessageIds.looksOurs(ref) && ids.verify(ref).isEmpty()) {
                        forged = "reference <" + ref + "> is in the desk's format but its signature is wrong";
                    } else {
                        genuine.add(ref);
                    }
                }
                refs = genuine;
                Optional<MessageIds.Signed> marker = ids.findMarker(fullText);
                if (marker.isPresent() && !refs.contains(marker.get().messageId())) {
                    refs.add(marker.get().messageId()); // the last resort, after every header reference
                }
            }
            refs.remove(messageId);
            replyTo(message, sender, charset).ifPresent(r -> b.attribute(InboundMessage.REPLY_TO, r));
            Matcher tag = SUBJECT_TAG.matcher(subject);
            b.threadReferences(List.copyOf(new LinkedHashSet<>(refs)))
                    .sender(SenderIdentity.email(sender.getAddress(), sender.getPersonal()))
                    .sentAt(sentAt(message).orElse(received))
                    .subject(subject)
                    .languageHint(message.getHeader("Content-Language", ","))
                    .visibility(Visibility.PRIVATE)
                    .attachments(body.attachments)
                    .automated(verdict.automation().orElse(null))
                    .attribute(InboundMessage.NO_AUTOMATIC_ANSWER, verdict.noAutomaticAnswer() ? Boolean.TRUE : null)
                    .attribute(InboundMessage.COMPLAINT_REF, complaintRef(tag))
                    .attribute(InboundMessage.FORGED_REFERENCE, forged)
                    .attribute(InboundMessage.ARRIVED_AT, received.equals(Instant.EPOCH) ? null : received)
                    .attribute("inReplyTo", messageIds(message.getHeader("In-Reply-To", " ")).stream().findFirst().orElse(null))
                    .attribute("references", joined(messageIds(message.getHeader("References", " "))))
                    .attribute("to", addresses(message, "To", charset))
                    .attribute("cc", addresses(message, "Cc", charset))
                    .raw(raw);
            untrimmed.accept(b.text(fullText).build());
            String text;
            try {
                text = body.reply();
            } catch (ReplyText.OutOfTime slow) {
                // a complaint with all of its text is worth more than a stranger's mail tying up intake
                return b.text(fullText).attribute(TRIMMING, slow.getMessage()).build();
            }
            return b.text(text).attribute(InboundMessage.FULL_TEXT, fullText.equals(text) ? null : fullText).build();
        } catch (MessagingException | RuntimeException | StackOverflowError e) {
            // Angus throws runtime exceptions from deep inside on some malformed input; none may stop intake.
            return Quarantined.of("unreadable MIME: " + e.getClass().getSimpleName() + ": "
                    + e.getMessage(), raw);
        }
    }

    /** Quoted-printable with its soft line breaks ("=" at a line's end) removed, which is what they decode to. */
    static byte[] withoutSoftBreaks(byte[] qp) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(qp.length);
        int i = 0;
        while (i < qp.length) {
            byte c = qp[i];
            if (c == '=' && i + 1 < qp.length && (qp[i + 1] == '\n' || qp[i + 1] == '\r')) {
                i += qp[i + 1] == '\r' && i + 2 < qp.length && qp[i + 2] == '\n' ? 3 : 2;
                continue;
            }
            if (c == '=' && i + 2 < qp.length && hex(qp[i + 1]) && hex(qp[i + 2])) {
                out.write(qp, i, 3); // an escape, copied whole: "=3D" followed by a line end is no soft break
                i += 3;
                continue;
            }
            out.write(c);
            i++;
        }
        return out.toByteArray();
    }

    private static boolean hex(byte b) {
        return (b >= '0' && b <= '9') || (b >= 'A' && b <= 'F') || (b >= 'a' && b <= 'f');
    }

    private static String joined(List<String> ids) {
        return ids.isEmpty() ? null : String.join(" ", ids);
    }

    private static boolean hasMailHeader(MimeMessage message) throws MessagingException {
        Enumeration<Header> headers = message.getAllHeaders();
        while (headers.hasMoreElements()) {
            String name = headers.nextElement().getName();
            if (name != null && name.matches("[!-9;-~]{1,76}")) {
                return true;
            }
        }
        return false;
    }

    private static String addresses(MimeMessage message, String header, String charset) {
        try {
            String value = message.getHeader(header, ",");
            if (value == null) {
                return null;
            }
            List<String> out = new ArrayList<>();
            for (Address a : InternetAddress.parseHeader(value, false)) {
                if (a instanceof InternetAddress ia && ia.getAddress() != null) {
                    out.add(ia.getAddress().strip().toLowerCase(Locale.ROOT));
                }
            }
            return out.isEmpty() ? null : String.join(",", out);
        } catch (MessagingException | RuntimeException e) {
            return null;
        }
    }

    /** The one address of Reply-To, when the mail has it and it is not the sender's own. */
    private static Optional<String> replyTo(MimeMessage message, InternetAddress sender, String charset) {
        try {
            String value = message.getHeader("Reply-To", ",");
            if (value == null || value.isBlank()) {
                return Optional.empty();
            }
            Address[] all = InternetAddress.parseHeader(value, false);
            if (all.length != 1 || !(all[0] instanceof InternetAddress ia) || ia.getAddress() == null || !ia.getAddress().contains("@")) {
                return Optional.empty();
            }
            String address = ia.getAddress().strip();
            return address.equalsIgnoreCase(sender.getAddress()) ? Optional.empty() : Optional.of(address);
        } catch (MessagingException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<InternetAddress> sender(MimeMessage message, String charset) throws MessagingException {
        for (String header : List.of("From", "Sender", "Reply-To", "Return-Path")) {
            String value = message.getHeader(header, ",");
            if (value == null || value.isBlank()) {
                continue;
            }
            try {
                for (Address a : InternetAddress.parseHeader(value, false)) {
                    if (a instanceof InternetAddress ia && ia.getAddress() != null && ia.getAddress().contains("@")) {
                        // kept as written (Zammad does the same): a cleaned-up guess could match the wrong customer
                        String address = ia.getAddress().strip();
                        String personal = ia.getPersonal() == null ? null : HeaderText.decode(ia.getPersonal(), charset)
                                .replaceAll("^[\"']+|[\"']+$", "").strip();
                        return Optional.of(new InternetAddress(address, personal == null || personal.isEmpty() ? null
                                : personal, "UTF-8"));
                    }
                }
            } catch (MessagingException | IOException e) {
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

    /** The complaint number a subject's [#N] tag names, if it has one the desk could have given. */
    private static Long complaintRef(Matcher tag) {
        if (!tag.find()) {
            return null;
        }
        try {
            return Long.parseLong(tag.group(1));
        } catch (NumberFormatException e) {
            return null; // eighteen nines and more: no complaint of ours
        }
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
        if (ids.isEmpty() && !header.isBlank() && header.strip().matches("[^<>\\s]+@[^<>\\s]+")) {
            ids.add(header.strip()); // a Message-ID without its angle brackets
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

    static String digest(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** Text and attachments found by walking the MIME tree. */
    private static final class Body {
        private static final int MAX_DEPTH = 20;

        private final long maxAttachment;
        private final StringBuilder plain = new StringBuilder();
        private final StringBuilder html = new StringBuilder();
        private final List<Attachment> attachments = new ArrayList<>();
        private final Map<String, Integer> names = new HashMap<>();
        private String firstCharset;
        private boolean deliveryStatus;
        private Optional<String> bounceOf = Optional.empty();

        private final UnaryOperator<String> trimmer;

        Body(long maxAttachment, UnaryOperator<String> trimmer) {
            this.maxAttachment = maxAttachment;
            this.trimmer = trimmer;
        }

        void walk(Part part, int depth) throws MessagingException {
            if (depth > MAX_DEPTH) {
                return;
            }
            String type = baseType(part);
            String charset = charsetOf(part);
            if (firstCharset == null && charset != null) {
                firstCharset = charset;
            }
            String disposition = disposition(part);
            String filename = filename(part);
            try {
                if (type.startsWith("multipart/")) {
                    Object content = part.getContent();
                    if (content instanceof Multipart multipart) {
                        int count = multipart.getCount();
                        for (int i = 0; i < count; i++) {
                            BodyPart child = multipart.getBodyPart(i);
                            walk(child, depth + 1);
                        }
                        if (count == 0 && multipart instanceof MimeMultipart mm) {
                            String preamble = mm.getPreamble();
                            appendPlain(preamble != null && !preamble.isBlank() ? preamble : rawText(part, charset));
                        }
                    } else {
                        appendPlain(rawText(part, charset));
                    }
                } else if (type.equals("message/rfc822") || type.equals("message/global")) {
                    Object content = part.getContent();
                    String subject = null;
                    if (content instanceof MimeMessage m) {
                        subject = HeaderText.decode(m.getHeader("Subject", null), null);
                        if (deliveryStatus || bounceOf.isEmpty()) {
                            messageIds(m.getHeader("Message-ID", " ")).stream().findFirst().ifPresent(id -> bounceOf = Optional.of(id));
                        }
                    }
                    String name = subject == null || subject.isBlank() ? "Mail" : subject.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_");
                    addAttachment(filename != null ? filename : name + ".eml", "message/rfc822", bytes(part));
                } else if (type.equals("text/rfc822-headers") || type.equals("message/rfc822-headers")) {
                    InternetHeaders headers = new InternetHeaders(part.getInputStream());
                    messageIds(headers.getHeader("Message-ID", " ")).stream().findFirst().ifPresent(id -> bounceOf = Optional.of(id));
                    addAttachment(filename != null ? filename : "rfc822-headers.txt", type, bytes(part));
                } else if (type.equals("message/delivery-status") || type.equals("message/global-delivery-status")) {
                    deliveryStatus = true;
                    addAttachment(filename != null ? filename : "delivery-status.txt", type, bytes(part));
                } else if (Part.ATTACHMENT.equalsIgnoreCase(disposition)
                        || (filename != null && (!type.startsWith("text/") || depth > 0))) {
                    // a named part is a file the sender attached, even a text one shown inline
                    addAttachment(filename != null ? filename : nameByType(part, type), type, bytes(part));
                } else if (type.equals("text/html")) {
                    byte[] bytes = bytes(part);
                    String label = charset;
                    if (label == null) {
                        Matcher meta = META_CHARSET.matcher(new String(bytes, 0, Math.min(bytes.length, 4096),
                                StandardCharsets.ISO_8859_1));
                        label = meta.find() ? meta.group(1) : null;
                    }
                    html.append(Charsets.decode(bytes, label)).append('\n');
                } else if (type.startsWith("text/") || type.isEmpty()) {
                    appendPlain(Charsets.decode(bytes(part), charset));
                } else {
                    // an inline image (cid:) or other inline file without a name of its own
                    addAttachment(nameByType(part, type), type, bytes(part));
                }
            } catch (IOException | MessagingException | RuntimeException e) {
                // one broken part must not lose the others: keep its raw text where it is text
                if (type.startsWith("text/") || type.startsWith("multipart/") || type.isEmpty()) {
                    appendPlain(rawText(part, charset));
                } else {
                    addAttachment(filename != null ? filename : nameByType(part, type), type, rawBytes(part));
                }
            }
        }

        boolean isEmpty() {
            return plain.toString().isBlank() && html.toString().isBlank();
        }

        /** No text part gave text: read the body as it stands, so that nothing is silently stored empty. */
        void fallBackToRaw(MimeMessage message) {
            String raw = rawText(message, firstCharset);
            // boundary lines and part headers are MIME syntax, not the customer's words
            String text = raw.replaceAll("(?m)^--[^\\s]{1,200}\\s*$", "")
                    .replaceAll("(?im)^content-[a-z-]+:.*$", "").strip();
            if (!text.isEmpty() && !looksLikeBase64(text)) {
                plain.append(text);
            }
        }

        private HtmlQuotes.Parsed parsedHtml;
        private String fullText;

        /** The whole text: text/plain when there is one, else the HTML as text. */
        String full() {
            String text = plain.toString().strip();
            if (text.isEmpty() && !html.isEmpty()) {
                parsedHtml = HtmlQuotes.parse(html.toString());
                fullText = parsedHtml.full().replace("\r\n", "\n");
            } else {
                fullText = text.replace("\r\n", "\n");
            }
            return fullText;
        }

        /** The new part of the text, without the quoted mail and the signature; after {@link #full()}. */
        String reply() {
            return parsedHtml != null ? parsedHtml.reply() : trimmer.apply(fullText);
        }

        private void appendPlain(String text) {
            if (text == null || text.isBlank()) {
                return;
            }
            if (!plain.isEmpty()) {
                plain.append('\n');
            }
            plain.append(text);
        }

        private void addAttachment(String name, String type, byte[] content) {
            String unique = name;
            int n = names.merge(name.toLowerCase(Locale.ROOT), 1, Integer::sum);
            if (n > 1) {
                int dot = name.lastIndexOf('.');
                unique = dot > 0 ? name.substring(0, dot) + (n - 1) + name.substring(dot) : name + (n - 1);
            }
            // over the limit: listed, but its bytes stay only in the raw message the desk keeps
            attachments.add(new Attachment(unique, type, content.length > maxAttachment ? new byte[0] : content));
        }

        private static boolean looksLikeBase64(String text) {
            return text.length() > 200 && text.replaceAll("\\s", "").matches("[A-Za-z0-9+/=]+");
        }

        private static byte[] bytes(Part part) throws IOException, MessagingException {
            if (part instanceof MimePart mime && "quoted-printable".equalsIgnoreCase(mime.getEncoding())
                    && (part instanceof MimeBodyPart || part instanceof MimeMessage)) {
                // Angus's decoder recurses once per soft line break in a row: 524,288 of them overflowed the stack.
                // They decode to nothing, so they are taken out before it sees them.
                InputStream raw = part instanceof MimeBodyPart mbp ? mbp.getRawInputStream()
                        : ((MimeMessage) part).getRawInputStream();
                byte[] encoded;
                try (raw) {
                    encoded = withoutSoftBreaks(raw.readAllBytes());
                }
                try (InputStream in = MimeUtility.decode(new ByteArrayInputStream(encoded), "quoted-printable")) {
                    return in.readAllBytes();
                }
            }
            try (InputStream in = part.getInputStream()) {
                return in.readAllBytes();
            }
        }

        private static byte[] rawBytes(Part part) {
            try {
                InputStream in = part instanceof MimeBodyPart mbp ? mbp.getRawInputStream()
                        : part instanceof MimeMessage mm ? mm.getRawInputStream() : part.getInputStream();
                try (in) {
                    return in.readAllBytes();
                }
            } catch (IOException | MessagingException | RuntimeException e) {
                return new byte[0];
            }
        }

        private static String rawText(Part part, String charset) {
            return Charsets.decode(rawBytes(part), charset);
        }

        private static String baseType(Part part) {
            try {
                String ct = part.getContentType();
                if (ct == null) {
                    return "";
                }
                return new ContentType(ct.replaceAll(";\\s*;", ";")).getBaseType().toLowerCase(Locale.ROOT);
            } catch (MessagingException | RuntimeException e) {
                try {
                    String ct = part.getContentType();
                    Matcher m = Pattern.compile("^\\s*([\\w.+-]+/[\\w.+-]+)").matcher(ct == null ? "" : ct);
                    return m.find() ? m.group(1).toLowerCase(Locale.ROOT) : "text/plain";
                } catch (MessagingException | RuntimeException e2) {
                    return "text/plain";
                }
            }
        }

        private static String charsetOf(Part part) {
            try {
                String ct = part.getContentType();
                if (ct == null) {
                    return null;
                }
                Matcher m = Pattern.compile("charset\\s*=\\s*\"?([^\";\\s]+)", Pattern.CASE_INSENSITIVE).matcher(ct);
                return m.find() ? m.group(1) : null;
            } catch (MessagingException | RuntimeException e) {
                return null;
            }
        }

        private static String disposition(Part part) {
            try {
                return part.getDisposition();
            } catch (MessagingException | RuntimeException e) {
                return null;
            }
        }

        /** The file name by RFC 2231 or RFC 2047 in Content-Disposition, else Content-Type's name; never a path. */
        private static String filename(Part part) {
            String name = null;
            try {
                name = part.getFileName();
            } catch (MessagingException | RuntimeException e) {
                // a broken parameter list: try the Content-Type name below
            }
            if (name == null) {
                try {
                    String ct = part.getContentType();
                    if (ct != null) {
                        name = new ContentType(ct.replaceAll(";\\s*;", ";")).getParameter("name");
                    }
                } catch (MessagingException | RuntimeException e) {
                    name = null;
                }
            }
            if (name == null) {
                try {
                    String[] location = part.getHeader("Content-Location");
                    if (location != null && location.length > 0 && location[0].matches(".*\\.[A-Za-z0-9]{2,5}\\s*$")) {
                        name = location[0].strip();
                    }
                } catch (MessagingException | RuntimeException e) {
                    name = null;
                }
            }
            if (name == null || name.isBlank()) {
                return null;
            }
            if (name.contains("=?")) {
                name = HeaderText.decode(name, null);
            } else {
                try {
                    name = MimeUtility.decodeText(name);
                } catch (IOException | RuntimeException e) {
                    // keep it as it came
                }
                name = HeaderText.decode(name, null);
            }
            name = name.replaceAll(".*[/\\\\]", "").replaceAll("\\p{Cntrl}", "").strip();
            return name.isEmpty() ? null : name;
        }

        private static String nameByType(Part part, String type) {
            String cid = null;
            try {
                String[] ids = part.getHeader("Content-ID");
                cid = ids == null || ids.length == 0 ? null : ids[0].replaceAll("[<>\\s]", "").replaceAll("[\\\\/:*?\"|]", "_");
            } catch (MessagingException | RuntimeException e) {
                cid = null;
            }
            String ext = switch (type) {
                case "image/jpeg", "image/jpg", "image/pjpeg" -> "jpg";
                case "image/png" -> "png";
                case "image/gif" -> "gif";
                case "application/pdf" -> "pdf";
                case "text/html" -> "html";
                case "text/calendar" -> "ics";
                default -> type.startsWith("text/") ? "txt" : "bin";
            };
            if (cid != null && !cid.isEmpty()) {
                return cid.matches(".*\\.[A-Za-z0-9]{2,5}") ? cid : cid + "." + ext;
            }
            String base = type.startsWith("image/") ? "image" : "file";
            return base + "." + ext;
        }
    }
}
