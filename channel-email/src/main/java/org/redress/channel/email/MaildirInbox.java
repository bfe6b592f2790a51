package org.redress.channel.email;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.redress.core.channel.Batch;
import org.redress.core.channel.ChannelException;
import org.redress.core.channel.Checkpoint;
import org.redress.core.channel.Inbound;

/**
 * A Maildir: the messages in {@code new/} and {@code cur/}, in the order of their unique names (which start
 * with the delivery time). The checkpoint is the unique name (the part before {@code :2,}) of the last message
 * read. With {@code after-commit=seen}, a committed message moves from {@code new/} to {@code cur/} with the
 * seen flag, as a mail client would mark it read; {@code tmp/} is never read, since a delivery there is not
 * finished.
 */
final class MaildirInbox implements Inbox {

    private final Path root;
    private final boolean markSeen;
    private final MailParser parser;

    MaildirInbox(Path root, boolean markSeen, MailParser parser) throws ChannelException {
        this.root = root;
        this.markSeen = markSeen;
        this.parser = parser;
        if (!Files.isDirectory(root.resolve("new")) || !Files.isDirectory(root.resolve("cur"))) {
            throw new ChannelException("setting 'path': " + root.toAbsolutePath() + " is not a Maildir (it needs "
                    + "the folders new/ and cur/)");
        }
    }

    @Override
    public Batch read(Checkpoint after, int max) throws ChannelException {
        List<Path> pending = new ArrayList<>();
        List<Path> all = messages();
        for (Path p : all) {
            if (after.isStart() || unique(p).compareTo(after.value()) > 0) {
                pending.add(p);
            }
        }
        List<Path> taken = pending.subList(0, Math.min(max, pending.size()));
        List<Inbound> items = new ArrayList<>(taken.size());
        for (Path p : taken) {
            items.add(parser.parse(p, root.relativize(p).toString()));
        }
        Checkpoint next = taken.isEmpty() ? after : Checkpoint.of(unique(taken.get(taken.size() - 1)));
        return new Batch(items, next, pending.size() > taken.size(), all.size() - (pending.size() - taken.size()), all.size());
    }

    @Override
    public void commit(Checkpoint upTo) throws ChannelException {
        if (!markSeen || upTo.isStart()) {
            return;
        }
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(root.resolve("new"))) {
            for (Path p : dir) {
                if (Files.isRegularFile(p) && unique(p).compareTo(upTo.value()) <= 0) {
                    Files.move(p, root.resolve("cur").resolve(unique(p) + ":2,S"), StandardCopyOption.ATOMIC_MOVE);
                }
            }
        } catch (IOException e) {
            throw new ChannelException("cannot mark stored mail as seen in " + root.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    private List<Path> messages() throws ChannelException {
        List<Path> files = new ArrayList<>();
        for (String sub : List.of("new", "cur")) {
            try (DirectoryStream<Path> dir = Files.newDirectoryStream(root.resolve(sub))) {
                for (Path p : dir) {
                    if (Files.isRegularFile(p) && !p.getFileName().toString().startsWith(".")) {
                        files.add(p);
                    }
                }
            } catch (IOException e) {
                throw new ChannelException("cannot list " + root.resolve(sub).toAbsolutePath() + ": " + e.getMessage(), e);
            }
        }
        files.sort(Comparator.comparing(MaildirInbox::unique));
        return files;
    }

    /** The name without the flags: stable when a message moves from new/ to cur/. */
    static String unique(Path p) {
        String name = p.getFileName().toString();
        int colon = name.indexOf(':');
        return colon < 0 ? name : name.substring(0, colon);
    }

    @Override
    public void close() {
        // nothing held open between reads
    }
}
