package org.redress.core.channel;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A message from a customer (or a machine) as a channel understood it. Built with {@link #builder}.
 *
 * @param externalId       stable id within the channel instance (Message-ID, post id, call unique id)
 * @param threadReferences external ids this message continues, nearest first (In-Reply-To, then References;
 *                         the post replied to; the call a callback answers); empty for a new conversation
 * @param sender           who sent it
 * @param sentAt           when the sender sent it, by the source's own clock
 * @param subject          the subject line, or empty where the channel has none
 * @param text             the readable text of the message, never null
 * @param languageHint     a language the source declared (Content-Language, a post's lang), if any
 * @param visibility       whether the customer said it in public or in private
 * @param attachments      files that came with it
 * @param automated        set when machine traffic sent it: auto-reply, bounce, list, our own echo
 * @param attributes       facts about the message in their text form: the typed {@link Attribute}s the desk reads
 *                         (read them with {@link #attribute(Attribute)}) and a channel's own, which it keeps
 * @param raw              the message exactly as the source delivered it, kept for audit
 */
public record InboundMessage(
        String externalId,
        List<String> threadReferences,
        SenderIdentity sender,
        Instant sentAt,
        String subject,
        String text,
        Optional<String> languageHint,
        Visibility visibility,
        List<Attachment> attachments,
        Optional<Automation> automated,
        Map<String, String> attributes,
        RawSource raw) implements Inbound {

    /** Attribute key for the sender's follower count or reach, a triage input. */
    public static final Attribute<Long> FOLLOWERS = Attribute.count("followers");
    /**
     * Attribute key for the conversation a message belongs to, where the network has one: a public thread
     * ({@code status:<root id>}) or a private conversation ({@code dm:<sender>}).
     */
    public static final Attribute<String> THREAD_KEY = Attribute.text("threadKey");
    /**
     * Attribute key for the complaint number the message names itself (an email subject tag {@code [#1042]}).
     * A claim, not a fact: the desk accepts it only when the sender is a participant of that complaint.
     */
    public static final Attribute<Long> COMPLAINT_REF = Attribute.count("complaintRef");
    /**
     * Attribute key for the whole readable text, quoted history and signature included, where {@link #text()}
     * holds only the new part (an email reply with its quotes cut). Absent when the two are the same.
     */
    public static final Attribute<String> FULL_TEXT = Attribute.text("fullText");
    /**
     * Attribute set to true when a person wrote the message but it must get no automatic answer
     * (mail relayed by a list, a sender that asked for no auto-responses). Machine traffic ({@link #automated()})
     * never gets one anyway; this is the second, separate decision.
     */
    public static final Attribute<Boolean> NO_AUTOMATIC_ANSWER = Attribute.flag("noAutomaticAnswer");
    /**
     * Attribute key for a reason the channel dropped a thread reference: one that claimed to be the desk's own
     * but failed its signature check, so that a forged reference cannot attach a message to another complaint.
     */
    public static final Attribute<String> FORGED_REFERENCE = Attribute.text("forgedReference");
    /**
     * Attribute key for the address the sender asked answers to go to (an email's {@code Reply-To}), when it is not
     * the sender's own: a web form that mails from a no-reply address on the customer's behalf. The desk answers
     * there and knows the customer by it.
     */
    public static final Attribute<String> REPLY_TO = Attribute.text("replyTo");
    /**
     * Attribute key for when the message reached the mailbox the channel reads (an IMAP server's INTERNALDATE, a
     * Maildir file's delivery). Unlike {@link #sentAt()}, which the sender's clock claims,
     * this is the source's own record; the desk stores a message that arrived long before it was read (old mail in
     * a mailbox connected today) as history.
     */
    public static final Attribute<Instant> ARRIVED_AT = Attribute.instant("arrivedAt");

    /** The typed attributes whose values are checked when a message is built. */
    private static final Map<String, Attribute<?>> CHECKED = checked();

    private static Map<String, Attribute<?>> checked() {
        Map<String, Attribute<?>> all = new java.util.HashMap<>();
        for (Attribute<?> a : List.of(FOLLOWERS, THREAD_KEY, COMPLAINT_REF, FULL_TEXT, NO_AUTOMATIC_ANSWER, FORGED_REFERENCE,
                REPLY_TO, ARRIVED_AT)) {
            all.put(a.key(), a);
        }
        for (Attribute<?> a : CallAttributes.ALL) {
            all.put(a.key(), a);
        }
        return Map.copyOf(all);
    }

    /**
     * The value of a typed attribute, when the message has it.
     *
     * @param <T> the type of the value
     * @param attribute which attribute
     * @return its value
     */
    public <T> Optional<T> attribute(Attribute<T> attribute) {
        String raw = attributes.get(attribute.key());
        return raw == null ? Optional.empty() : Optional.of(attribute.decode(raw));
    }

    /**
     * Whether the message has the attribute.
     *
     * @param attribute which attribute
     * @return true when it is set
     */
    public boolean has(Attribute<?> attribute) {
        return attributes.containsKey(attribute.key());
    }

    /**
     * The same message, as sent by {@code who} (the person behind a relaying address).
     *
     * @param who the person behind the address
     * @return the same message from {@code who}
     */
    public InboundMessage from(SenderIdentity who) {
        return new InboundMessage(externalId, threadReferences, who, sentAt, subject, text, languageHint, visibility,
                attachments, automated, attributes, raw);
    }

    /**
     * The same message with one more attribute (or that attribute's new value).
     *
     * @param <T> the type of the value
     * @param attribute which attribute
     * @param value its value, not null
     * @return the same message with it
     */
    public <T> InboundMessage withAttribute(Attribute<T> attribute, T value) {
        Map<String, String> more = new java.util.HashMap<>(attributes);
        more.put(attribute.key(), attribute.encode(value));
        return new InboundMessage(externalId, threadReferences, sender, sentAt, subject, text, languageHint, visibility,
                attachments, automated, more, raw);
    }

    /**
     * The same message with one more of the channel's own facts under a plain key (or that fact's new value).
     *
     * @param key the fact's key
     * @param value its value
     * @return the same message with it
     */
    public InboundMessage withAttribute(String key, String value) {
        Map<String, String> more = new java.util.HashMap<>(attributes);
        more.put(key, value);
        return new InboundMessage(externalId, threadReferences, sender, sentAt, subject, text, languageHint, visibility,
                attachments, automated, more, raw);
    }

    /**
     * Checks every required part, copies the lists and maps, and checks the value of every typed attribute.
     *
     * @param externalId stable id within the channel instance (Message-ID, post id, call unique id)
     * @param threadReferences external ids this message continues, nearest first (In-Reply-To, then References; the post replied to; the call a callback answers); empty for a new conversation
     * @param sender who sent it
     * @param sentAt when the sender sent it, by the source's own clock
     * @param subject the subject line, or empty where the channel has none
     * @param text the readable text of the message, never null
     * @param languageHint a language the source declared (Content-Language, a post's lang), if any
     * @param visibility whether the customer said it in public or in private
     * @param attachments files that came with it
     * @param automated set when machine traffic sent it: auto-reply, bounce, list, our own echo
     * @param attributes facts about the message in their text form: the typed {@link Attribute}s the desk reads (read them with {@link #attribute(Attribute)}) and a channel's own, which it keeps
     * @param raw the message exactly as the source delivered it, kept for audit
     * @throws IllegalArgumentException naming the part or the attribute that is wrong
     */
    public InboundMessage {
        requireText(externalId, "externalId");
        threadReferences = List.copyOf(threadReferences);
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(sentAt, "sentAt");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(languageHint, "languageHint");
        Objects.requireNonNull(visibility, "visibility");
        attachments = List.copyOf(attachments);
        Objects.requireNonNull(automated, "automated");
        attributes = Map.copyOf(attributes);
        for (Map.Entry<String, String> a : attributes.entrySet()) {
            Attribute<?> typed = CHECKED.get(a.getKey());
            if (typed != null) {
                typed.decode(a.getValue()); // a channel's mistake is named here, not where the desk reads it
            }
        }
        Objects.requireNonNull(raw, "raw");
    }

    /**
     * Whether machine traffic sent it.
     *
     * @return true when {@link #automated()} is set
     */
    public boolean isAutomated() {
        return automated.isPresent();
    }

    /**
     * Starts a message.
     *
     * @param externalId its stable id within the channel instance
     * @return a builder; {@code sender}, {@code sentAt} and {@code raw} must be set before {@link Builder#build()}
     */
    public static Builder builder(String externalId) {
        return new Builder(externalId);
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }

    /** Collects the fields of an {@link InboundMessage}; unset optional fields get neutral values. */
    public static final class Builder {
        private final String externalId;
        private List<String> threadReferences = List.of();
        private SenderIdentity sender;
        private Instant sentAt;
        private String subject = "";
        private String text = "";
        private String languageHint;
        private Visibility visibility = Visibility.PRIVATE;
        private List<Attachment> attachments = List.of();
        private Automation automated;
        private final Map<String, String> attributes = new LinkedHashMap<>();
        private RawSource raw;

        private Builder(String externalId) {
            this.externalId = externalId;
        }

        /**
         * Sets the external ids this message continues, nearest first.
         *
         * @param references the external ids this message continues, nearest first
         * @return this builder
         */
        public Builder threadReferences(List<String> references) {
            this.threadReferences = references;
            return this;
        }

        /**
         * Sets who sent it.
         *
         * @param sender who sent it
         * @return this builder
         */
        public Builder sender(SenderIdentity sender) {
            this.sender = sender;
            return this;
        }

        /**
         * Sets when the sender sent it, by the source's clock.
         *
         * @param sentAt when the sender sent it, by the source's clock
         * @return this builder
         */
        public Builder sentAt(Instant sentAt) {
            this.sentAt = sentAt;
            return this;
        }

        /**
         * Sets the subject line.
         *
         * @param subject the subject line; null for none
         * @return this builder
         */
        public Builder subject(String subject) {
            this.subject = subject == null ? "" : subject;
            return this;
        }

        /**
         * Sets the readable text.
         *
         * @param text the readable text; null for none
         * @return this builder
         */
        public Builder text(String text) {
            this.text = text == null ? "" : text;
            return this;
        }

        /**
         * Sets a language the source declared.
         *
         * @param languageHint a language the source declared; null or blank for none
         * @return this builder
         */
        public Builder languageHint(String languageHint) {
            this.languageHint = languageHint == null || languageHint.isBlank() ? null : languageHint;
            return this;
        }

        /**
         * Sets public or private.
         *
         * @param visibility public or private; private unless set
         * @return this builder
         */
        public Builder visibility(Visibility visibility) {
            this.visibility = visibility;
            return this;
        }

        /**
         * Sets files that came with it.
         *
         * @param attachments files that came with it
         * @return this builder
         */
        public Builder attachments(List<Attachment> attachments) {
            this.attachments = attachments;
            return this;
        }

        /**
         * Sets why machine traffic sent it.
         *
         * @param automated why machine traffic sent it; null for a person
         * @return this builder
         */
        public Builder automated(Automation automated) {
            this.automated = automated;
            return this;
        }

        /**
         * Sets a typed attribute the desk reads; a null value sets nothing.
         *
         * @param <T> the type of the value
         * @param attribute which attribute
         * @param value its value
         * @return this builder
         */
        public <T> Builder attribute(Attribute<T> attribute, T value) {
            if (value != null) {
                attributes.put(attribute.key(), attribute.encode(value));
            }
            return this;
        }

        /**
         * Sets a channel's own fact under a plain key (the desk keeps and shows it, and acts on none); a null value sets
         * nothing. The desk's own facts take an {@link Attribute}.
         *
         * @param key the fact's key
         * @param value its value
         * @return this builder
         */
        public Builder attribute(String key, String value) {
            if (value != null) {
                attributes.put(key, value);
            }
            return this;
        }

        /**
         * Sets the message exactly as the source delivered it.
         *
         * @param raw the message exactly as the source delivered it
         * @return this builder
         */
        public Builder raw(RawSource raw) {
            this.raw = raw;
            return this;
        }

        /**
         * The message.
         *
         * @return the message
         * @throws NullPointerException naming {@code sender}, {@code sentAt} or {@code raw} when it is not set
         * @throws IllegalArgumentException naming a typed attribute whose value its type cannot read
         */
        public InboundMessage build() {
            return new InboundMessage(externalId, threadReferences, sender, sentAt, subject, text,
                    Optional.ofNullable(languageHint), visibility, attachments, Optional.ofNullable(automated),
                    attributes, raw);
        }
    }
}
