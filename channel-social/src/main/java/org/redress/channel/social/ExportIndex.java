package org.redress.channel.social;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Where each item of an export file is, in id order. Built in one streaming pass that holds one item at a time,
 * so memory grows with the number of items (about 30 bytes each), not with the file: a million statuses fit in a
 * few tens of megabytes. A batch then reads only its own items back from their byte ranges.
 *
 * <p>The order is that of {@link JsonItems#orderKey}; ids of up to 18 digits, which is every X and Mastodon id
 * seen, are kept as numbers, anything else as its key.
 */
final class ExportIndex {

    /** Set in {@link #numbers} for an item whose key is in {@link #texts}. */
    private static final long TEXT = -1;

    private final long[] numbers;
    private final String[] texts;
    private final long[] starts;
    private final int[] lengths;
    /** The item's place in the file, from 1, for the location a quarantine names. */
    private final int[] places;

    /** What the documents said beside their items (see {@link Network#contextFields}). */
    private final List<JsonNode> context;

    private ExportIndex(long[] numbers, String[] texts, long[] starts, int[] lengths, int[] places, List<JsonNode> context) {
        this.context = List.copyOf(context);
        this.numbers = numbers;
        this.texts = texts;
        this.starts = starts;
        this.lengths = lengths;
        this.places = places;
    }

    /** {@code network} knowing what the file's documents held beside their items. */
    Network network(Network network) {
        return network.withContext(context);
    }

    int size() {
        return starts.length;
    }

    String key(int i) {
        return key(numbers[i], texts[i]);
    }

    private static String key(long number, String text) {
        return number == TEXT ? text : JsonItems.orderKey(Long.toString(number));
    }

    long start(int i) {
        return starts[i];
    }

    int length(int i) {
        return lengths[i];
    }

    int place(int i) {
        return places[i];
    }

    /** The first item whose key sorts after {@code key}, or {@link #size()} when none does. */
    int firstAfter(String key) {
        int low = 0;
        int high = size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (key(mid).compareTo(key) <= 0) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /** The bytes of items {@code from} (inclusive) to {@code to} (exclusive), each parsed again on its own. */
    JsonNode[] read(Path file, int from, int to, ObjectMapper json) throws IOException {
        JsonNode[] nodes = new JsonNode[to - from];
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            for (int i = from; i < to; i++) {
                ByteBuffer buffer = ByteBuffer.allocate(lengths[i]);
                while (buffer.hasRemaining()) {
                    if (channel.read(buffer, starts[i] + buffer.position()) < 0) {
                        throw new IOException("the file is shorter than when it was read (it changed while being read)");
                    }
                }
                nodes[i - from] = json.readTree(buffer.array());
            }
        }
        return nodes;
    }

    /**
     * Indexes a file.
     *
     * @throws IOException when the file cannot be read or is not JSON; Jackson's limits (nesting, a number's
     *         digits, a string's length) are among these and name the limit
     * @throws IllegalArgumentException when a document holds no items or the file is empty
     */
    static ExportIndex of(Path file, Network network, ObjectMapper json) throws IOException {
        Builder b = new Builder();
        JsonFactory factory = json.getFactory();
        try (JsonParser p = factory.createParser(file.toFile())) {
            int documents = 0;
            JsonToken t;
            // an export may be several documents one after another (two arrays pasted together): each is read
            while ((t = p.nextToken()) != null) {
                documents++;
                if (t == JsonToken.START_ARRAY) {
                    many(p, b, network, json);
                } else if (t == JsonToken.START_OBJECT) {
                    boolean found = false;
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        Network.Holds holds = network.itemFields().get(p.currentName());
                        JsonToken value = p.nextToken();
                        if (holds != null && holds != Network.Holds.ONE && value == JsonToken.START_ARRAY) {
                            many(p, b, network, json);
                            found = true;
                        } else if (holds != null && holds != Network.Holds.MANY && value == JsonToken.START_OBJECT) {
                            b.add(p, network, json);
                            found = true;
                        } else if (network.contextFields().contains(p.currentName()) && value == JsonToken.START_OBJECT) {
                            b.context.add(json.readTree(p));
                        } else {
                            p.skipChildren();
                        }
                    }
                    if (!found) {
                        throw new IllegalArgumentException(network.expected() + " (document " + documents + ")");
                    }
                } else {
                    throw new IllegalArgumentException(network.expected() + " (document " + documents + " is a "
                            + t.asString() + ")");
                }
            }
            if (documents == 0) {
                throw new IllegalArgumentException("the file is empty");
            }
        }
        return b.build();
    }

    private static void many(JsonParser p, Builder b, Network network, ObjectMapper json) throws IOException {
        while (p.nextToken() != JsonToken.END_ARRAY) {
            b.add(p, network, json);
        }
    }

    /** Grows the arrays as items are found, then sorts them by key. */
    private static final class Builder {
        private long[] numbers = new long[1024];
        private String[] texts = new String[1024];
        private long[] starts = new long[1024];
        private int[] lengths = new int[1024];
        private int size;
        private String lastGoodKey = "";
        private final List<JsonNode> context = new ArrayList<>();

        void add(JsonParser p, Network network, ObjectMapper json) throws IOException {
            long start = p.currentTokenLocation().getByteOffset();
            JsonNode item = json.readTree(p);
            long end = p.currentLocation().getByteOffset();
            if (start < 0 || end < 0) {
                throw new IllegalArgumentException("the file is not UTF-8; save the export as UTF-8");
            }
            if (size == starts.length) {
                int grown = size * 2;
                numbers = Arrays.copyOf(numbers, grown);
                texts = Arrays.copyOf(texts, grown);
                starts = Arrays.copyOf(starts, grown);
                lengths = Arrays.copyOf(lengths, grown);
            }
            Optional<String> id = network.id(item);
            String key = id.map(JsonItems::orderKey).orElse(JsonItems.noIdKey(lastGoodKey, size + 1));
            if (id.isPresent()) {
                lastGoodKey = key;
            }
            if (id.isPresent() && id.get().length() <= 18 && id.get().chars().allMatch(c -> c >= '0' && c <= '9')) {
                numbers[size] = Long.parseLong(id.get());
            } else {
                numbers[size] = TEXT;
                texts[size] = key;
            }
            starts[size] = start;
            lengths[size] = Math.toIntExact(end - start);
            size++;
        }

        ExportIndex build() {
            // the file's order among equal keys is kept (a stable sort), as a since-id reader would see it
            Comparator<Integer> byKey = (a, c) -> numbers[a] != TEXT && numbers[c] != TEXT
                    ? Long.compare(numbers[a], numbers[c]) : key(numbers[a], texts[a]).compareTo(key(numbers[c], texts[c]));
            int[] order = IntStream.range(0, size).boxed().sorted(byKey).mapToInt(Integer::intValue).toArray();
            long[] n = new long[size];
            String[] t = new String[size];
            long[] s = new long[size];
            int[] l = new int[size];
            int[] places = new int[size];
            for (int i = 0; i < size; i++) {
                int from = order[i];
                n[i] = numbers[from];
                t[i] = texts[from];
                s[i] = starts[from];
                l[i] = lengths[from];
                places[i] = from + 1;
            }
            return new ExportIndex(n, t, s, l, places, context);
        }
    }
}
