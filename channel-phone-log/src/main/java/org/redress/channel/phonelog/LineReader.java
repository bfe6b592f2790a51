package org.redress.channel.phonelog;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * Complete lines of a file from a byte offset, with their numbers and end offsets. A line ends with LF, CRLF or a
 * lone CR (old Mac exports). A last line without its line end may still be being written: it is returned only when
 * the caller knows the file is complete. Memory is one read buffer plus the longest line.
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
    private final boolean lastLineComplete;
    /** The last line ended with CR: a LF right after it belongs to that line end. */
    private boolean afterCr;

    LineReader(Path file, long offset, long lineNumber) throws IOException {
        this(file, offset, lineNumber, false);
    }

    /** @param lastLineComplete whether a last line without its line end is whole (the file is no longer written) */
    LineReader(Path file, long offset, long lineNumber, boolean lastLineComplete) throws IOException {
        this.lastLineComplete = lastLineComplete;
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
            if (afterCr && from < limit) {
                afterCr = false;
                if (array[from] == '\n' && pendingLength == 0) {
                    buffer.position(from + 1);
                    offset++;
                    continue;
                }
            }
            while (i < limit && array[i] != '\n' && array[i] != '\r') {
                i++;
            }
            int piece = i - from;
            if (pendingLength + piece > pending.length) {
                pending = Arrays.copyOf(pending, Math.max(pending.length * 2, pendingLength + piece));
            }
            System.arraycopy(array, from, pending, pendingLength, piece);
            pendingLength += piece;
            if (i < limit) {
                afterCr = array[i] == '\r';
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
                if (lastLineComplete && pendingLength > 0) {
                    long start = offset;
                    offset += pendingLength;
                    number++;
                    byte[] line = Arrays.copyOf(pending, pendingLength);
                    pendingLength = 0;
                    return new Line(line, number, start, offset);
                }
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
