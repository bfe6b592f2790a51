package org.redress.channel.email;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.io.UnsupportedEncodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.redress.core.channel.Channel;
import org.redress.core.channel.ChannelContext;
import org.redress.core.channel.ChannelDescriptor;
import org.redress.core.channel.ChannelException;
import org.redress.core.channel.ChannelPlugin;
import org.redress.core.channel.ChannelSettings;
import org.redress.core.channel.SettingSpec;
import org.redress.core.channel.SettingType;

/**
 * Email: mail in from an IMAP or POP3 mailbox, a folder of {@code .eml} files (or one file), an mbox file or
 * a Maildir; replies out by SMTP when {@code smtp-host} is set.
 */
public final class EmailChannelPlugin implements ChannelPlugin {

    static final String ID = "email";

    static final String SOURCE = "source";
    static final String PATH = "path";
    static final String HOST = "host";
    static final String PORT = "port";
    static final String SECURITY = "security";
    static final String USERNAME = "username";
    static final String PASSWORD = "password";
    static final String FOLDER = "folder";
    static final String AFTER_COMMIT = "after-commit";
    static final String PROCESSED_FOLDER = "processed-folder";
    static final String SENT_FOLDER = "sent-folder";
    static final String SSL_TRUST = "ssl-trust";
    static final String TIMEOUT = "timeout";
    static final String SMTP_HOST = "smtp-host";
    static final String SMTP_PORT = "smtp-port";
    static final String SMTP_SECURITY = "smtp-security";
    static final String SMTP_USERNAME = "smtp-username";
    static final String SMTP_PASSWORD = "smtp-password";
    static final String FROM_ADDRESS = "from-address";
    static final String FROM_NAME = "from-name";
    static final String MESSAGE_ID_SECRET = "message-id-secret";
    static final String MESSAGE_ID_DOMAIN = "message-id-domain";
    static final String AUTOMATIC_LIMIT = "automatic-limit";
    static final String AUTOMATIC_WINDOW = "automatic-window";
    static final String OWN_ADDRESSES = "own-addresses";
    static final String MAX_SIZE = "max-size";
    static final String MAX_ATTACHMENT_SIZE = "max-attachment-size";
    static final String PARSE_TIMEOUT = "parse-timeout";
    static final String SETTLE = "settle";

    private static final List<String> SECURITIES = List.of("ssl", "starttls", "none");

    private static final ChannelDescriptor DESCRIPTOR = new ChannelDescriptor(ID, "Email",
            ChannelDescriptor.versionOf(EmailChannelPlugin.class), List.of(
            SettingSpec.choice(SOURCE, List.of("imap", "pop3", "eml", "mbox", "maildir"), "eml",
                    "Where mail comes from: an IMAP or POP3 mailbox, .eml files, an mbox file, or a Maildir."),
            SettingSpec.optional(PATH, SettingType.PATH, null,
                    "For eml: a folder of .eml files (taken in file-name order) or one .eml file; for mbox: the file; "
                            + "for maildir: the folder holding new/ and cur/."),
            SettingSpec.optional(HOST, SettingType.TEXT, null, "IMAP or POP3 server host name."),
            SettingSpec.optional(PORT, SettingType.PORT, null,
                    "IMAP or POP3 port; by default 993/995 with ssl, 143/110 otherwise."),
            SettingSpec.choice(SECURITY, SECURITIES, "ssl",
                    "ssl (TLS from the first byte), starttls (required), or none (only on a trusted network)."),
            SettingSpec.optional(USERNAME, SettingType.TEXT, null, "Mailbox user name."),
            SettingSpec.optional(PASSWORD, SettingType.SECRET, null, "Mailbox password; put it in the environment."),
            SettingSpec.optional(FOLDER, SettingType.TEXT, "INBOX", "IMAP folder to read."),
            SettingSpec.choice(AFTER_COMMIT, List.of("keep", "seen", "move", "delete"), "keep",
                    "What to do with a message once the desk has stored it: keep it as it is, mark it seen (IMAP, "
                            + "Maildir), move it to processed-folder (IMAP) or processed/ (eml), or delete it (IMAP, POP3)."),
            SettingSpec.optional(PROCESSED_FOLDER, SettingType.TEXT, "Processed", "IMAP folder that after-commit=move moves to."),
            SettingSpec.optional(SENT_FOLDER, SettingType.TEXT, null, "IMAP folder to file every sent reply in (for example Sent); "
                    + "the desk looks there before sending, so a crash after the SMTP server accepted a reply does not send "
                    + "it twice. Empty: not filed."),
            SettingSpec.optional(SSL_TRUST, SettingType.TEXT, null,
                    "Hosts whose TLS certificate is trusted without a chain (for a server with its own certificate)."),
            SettingSpec.optional(TIMEOUT, SettingType.DURATION, "PT30S", "How long to wait for a mail server."),
            SettingSpec.optional(SMTP_HOST, SettingType.TEXT, null, "SMTP server for replies; without it the channel only reads."),
            SettingSpec.optional(SMTP_PORT, SettingType.PORT, null, "SMTP port; by default 465 with ssl, 587 with starttls, 25 otherwise."),
            SettingSpec.choice(SMTP_SECURITY, SECURITIES, "starttls", "ssl, starttls or none, as for security."),
            SettingSpec.optional(SMTP_USERNAME, SettingType.TEXT, null, "SMTP user name, when the server wants one."),
            SettingSpec.optional(SMTP_PASSWORD, SettingType.SECRET, null, "SMTP password; put it in the environment."),
            SettingSpec.optional(FROM_ADDRESS, SettingType.TEXT, null, "The desk's address replies come from."),
            SettingSpec.optional(FROM_NAME, SettingType.TEXT, null, "The name shown with from-address."),
            SettingSpec.optional(MESSAGE_ID_SECRET, SettingType.SECRET, null,
                    "Secret that signs the desk's Message-IDs, so that nobody can forge a reference to a complaint; "
                            + "required for replies. Put it in the environment."),
            SettingSpec.optional(MESSAGE_ID_DOMAIN, SettingType.TEXT, null,
                    "Domain of the desk's Message-IDs; by default the domain of from-address."),
            SettingSpec.optional(AUTOMATIC_LIMIT, SettingType.INTEGER, "3",
                    "Most automatic messages (acknowledgements) one address gets within automatic-window."),
            SettingSpec.optional(AUTOMATIC_WINDOW, SettingType.DURATION, "PT1H", "The window of automatic-limit."),
            SettingSpec.optional(OWN_ADDRESSES, SettingType.TEXT, null,
                    "Comma-separated addresses the desk sends from; mail from them is our own echo."),
            SettingSpec.optional(MAX_SIZE, SettingType.INTEGER, String.valueOf(25L * 1024 * 1024),
                    "Largest message in bytes; a larger one is quarantined unread."),
            SettingSpec.optional(MAX_ATTACHMENT_SIZE, SettingType.INTEGER, String.valueOf(10L * 1024 * 1024),
                    "Largest attachment in bytes kept with the complaint; a larger one stays only in the raw message."),
            SettingSpec.optional(PARSE_TIMEOUT, SettingType.DURATION, "PT30S",
                    "Longest time reading one message may take; a slower one is quarantined."),
            SettingSpec.optional(SETTLE, SettingType.DURATION, "PT1S",
                    "For eml folders: a file is read once it has not changed for this long, so that a file still being "
                            + "written is not read in half and one that appears while the folder is listed is not passed over.")),
            true);

    @Override
    public ChannelDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Channel open(ChannelSettings settings, ChannelContext context) throws ChannelException {
        Optional<SmtpOutbox> outbox = outbox(settings, context);
        if (outbox.isPresent() && settings.text(SENT_FOLDER).isPresent()) {
            if (!settings.require(SOURCE).equals("imap")) {
                throw new ChannelException("setting 'sent-folder' needs source imap: the Sent folder is on the IMAP server");
            }
            outbox.get().withSentFolder(new SentFolder(server(settings, "imap", "", HOST, PORT, SECURITY, USERNAME, PASSWORD),
                    settings.require(SENT_FOLDER)));
        }
        Optional<MessageIds> ids = messageIds(settings);
        List<String> own = new java.util.ArrayList<>(settings.list(OWN_ADDRESSES));
        settings.text(FROM_ADDRESS).ifPresent(own::add);
        MailParser parser = new MailParser(new MachineMail(own), ids, new MailParser.Limits(
                settings.integer(MAX_SIZE).orElseThrow(), settings.integer(MAX_ATTACHMENT_SIZE).orElseThrow(),
                settings.duration(PARSE_TIMEOUT).orElseThrow()));
        String source = settings.require(SOURCE);
        String afterCommit = settings.require(AFTER_COMMIT);
        Inbox inbox = switch (source) {
            case "eml" -> {
                allow(source, afterCommit, "keep", "move");
                Path path = path(settings);
                yield new EmlInbox(path, afterCommit.equals("move"), settings.duration(SETTLE).orElseThrow(), parser);
            }
            case "mbox" -> {
                allow(source, afterCommit, "keep");
                Path path = path(settings);
                if (!Files.isRegularFile(path)) {
                    throw new ChannelException("setting 'path': " + path.toAbsolutePath() + " is not an mbox file");
                }
                yield new MboxInbox(path, parser);
            }
            case "maildir" -> {
                allow(source, afterCommit, "keep", "seen");
                yield new MaildirInbox(path(settings), afterCommit.equals("seen"), parser);
            }
            case "imap" -> new ImapInbox(server(settings, "imap", "", HOST, PORT, SECURITY, USERNAME, PASSWORD),
                    settings.require(FOLDER), afterCommit, settings.require(PROCESSED_FOLDER), parser);
            case "pop3" -> {
                allow(source, afterCommit, "keep", "delete");
                yield new Pop3Inbox(server(settings, "pop3", "", HOST, PORT, SECURITY, USERNAME, PASSWORD),
                        afterCommit.equals("delete"), parser);
            }
            default -> throw new ChannelException("setting 'source': unknown source '" + source + "'");
        };
        return MailChannel.of(inbox, outbox);
    }

    private static void allow(String source, String afterCommit, String... allowed) throws ChannelException {
        if (!List.of(allowed).contains(afterCommit)) {
            throw new ChannelException("setting 'after-commit': '" + afterCommit + "' does not apply to source " + source
                    + "; use " + String.join(" or ", allowed));
        }
    }

    private static Path path(ChannelSettings settings) throws ChannelException {
        Path path = settings.path(PATH).orElseThrow(() -> new ChannelException(
                "setting 'path' is required for source " + settings.require(SOURCE)));
        if (!Files.exists(path)) {
            throw new ChannelException("setting 'path': " + path.toAbsolutePath() + " does not exist");
        }
        return path;
    }

    private static MailServer server(ChannelSettings settings, String protocol, String prefix, String hostKey,
                                     String portKey, String securityKey, String userKey, String passwordKey)
            throws ChannelException {
        String host = settings.text(hostKey).orElseThrow(() -> new ChannelException(
                "setting '" + hostKey + "' is required for " + (protocol.equals("smtp") ? "replies" : "source " + protocol)));
        String security = settings.require(securityKey);
        int port = settings.integer(portKey).map(Long::intValue).orElse(switch (protocol + "/" + security) {
            case "imap/ssl" -> 993;
            case "pop3/ssl" -> 995;
            case "smtp/ssl" -> 465;
            case "smtp/starttls" -> 587;
            case "imap/starttls", "imap/none" -> 143;
            case "pop3/starttls", "pop3/none" -> 110;
            default -> 25;
        });
        Optional<String> user = settings.text(userKey);
        if (!protocol.equals("smtp") && user.isEmpty()) {
            throw new ChannelException("setting '" + userKey + "' is required for source " + protocol);
        }
        return new MailServer(protocol, host, port, security, user.orElse(null), settings.text(passwordKey).orElse(null),
                settings.duration(TIMEOUT).orElseThrow(), settings.text(SSL_TRUST).orElse(null), prefix);
    }

    private static Optional<MessageIds> messageIds(ChannelSettings settings) throws ChannelException {
        Optional<String> secret = settings.text(MESSAGE_ID_SECRET);
        if (secret.isEmpty()) {
            return Optional.empty();
        }
        String domain = settings.text(MESSAGE_ID_DOMAIN)
                .or(() -> settings.text(FROM_ADDRESS).map(a -> a.substring(a.indexOf('@') + 1)))
                .orElse("redress.invalid");
        return Optional.of(new MessageIds(secret.get(), domain.toLowerCase(Locale.ROOT)));
    }

    private static Optional<SmtpOutbox> outbox(ChannelSettings settings, ChannelContext context) throws ChannelException {
        if (settings.text(SMTP_HOST).isEmpty()) {
            return Optional.empty();
        }
        String fromAddress = settings.text(FROM_ADDRESS).orElseThrow(() -> new ChannelException(
                "setting 'from-address' is required when smtp-host is set: replies need the desk's address"));
        MessageIds ids = messageIds(settings).orElseThrow(() -> new ChannelException(
                "setting 'message-id-secret' is required when smtp-host is set: it signs the desk's Message-IDs"));
        InternetAddress from;
        try {
            from = new InternetAddress(fromAddress, true);
            from.setPersonal(settings.text(FROM_NAME).orElse(null), "UTF-8");
        } catch (AddressException | UnsupportedEncodingException e) {
            throw new ChannelException("setting 'from-address': '" + fromAddress + "' is not an email address: " + e.getMessage());
        }
        MailServer smtp = server(settings, "smtp", "smtp-", SMTP_HOST, SMTP_PORT, SMTP_SECURITY, SMTP_USERNAME, SMTP_PASSWORD);
        return Optional.of(new SmtpOutbox(smtp, from, ids, context.instanceName(),
                settings.integer(AUTOMATIC_LIMIT).orElseThrow().intValue(), settings.duration(AUTOMATIC_WINDOW).orElseThrow(),
                context.clock()));
    }
}
