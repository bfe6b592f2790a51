package org.redress.channel.email;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.HeaderTerm;
import org.redress.core.channel.ChannelException;

/**
 * The mailbox's Sent folder, as the desk's memory of what SMTP accepted. Every reply the desk sends is filed there;
 * before sending, the desk looks for the reply's Message-ID (the same on every attempt), so a reply whose sending was
 * cut short by a crash after the SMTP server accepted it is not sent a second time. What remains is the moment
 * between the SMTP server's acceptance and the filing: a crash exactly then sends once more (measured in
 * {@code SentFolderTest}).
 */
final class SentFolder implements AutoCloseable {

    private final MailServer server;
    private final String name;
    private final Session session;
    private Store store;

    SentFolder(MailServer server, String name) {
        this.server = server;
        this.name = name;
        this.session = server.session();
    }

    /** Whether a message with this Message-ID (without angle brackets) is filed already. */
    synchronized boolean holds(String messageId) throws MessagingException, ChannelException {
        Folder folder = store().getFolder(name);
        if (!folder.exists()) {
            return false;
        }
        folder.open(Folder.READ_ONLY);
        try {
            return folder.search(new HeaderTerm("Message-ID", "<" + messageId + ">")).length > 0;
        } finally {
            folder.close(false);
        }
    }

    /** Files a sent message, read, creating the folder the first time. */
    synchronized void file(MimeMessage message) throws MessagingException, ChannelException {
        Folder folder = store().getFolder(name);
        if (!folder.exists() && !folder.create(Folder.HOLDS_MESSAGES)) {
            throw new MessagingException("cannot create the folder " + name + " at " + server.where());
        }
        message.setFlag(Flags.Flag.SEEN, true);
        folder.appendMessages(new Message[] {message});
    }

    private Store store() throws ChannelException {
        if (store == null || !store.isConnected()) {
            store = server.connect(session);
        }
        return store;
    }

    @Override
    public synchronized void close() {
        if (store != null) {
            try {
                store.close();
            } catch (MessagingException e) {
                // closing only
            }
        }
    }
}
