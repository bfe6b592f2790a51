package org.redress.channel.phonelog;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.redress.core.channel.Batch;
import org.redress.core.channel.Channel;
import org.redress.core.channel.ChannelException;
import org.redress.core.channel.Checkpoint;
import org.redress.core.channel.Inbound;

/**
 * A CDR file followed by byte offset. Only complete lines (ending in a line feed) are read, so a line the
 * PBX is still writing waits for the next read. The checkpoint is {@code offset:line}: the byte after the
 * last line read and that line's number, so quarantine reasons can name lines.
 */
final class CdrFileChannel implements Channel {

    private final Path file;
    private final AsteriskCdr cdr;

    CdrFileChannel(Path file, AsteriskCdr cdr) {
        this.file = file;
        this.cdr = cdr;
    }

    @Override
    public Batch read(Checkpoint after, int max) throws ChannelException {
        long offset = 0;
        long line = 0;
        if (!after.isStart()) {
            String[] parts = after.value().split(":");
            try {
                offset = Long.parseLong(parts[0]);
                line = Long.parseLong(parts[1]);
            } catch (RuntimeException e) {
                throw new ChannelException("checkpoint '" + after + "' is not offset:line");
            }
        }
        List<Inbound> items = new ArrayList<>();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            if (channel.size() < offset) {
                throw new ChannelException(file.toAbsolutePath() + " is shorter (" + channel.size()
                        + " bytes) than the checkpoint at byte " + offset + ": it was truncated or replaced");
            }
            channel.position(offset);
            InputStream in = new BufferedInputStream(Channels.newInputStream(channel), 1 << 16);
            ByteArrayOutputStream current = new ByteArrayOutputStream(256);
            String name = file.getFileName().toString();
            int b;
            while (items.size() < max && (b = in.read()) != -1) {
                if (b != '\n') {
                    current.write(b);
                    continue;
                }
                offset += current.size() + 1;
                line++;
                byte[] bytes = current.toByteArray();
                current.reset();
                if (isBlank(bytes)) {
                    continue;
                }
                items.add(cdr.parse(bytes, name, line));
            }
            boolean more = hasCompleteLine(in);
            return new Batch(items, items.isEmpty() && offset == 0 ? after : Checkpoint.of(offset + ":" + line), more);
        } catch (IOException e) {
            throw new ChannelException("cannot read " + file.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    /** Whether a whole line follows the last one read. */
    private static boolean hasCompleteLine(InputStream in) throws IOException {
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                return true;
            }
        }
        return false;
    }

    private static boolean isBlank(byte[] bytes) {
        for (byte x : bytes) {
            if (x != ' ' && x != '\r' && x != '\t') {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() {
        // the file is opened per read
    }
}
