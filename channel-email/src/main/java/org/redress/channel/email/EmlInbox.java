package org.redress.channel.email;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.redress.core.channel.Batch;
import org.redress.core.channel.ChannelException;
import org.redress.core.channel.Checkpoint;
import org.redress.core.channel.Inbound;

/**
 * A folder of {@code .eml} files read in file-name order, or one {@code .eml} file. The checkpoint is the
 * name of the last file read; with {@code after-commit=move}, committed files go to {@code processed/} so the
 * folder shows what is left.
 *
 * <p>Because the checkpoint is a name, a file passed over is never read: one still being written would be read
 * in half, and one created while the folder is listed may be missing from the listing while a later one is in it.
 * So a read stops at the first file that changed within {@code settle}: everything older was complete, and in
 * the folder, before the listing began.
 */
final class EmlInbox implements Inbox {

    static final String PROCESSED = "processed";

    private final Path directory;
    private final boolean moveAfterCommit;
    private final MailParser parser;
    private final Duration settle;

    private final Path single;

    EmlInbox(Path path, boolean moveAfterCommit, Duration settle, MailParser parser) {
        this.settle = settle;
        this.single = java.nio.file.Files.isRegularFile(path) ? path : null;
        this.directory = single != null ? path.toAbsolutePath().getParent() : path;
        this.moveAfterCommit = moveAfterCommit;
        this.parser = parser;
    }

    @Override
    public Batch read(Checkpoint after, int max) throws ChannelException {
        List<Path> all = eml();
        List<Path> pending = settled(filesAfter(all, after));
        List<Path> taken = pending.subList(0, Math.min(max, pending.size()));
        List<Inbound> items = new ArrayList<>(taken.size());
        for (Path file : taken) {
            items.add(parser.parse(file, file.getFileName().toString()));
        }
        Checkpoint next = taken.isEmpty() ? after : Checkpoint.of(taken.get(taken.size() - 1).getFileName().toString());
        // files moved away after commit are out of the listing: progress counts what is still in the folder
        return new Batch(items, next, pending.size() > taken.size(), all.size() - (pending.size() - taken.size()), all.size());
    }

    @Override
    public void commit(Checkpoint upTo) throws ChannelException {
        if (!moveAfterCommit || upTo.isStart()) {
            return;
        }
        Path processed = directory.resolve(PROCESSED);
        try {
            Files.createDirectories(processed);
            for (Path file : eml()) {
                if (file.getFileName().toString().compareTo(upTo.value()) <= 0) {
                    Files.move(file, processed.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new ChannelException("cannot move stored mail to " + processed + ": " + e.getMessage(), e);
        }
    }

    private static List<Path> filesAfter(List<Path> all, Checkpoint after) {
        List<Path> files = new ArrayList<>();
        for (Path file : all) {
            if (after.isStart() || file.getFileName().toString().compareTo(after.value()) > 0) {
                files.add(file);
            }
        }
        return files;
    }

    /**
     * The files up to the first one still settling. File times are wall-clock times, so they are compared with
     * the system clock, not the desk's (which a test or a replay may have fixed).
     */
    private List<Path> settled(List<Path> files) throws ChannelException {
        if (settle.isZero() || files.isEmpty() || single != null) { // one named file is read as it is, on request
            return files;
        }
        long now = System.currentTimeMillis();
        for (int i = 0; i < files.size(); i++) {
            try {
                long changed = Files.getLastModifiedTime(files.get(i)).toMillis();
                if (Math.abs(now - changed) < settle.toMillis()) {
                    return files.subList(0, i);
                }
            } catch (IOException e) {
                return files.subList(0, i); // moved or deleted while we looked: the next read sees the folder as it is
            }
        }
        return files;
    }

    /** The .eml files directly in the folder, sorted by name (or the one file). */
    private List<Path> eml() throws ChannelException {
        List<Path> files = new ArrayList<>();
        if (single != null) {
            if (Files.isRegularFile(single)) {
                files.add(single);
            }
            return files;
        }
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(directory)) {
            for (Path p : dir) {
                if (Files.isRegularFile(p) && p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".eml")) {
                    files.add(p);
                }
            }
        } catch (IOException e) {
            throw new ChannelException("cannot list mail folder " + directory.toAbsolutePath() + ": " + e.getMessage(), e);
        }
        files.sort(Comparator.comparing(p -> p.getFileName().toString()));
        return files;
    }

    @Override
    public void close() {
        // nothing held open between reads
    }
}
