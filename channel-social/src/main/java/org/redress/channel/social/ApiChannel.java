package org.redress.channel.social;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.redress.core.channel.Batch;
import org.redress.core.channel.Channel;
import org.redress.core.channel.ChannelException;
import org.redress.core.channel.Checkpoint;
import org.redress.core.channel.ReplyingChannel;
import org.redress.core.channel.DeliveryResult;
import org.redress.core.channel.Inbound;
import org.redress.core.channel.OutboundReply;
import org.redress.core.channel.Visibility;

/**
 * A live social account. Reading polls the network after the committed cursor and, when the network says
 * "too many requests", returns nothing until the limit resets instead of failing. Delivery is an outbox:
 * replies longer than the network allows are split into numbered parts (never cut), each part is retried with
 * back-off on 429 (waiting for the reset the network names) and on server errors, and a reply is sent once
 * however often it is asked for.
 */
final class ApiChannel implements ReplyingChannel {

    /** Waits; tests pass one that only records. */
    interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    /** Attempts per part before the outbox gives up for now. */
    static final int ATTEMPTS = 5;

    private final SocialConnector connector;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Duration maxWait;
    private Instant pausedUntil;
    /** replyId -> ids of the parts sent so far, so a retried reply continues where it stopped. */
    private final Map<String, List<String>> sent = new LinkedHashMap<>(16, 0.75f, false) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, List<String>> eldest) {
            return size() > 10_000;
        }
    };

    ApiChannel(SocialConnector connector, Clock clock, Sleeper sleeper, Duration maxWait) {
        this.connector = connector;
        this.clock = clock;
        this.sleeper = sleeper;
        this.maxWait = maxWait;
    }

    @Override
    public Batch read(Checkpoint after, int max) throws ChannelException {
        if (pausedUntil != null && clock.instant().isBefore(pausedUntil)) {
            return Batch.empty(after);
        }
        SocialConnector.Page page;
        try {
            page = connector.poll(after.value());
        } catch (ConnectorException e) {
            if (e.kind() == ConnectorException.Kind.RATE_LIMITED) {
                pausedUntil = e.retryAt();
                return Batch.empty(after);
            }
            throw new ChannelException(e.getMessage(), e);
        }
        pausedUntil = null;
        int n = Math.min(max, page.items().size());
        List<Inbound> taken = page.items().subList(0, n);
        Checkpoint next = n == 0 ? after : Checkpoint.of(page.cursors().get(n - 1));
        return new Batch(taken, next, page.items().size() > n);
    }

    @Override
    public synchronized DeliveryResult deliver(OutboundReply reply) {
        Capabilities caps = connector.capabilities();
        List<String> parts = split(reply.text(), caps.maxLength());
        List<String> done = sent.computeIfAbsent(reply.replyId(), k -> new ArrayList<>());
        if (done.size() == parts.size()) {
            return new DeliveryResult.Delivered(done.get(done.size() - 1));
        }
        if (reply.visibility() == Visibility.PUBLIC && reply.inReplyTo().isEmpty()) {
            return new DeliveryResult.Failed("a public reply on " + connector.network()
                    + " needs the post it answers (inReplyTo is empty)", false);
        }
        if (reply.visibility() == Visibility.PRIVATE && !caps.privateReplies()) {
            return new DeliveryResult.Failed(connector.network() + " cannot send private messages from this account", false);
        }
        for (int i = done.size(); i < parts.size(); i++) {
            String part = parts.get(i);
            String key = reply.replyId() + "/" + (i + 1);
            // each public part answers the one before it, the first answers the customer's post
            String previous = reply.visibility() != Visibility.PUBLIC ? null
                    : i == 0 ? reply.inReplyTo().get(0) : done.get(i - 1);
            DeliveryResult result = withRetries(() -> reply.visibility() == Visibility.PUBLIC
                    ? connector.replyPublic(previous, part, key)
                    : connector.sendPrivate(reply.recipient().value(), part, key));
            if (result instanceof DeliveryResult.Failed f) {
                return parts.size() == 1 ? f : new DeliveryResult.Failed("part " + (i + 1) + " of " + parts.size()
                        + " not sent (" + i + " sent; a retry continues there): " + f.reason(), f.retryable());
            }
            done.add(((DeliveryResult.Delivered) result).externalId());
        }
        return new DeliveryResult.Delivered(done.get(done.size() - 1));
    }

    private interface Send {
        String run() throws ConnectorException;
    }

    private DeliveryResult withRetries(Send send) {
        ConnectorException last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            try {
                return new DeliveryResult.Delivered(send.run());
            } catch (ConnectorException e) {
                last = e;
                Duration wait;
                switch (e.kind()) {
                    case AUTH, PERMANENT -> {
                        return new DeliveryResult.Failed(e.getMessage(), false);
                    }
                    case RATE_LIMITED -> {
                        wait = Duration.between(clock.instant(), e.retryAt());
                        if (wait.compareTo(maxWait) > 0) {
                            return new DeliveryResult.Failed(e.getMessage() + "; that is longer than max-wait "
                                    + maxWait + ", so the outbox will try again later", true);
                        }
                    }
                    default -> wait = Duration.ofSeconds(1L << attempt);
                }
                try {
                    sleeper.sleep(wait.isNegative() ? Duration.ZERO : wait);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return new DeliveryResult.Failed("interrupted while waiting to retry: " + e.getMessage(), true);
                }
            }
        }
        return new DeliveryResult.Failed("gave up after " + ATTEMPTS + " attempts: " + last.getMessage(), true);
    }

    /**
     * Splits text longer than {@code max} into numbered parts at word boundaries: "… (1/3)". Nothing is cut.
     */
    static List<String> split(String text, int max) {
        String t = text.strip();
        if (t.length() <= max) {
            return List.of(t);
        }
        for (int guess = 2; guess < 1000; guess++) {
            int room = max - (" (" + guess + "/" + guess + ")").length();
            List<String> chunks = wrap(t, room);
            if (chunks.size() <= guess) {
                List<String> parts = new ArrayList<>();
                for (int i = 0; i < chunks.size(); i++) {
                    parts.add(chunks.get(i) + " (" + (i + 1) + "/" + chunks.size() + ")");
                }
                return parts;
            }
        }
        throw new IllegalArgumentException("text of " + t.length() + " characters cannot be split into posts of " + max);
    }

    private static List<String> wrap(String text, int room) {
        List<String> chunks = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String word : text.split("(?<=\\s)")) {
            String w = word;
            while (w.length() > room) { // a word longer than a post: break it, keeping every character
                if (!current.isEmpty()) {
                    chunks.add(current.toString().strip());
                    current.setLength(0);
                }
                chunks.add(w.substring(0, room));
                w = w.substring(room);
            }
            if (current.length() + w.stripTrailing().length() > room) {
                chunks.add(current.toString().strip());
                current.setLength(0);
            }
            current.append(w);
        }
        if (!current.toString().isBlank()) {
            chunks.add(current.toString().strip());
        }
        return chunks;
    }

    /** A network that streams (Mastodon) wakes the desk at once; polling after the checkpoint stays the truth. */
    @Override
    public boolean awaitNew(Duration max) throws ChannelException {
        try {
            return connector.awaitNew(max);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        connector.close();
    }
}
