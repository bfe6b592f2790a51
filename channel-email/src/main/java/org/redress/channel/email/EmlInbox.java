package org.redress.channel.email;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
 */
final class EmlInbox implements Inbox {

    static final String PROCESSED = "processed";

    private final Path directory;
    private final boolean moveAfterCommit;
    private final MailParser parser;

    private final Path single;

    EmlInbox(Path path, boolean moveAfterCommit, MailParser parser) {
        this.single = java.nio.file.Files.isRegularFile(path) ? path : null;
        this.directory = single != null ? path.toAbsolutePath().getParent() : path;
        this.moveAfterCommit = moveAfterCommit;
        this.parser = parser;
    }

    @Override
    public Batch read(Checkpoint after, int max) throws ChannelException {
        List<Path> pending = filesAfter(after);
        List<Path> taken = pending.subList(0, Math.min(max, pending.size()));
        List<Inbound> items = new ArrayList<>(taken.size());
        for (Path file : taken) {
            items.add(parser.parse(file, file.getFileName().toString()));
        }
        Checkpoint next = taken.isEmpty() ? after : Checkpoint.of(taken.get(taken.size() - 1).getFileName().toString());
        return new Batch(items, next, pending.size() > taken.size());
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

    private List<Path> filesAfter(Checkpoint after) throws ChannelException {
        List<Path> files = new ArrayList<>();
        for (Path file : eml()) {
            if (after.isStart() || file.getFileName().toString().compareTo(after.value()) > 0) {
                files.add(file);
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
