package org.redress.channel.email;

import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.angus.mail.pop3.POP3Folder;
import org.redress.core.channel.Batch;
import org.redress.core.channel.ChannelException;
import org.redress.core.channel.Checkpoint;
import org.redress.core.channel.Inbound;

/**
 * A POP3 mailbox, read in the server's order and identified by UIDL. The checkpoint is the UIDL of the last
 * message read; a read takes what follows it in the current listing (everything, when that message is gone).
 * With {@code after-commit=delete}, committed messages are deleted from the server, the classic POP3 way;
 * with {@code keep} they stay and the checkpoint alone tells what is done.
 */
final class Pop3Inbox implements Inbox {

    private final MailServer server;
    private final boolean delete;
    private final MailParser parser;
    private final Session session;

    Pop3Inbox(MailServer server, boolean delete, MailParser parser) throws ChannelException {
        this.server = server;
        this.delete = delete;
        this.parser = parser;
        this.session = server.session();
        try (Store store = server.connect(session); Folder inbox = store.getFolder("INBOX")) {
            inbox.open(Folder.READ_ONLY);
        } catch (MessagingException e) {
            throw server.explain(e);
        }
    }

    @Override
    public Batch read(Checkpoint after, int max) throws ChannelException {
        try (Store store = server.connect(session); Folder inbox = store.getFolder("INBOX")) {
            Message[] all = listing(inbox, Folder.READ_ONLY);
            POP3Folder pop3 = (POP3Folder) inbox;
            int start = after.isStart() ? 0 : indexOf(pop3, all, after.value()) + 1;
            List<Inbound> items = new ArrayList<>();
            String last = null;
            int end = Math.min(all.length, start + max);
            for (int i = start; i < end; i++) {
                Message m = all[i];
                String uidl = pop3.getUID(m);
                String location = "POP3 " + uidl;
                int size = m.getSize();
                if (size > parser.maxSize()) {
                    items.add(parser.tooLarge(size, location, new byte[0]));
                } else {
                    ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(size, 1024));
                    m.writeTo(out);
                    items.add(parser.parse(out.toByteArray(), location, Instant.EPOCH));
                }
                last = uidl;
            }
            return new Batch(items, last == null ? after : Checkpoint.of(last), end < all.length);
        } catch (MessagingException | IOException e) {
            throw e instanceof MessagingException me ? server.explain(me)
                    : new ChannelException("reading from " + server.where() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void commit(Checkpoint upTo) throws ChannelException {
        if (!delete || upTo.isStart()) {
            return;
        }
        try (Store store = server.connect(session); Folder inbox = store.getFolder("INBOX")) {
            Message[] all = listing(inbox, Folder.READ_WRITE);
            int through = indexOf((POP3Folder) inbox, all, upTo.value());
            for (int i = 0; i <= through; i++) {
                all[i].setFlag(Flags.Flag.DELETED, true);
            }
            // closing the folder (end of this block) expunges: the server deletes them at QUIT
        } catch (MessagingException e) {
            throw server.explain(e);
        }
    }

    /** Opens the mailbox and lists its messages with their UIDLs. */
    private static Message[] listing(Folder inbox, int mode) throws MessagingException {
        inbox.open(mode);
        Message[] all = inbox.getMessages();
        FetchProfile profile = new FetchProfile();
        profile.add(UIDFolder.FetchProfileItem.UID);
        inbox.fetch(all, profile);
        return all;
    }

    /** Where the message with this UIDL stands in the listing, or -1 when it is gone. */
    private static int indexOf(POP3Folder pop3, Message[] all, String uidl) throws MessagingException {
        for (int i = 0; i < all.length; i++) {
            if (uidl.equals(pop3.getUID(all[i]))) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public void close() {
        // a connection per read: POP3 servers lock the mailbox while one is open
    }
}
