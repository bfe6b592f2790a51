package org.redress.channel.email;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.redress.core.channel.Batch;
import org.redress.core.channel.ChannelException;
import org.redress.core.channel.Checkpoint;
import org.redress.core.channel.Inbound;
import org.redress.core.channel.Quarantined;
import org.redress.core.channel.RawSource;

/**
 * An mbox file of any size, streamed: the checkpoint is the byte offset of the next message's
 * {@code From } line, so a read seeks there and holds at most one batch of messages (each capped at
 * max-size) in memory. A message starts at a {@code From } line at the start of the file or after an empty
 * line (so an unescaped "From " inside a paragraph does not split a message); {@code >From } lines are
 * unescaped as mboxrd writes them. The file itself is never changed.
 */
final class MboxInbox implements Inbox {

    private static final byte[] FROM = "From ".getBytes(StandardCharsets.US_ASCII);
    private static final int BUFFER = 1 << 16;

    private final Path file;
    private final MailParser parser;

    MboxInbox(Path file, MailParser parser) {
        this.file = file;
        this.parser = parser;
    }

    @Override
    public Batch read(Checkpoint after, int max) throws ChannelException {
        long start = offset(after);
        List<Inbound> items = new ArrayList<>();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (start >= size) {
                return Batch.empty(after);
            }
            channel.position(start);
            Lines lines = new Lines(Channels.newInputStream(channel), start);
            long next = start;
            byte[] line = lines.next();
            if (line != null && !startsWithFrom(line)) {
                // text before the first "From " line: not a message, but kept for a person to look at
                Message junk = collect(lines, line, true);
                items.add(Quarantined.of("text before the first 'From ' line of the mbox "
                        + "(is this an mbox file?)", new RawSource(location(start), MailParser.MEDIA_TYPE, junk.bytes())));
                next = junk.end();
                line = junk.following();
            }
            while (line != null && items.size() < max) {
                long at = lines.lastStart();
                Message m = collect(lines, lines.next(), false);
                items.add(m.truncated()
                        ? parser.tooLarge(m.total(), location(at), m.bytes())
                        : parser.parse(m.bytes(), location(at), Instant.EPOCH));
                next = m.end();
                line = m.following();
            }
            return new Batch(items, Checkpoint.of(Long.toString(next)), next < size, next, size);
        } catch (IOException e) {
            throw new ChannelException("cannot read mbox " + file.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    private String location(long offset) {
        return file.getFileName() + "@" + offset;
    }

    private static long offset(Checkpoint after) throws ChannelException {
        if (after.isStart()) {
            return 0;
        }
        try {
            return Long.parseLong(after.value());
        } catch (NumberFormatException e) {
            throw new ChannelException("mbox checkpoint '" + after.value() + "' is not a byte offset");
        }
    }

    /** Lines up to the next "From " line that starts a message (after an empty line), unescaped. */
    private Message collect(Lines lines, byte[] first, boolean isJunk) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        long limit = parser.maxSize();
        long total = 0;
        boolean previousEmpty = !isJunk;
        byte[] line = first;
        while (line != null) {
            if (startsWithFrom(line) && (previousEmpty || isJunk)) {
                return new Message(out.toByteArray(), total > limit, total, lines.lastStart(), line);
            }
            byte[] content = unescape(line);
            total += content.length;
            if (total <= limit) {
                out.write(content);
            } else if (out.size() < 64 * 1024) {
                out.write(content, 0, (int) Math.min(content.length, 64 * 1024 - out.size()));
            }
            previousEmpty = isEmpty(line);
            line = lines.next();
        }
        return new Message(out.toByteArray(), total > limit, total, lines.position(), null);
    }

    private record Message(byte[] bytes, boolean truncated, long total, long end, byte[] following) {
    }

    private static boolean startsWithFrom(byte[] line) {
        return line.length >= FROM.length && Arrays.equals(line, 0, FROM.length, FROM, 0, FROM.length);
    }

    private static boolean isEmpty(byte[] line) {
        return line.length == 0 || (line.length == 1 && line[0] == '\n') || (line.length == 2 && line[0] == '\r' && line[1] == '\n');
    }

    /** mboxrd: a line of one or more '>' then "From " lost one '>' when written. */
    private static byte[] unescape(byte[] line) {
        int gt = 0;
        while (gt < line.length && line[gt] == '>') {
            gt++;
        }
        if (gt > 0 && line.length - gt >= FROM.length && Arrays.equals(line, gt, gt + FROM.length, FROM, 0, FROM.length)) {
            return Arrays.copyOfRange(line, 1, line.length);
        }
        return line;
    }

    @Override
    public void commit(Checkpoint upTo) {
        // the desk's checkpoint is the position; an mbox is read as it is and never changed
    }

    @Override
    public void close() {
        // nothing held open between reads
    }

    /** Byte lines with their terminators, from a stream, knowing where each starts in the file. */
    private static final class Lines {
        private final InputStream in;
        private final byte[] buffer = new byte[BUFFER];
        private int pos;
        private int limit;
        private long bufferStart;
        private long lastStart;

        Lines(InputStream in, long start) {
            this.in = in;
            this.bufferStart = start;
        }

        /** The next line with its terminator, or null at the end. */
        byte[] next() throws IOException {
            lastStart = position();
            ByteArrayOutputStream partial = null;
            while (true) {
                if (pos == limit && !fill()) {
                    return partial == null || partial.size() == 0 ? null : partial.toByteArray();
                }
                int i = pos;
                while (i < limit && buffer[i] != '\n') {
                    i++;
                }
                if (i < limit) {
                    int end = i + 1;
                    byte[] line;
                    if (partial == null) {
                        line = Arrays.copyOfRange(buffer, pos, end);
                    } else {
                        partial.write(buffer, pos, end - pos);
                        line = partial.toByteArray();
                    }
                    pos = end;
                    return line;
                }
                if (partial == null) {
                    partial = new ByteArrayOutputStream(256);
                }
                partial.write(buffer, pos, limit - pos);
                pos = limit;
            }
        }

        long lastStart() {
            return lastStart;
        }

        long position() {
            return bufferStart + pos;
        }

        private boolean fill() throws IOException {
            bufferStart += limit;
            pos = 0;
            limit = 0;
            int n = in.read(buffer);
            if (n <= 0) {
                return false;
            }
            limit = n;
            return true;
        }
    }
}
