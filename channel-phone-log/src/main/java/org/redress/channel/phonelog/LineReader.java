package org.redress.channel.phonelog;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * Complete lines of a file from a byte offset, with their numbers and end offsets. A last line without its
 * line feed is still being written and is not returned. Memory is one read buffer plus the longest line.
 */
final class LineReader implements AutoCloseable {

    /** A line's bytes without the line feed, its number, and the offset just after it. */
    record Line(byte[] bytes, long number, long start, long end) {
    }

    private final FileChannel channel;
    private final ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
    private byte[] pending = new byte[256];
    private int pendingLength;
    private long offset;
    private long number;
    private boolean eof;

    LineReader(Path file, long offset, long lineNumber) throws IOException {
        this.channel = FileChannel.open(file, StandardOpenOption.READ);
        if (channel.size() < offset) {
            long size = channel.size();
            channel.close();
            throw new IOException(file.toAbsolutePath() + " is shorter (" + size + " bytes) than the checkpoint at byte "
                    + offset + ": it was truncated or replaced");
        }
        channel.position(offset);
        this.offset = offset;
        this.number = lineNumber;
        buffer.flip();
    }

    /** The next complete line, or null at the end of what is complete. */
    Line next() throws IOException {
        byte[] array = buffer.array();
        while (true) {
            int from = buffer.position();
            int limit = buffer.limit();
            int i = from;
            while (i < limit && array[i] != '\n') {
                i++;
            }
            int piece = i - from;
            if (pendingLength + piece > pending.length) {
                pending = Arrays.copyOf(pending, Math.max(pending.length * 2, pendingLength + piece));
            }
            System.arraycopy(array, from, pending, pendingLength, piece);
            pendingLength += piece;
            if (i < limit) {
                buffer.position(i + 1);
                long start = offset;
                offset += pendingLength + 1;
                number++;
                byte[] line = Arrays.copyOf(pending, pendingLength);
                pendingLength = 0;
                return new Line(line, number, start, offset);
            }
            buffer.position(limit);
            if (eof) {
                return null;
            }
            buffer.clear();
            int read = channel.read(buffer);
            buffer.flip();
            if (read < 0) {
                eof = true;
            }
        }
    }

    /** The offset just after the last complete line returned. */
    long offset() {
        return offset;
    }

    long number() {
        return number;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
