package org.redress.channel.email;

import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.event.MessageCountAdapter;
import jakarta.mail.event.MessageCountEvent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.redress.core.channel.Batch;
import org.redress.core.channel.ChannelException;
import org.redress.core.channel.Checkpoint;
import org.redress.core.channel.Inbound;

/**
 * An IMAP folder read by UID. The checkpoint is {@code <UIDVALIDITY>:<last UID read>}; when the server
 * changes the folder's UIDVALIDITY, reading starts again from the first message and the desk's dedupe on
 * Message-ID drops what it has. Reading opens the folder read-only (EXAMINE) and fetches with PEEK, so
 * nothing is marked; {@link #commit} then sets \Seen, moves the messages to another folder, or deletes them,
 * as {@code after-commit} says. Messages over max-size are quarantined from their headers alone, never
 * downloaded. {@link #awaitNew} uses IDLE when the server has it.
 */
final class ImapInbox implements Inbox {

    private final MailServer server;
    private final String folderName;
    private final String afterCommit;
    private final String processedFolder;
    private final MailParser parser;
    private final Session session;
    private Store store;
    private long committedUid;

    ImapInbox(MailServer server, String folderName, String afterCommit, String processedFolder, MailParser parser)
            throws ChannelException {
        this.server = server;
        this.folderName = folderName;
        this.afterCommit = afterCommit;
        this.processedFolder = processedFolder;
        this.parser = parser;
        this.session = server.session();
        // fail at open, with a clear message, rather than at the first poll
        try (Folder folder = openFolder(Folder.READ_ONLY)) {
            if (!(folder instanceof UIDFolder)) {
                throw new ChannelException(server.where() + " does not give messages stable ids (UIDs)");
            }
        } catch (MessagingException e) {
            throw server.explain(e);
        }
    }

    private synchronized Store store() throws ChannelException {
        if (store == null || !store.isConnected()) {
            store = server.connect(session);
        }
        return store;
    }

    private Folder openFolder(int mode) throws ChannelException {
        try {
            Folder folder = store().getFolder(folderName);
            if (!folder.exists()) {
                List<String> names = new ArrayList<>();
                for (Folder f : store().getDefaultFolder().list("*")) {
                    names.add(f.getFullName());
                }
                throw new ChannelException("setting 'folder': there is no folder '" + folderName + "' at " + server.where()
                        + "; it has " + String.join(", ", names));
            }
            folder.open(mode);
            return folder;
        } catch (MessagingException e) {
            throw server.explain(e);
        }
    }

    @Override
    public Batch read(Checkpoint after, int max) throws ChannelException {
        try (Folder folder = openFolder(Folder.READ_ONLY)) {
            UIDFolder uids = (UIDFolder) folder;
            long validity = uids.getUIDValidity();
            long last = 0;
            if (!after.isStart()) {
                String[] parts = after.value().split(":");
                if (parts.length == 2 && Long.parseLong(parts[0]) == validity) {
                    last = Long.parseLong(parts[1]);
                }
            }
            Message[] found = uids.getMessagesByUID(last + 1, UIDFolder.LASTUID);
            FetchProfile profile = new FetchProfile();
            profile.add(UIDFolder.FetchProfileItem.UID);
            profile.add(FetchProfile.Item.SIZE);
            folder.fetch(found, profile);
            List<Message> newer = new ArrayList<>();
            for (Message m : found) {
                // "n:*" always names the last message, even when its UID is below n
                if (m != null && uids.getUID(m) > last) {
                    newer.add(m);
                }
            }
            List<Inbound> items = new ArrayList<>();
            long next = last;
            for (Message m : newer.subList(0, Math.min(max, newer.size()))) {
                long uid = uids.getUID(m);
                String location = folderName + " UID " + uid;
                int size = m.getSize();
                if (size > parser.maxSize()) {
                    items.add(parser.tooLarge(size, location, headers(m)));
                } else {
                    ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(size, 1024));
                    m.writeTo(out);
                    Instant received = m.getReceivedDate() == null ? Instant.EPOCH : m.getReceivedDate().toInstant();
                    items.add(parser.parse(out.toByteArray(), location, received));
                }
                next = uid;
            }
            Checkpoint checkpoint = items.isEmpty() ? after : Checkpoint.of(validity + ":" + next);
            return new Batch(items, checkpoint, newer.size() > items.size());
        } catch (MessagingException | IOException | NumberFormatException e) {
            throw e instanceof MessagingException me ? server.explain(me)
                    : new ChannelException("reading " + folderName + " at " + server.where() + ": " + e.getMessage(), e);
        }
    }

    private static byte[] headers(Message m) throws MessagingException {
        StringBuilder head = new StringBuilder();
        for (Enumeration<String> lines = ((jakarta.mail.internet.MimeMessage) m).getAllHeaderLines(); lines.hasMoreElements(); ) {
            head.append(lines.nextElement()).append("\r\n");
        }
        return head.toString().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    @Override
    public void commit(Checkpoint upTo) throws ChannelException {
        if (afterCommit.equals("keep") || upTo.isStart()) {
            return;
        }
        long uid = Long.parseLong(upTo.value().split(":")[1]);
        if (uid <= committedUid) {
            return;
        }
        try (Folder folder = openFolder(Folder.READ_WRITE)) {
            UIDFolder uids = (UIDFolder) folder;
            Message[] done = uids.getMessagesByUID(committedUid + 1, uid);
            List<Message> present = new ArrayList<>();
            for (Message m : done) {
                if (m != null) {
                    present.add(m);
                }
            }
            Message[] messages = present.toArray(Message[]::new);
            switch (afterCommit) {
                case "seen" -> folder.setFlags(messages, new Flags(Flags.Flag.SEEN), true);
                case "move" -> move(folder, messages);
                case "delete" -> {
                    folder.setFlags(messages, new Flags(Flags.Flag.DELETED), true);
                    folder.expunge();
                }
                default -> throw new ChannelException("unknown after-commit '" + afterCommit + "'");
            }
            committedUid = uid;
        } catch (MessagingException e) {
            throw server.explain(e);
        }
    }

    private void move(Folder folder, Message[] messages) throws MessagingException, ChannelException {
        Folder target = store().getFolder(processedFolder);
        if (!target.exists()) {
            target.create(Folder.HOLDS_MESSAGES);
        }
        if (folder instanceof IMAPFolder imap && store() instanceof IMAPStore s && s.hasCapability("MOVE")) {
            imap.moveMessages(messages, target);
        } else {
            folder.copyMessages(messages, target);
            folder.setFlags(messages, new Flags(Flags.Flag.DELETED), true);
            folder.expunge();
        }
    }

    /**
     * IDLE until the server announces a new message or {@code max} passes; a timer ends the IDLE by sending a
     * NOOP on the folder from another thread, which is how Angus lets IDLE be interrupted.
     */
    @Override
    public boolean awaitNew(Duration max) throws ChannelException {
        try {
            if (!(store() instanceof IMAPStore imapStore) || !imapStore.hasCapability("IDLE")) {
                return false;
            }
        } catch (MessagingException e) {
            throw server.explain(e);
        }
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "redress-imap-idle-timer");
            t.setDaemon(true);
            return t;
        });
        AtomicBoolean arrived = new AtomicBoolean();
        try (Folder folder = openFolder(Folder.READ_ONLY)) {
            IMAPFolder imap = (IMAPFolder) folder;
            imap.addMessageCountListener(new MessageCountAdapter() {
                @Override
                public void messagesAdded(MessageCountEvent e) {
                    arrived.set(true);
                }
            });
            ScheduledFuture<?> stop = timer.schedule(() -> {
                try {
                    // any command on the folder ends the IDLE first (DONE), then runs
                    imap.doCommand(protocol -> {
                        protocol.simpleCommand("NOOP", null);
                        return null;
                    });
                } catch (MessagingException | RuntimeException ignored) {
                    // the folder closed meanwhile: the IDLE is over anyway
                }
            }, max.toMillis(), TimeUnit.MILLISECONDS);
            imap.idle(true);
            stop.cancel(false);
            return arrived.get();
        } catch (MessagingException e) {
            throw server.explain(e);
        } finally {
            timer.shutdownNow();
        }
    }

    @Override
    public synchronized void close() {
        if (store != null) {
            try {
                store.close();
            } catch (MessagingException ignored) {
                // closing: nothing left to save
            }
            store = null;
        }
    }
}
