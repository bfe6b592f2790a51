package org.redress.core.channel.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redress.core.channel.Batch;
import org.redress.core.channel.Channel;
import org.redress.core.channel.ChannelContext;
import org.redress.core.channel.ChannelDescriptor;
import org.redress.core.channel.ChannelException;
import org.redress.core.channel.ChannelPlugin;
import org.redress.core.channel.ChannelSettings;
import org.redress.core.channel.Checkpoint;
import org.redress.core.channel.Inbound;
import org.redress.core.channel.InboundMessage;
import org.redress.core.channel.InvalidSettingsException;
import org.redress.core.channel.DeliveryResult;
import org.redress.core.channel.OutboundReply;
import org.redress.core.channel.Quarantined;
import org.redress.core.channel.ReplyingChannel;
import org.redress.core.channel.SettingSpec;
import org.redress.core.channel.SettingType;
import org.redress.core.intake.IntakeCounts;
import org.redress.core.intake.IntakeRunner;

/**
 * The contract every channel plugin keeps. A channel's test class extends this, says which plugin it tests
 * and how to lay out each {@link Scenario} in a folder, and inherits the checks:
 * <ol>
 *   <li>discovery by {@link ServiceLoader} under its id, and a well-formed descriptor;</li>
 *   <li>settings validation that names the missing setting;</li>
 *   <li>(a) reading the same input twice gives the same external ids;</li>
 *   <li>(b) reading changes nothing at the source: only the desk's commit may;</li>
 *   <li>(c) garbage becomes a quarantined item with a reason and raw bytes, and no exception escapes;</li>
 *   <li>(d) machine traffic is marked;</li>
 *   <li>(e) a follow-up carries the reference to what it follows;</li>
 *   <li>(f) replying: an instance is a {@link ReplyingChannel} exactly when the descriptor says {@code canReply}, and
 *       delivery is idempotent on the reply id (a plugin that can reply overrides {@link #replyTarget});</li>
 *   <li>(g) {@link Channel#awaitNew} returns within the bound it is given;</li>
 *   <li>every wrong setting is named in one error, not one per attempt;</li>
 *   <li>progress, where a batch gives it, grows and ends at the whole source.</li>
 * </ol>
 * Sources that keep state outside the folder (an IMAP server) override {@link #sourceState}. For a plugin
 * author's own tests the kit also offers {@link RecordingSink} (the desk's side of intake in memory) and
 * {@link TestClock} (a clock that stands still until moved).
 */
public abstract class ChannelContract {

    /** A fixed clock, so that channels that read time get the same answer on every run. */
    protected static final Clock CLOCK = TestClock.at("2026-11-23T09:00:00Z");

    /**
     * Where a plugin that can reply sends the kit's replies, and how the kit sees them arrive. Closed by the kit
     * after each test that asked for it (stop a server there).
     */
    public interface ReplyTarget extends AutoCloseable {

        /** The raw settings of an instance that sends replies (it may read from an empty source). */
        Map<String, String> settings();

        /** A reply with the given id that such an instance can deliver: to an address or account that exists there. */
        OutboundReply reply(String replyId);

        /** How many messages have reached the far side so far: a mail server's received mail, an API's posts, files. */
        int arrived() throws Exception;

        /** Releases what the target holds (stops a server); the kit calls it after each test that asked for it. */
        @Override
        default void close() {
        }
    }

    @TempDir
    protected Path workDir;

    private final Map<Scenario, Map<String, String>> prepared = new EnumMap<>(Scenario.class);

    /** The plugin under test, created as {@link ServiceLoader} would. */
    protected abstract ChannelPlugin plugin();

    /**
     * Lays out the input of a scenario under {@code dir} (an empty folder) and returns the raw settings of a
     * channel instance that reads it.
     */
    protected abstract Map<String, String> prepare(Scenario scenario, Path dir) throws Exception;

    /**
     * A fingerprint of everything the channel's source holds, used to prove that {@link Channel#read} has no
     * side effect there. The default hashes every file under {@code dir}: names, sizes and contents.
     */
    protected String sourceState(Path dir) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted().toList()) {
                sha.update(dir.relativize(p).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                if (Files.isRegularFile(p)) {
                    sha.update(Files.readAllBytes(p));
                }
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /**
     * For a plugin whose descriptor says {@code canReply}: lays out under {@code dir} (an empty folder) a place for
     * replies to go, and returns it. The default says the plugin cannot reply.
     */
    protected Optional<ReplyTarget> replyTarget(Path dir) throws Exception {
        return Optional.empty();
    }

    protected ChannelContext context() {
        return new ChannelContext("contract-test", CLOCK);
    }

    // ---- helpers -------------------------------------------------------------------------------------

    protected final Path scenarioDir(Scenario scenario) {
        return scenarioDir(scenario.name().toLowerCase());
    }

    private Path scenarioDir(String name) {
        try {
            return Files.createDirectories(workDir.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The raw settings of a scenario, laying out its input the first time it is asked for in a test. */
    protected final Map<String, String> settingsOf(Scenario scenario) throws Exception {
        if (!prepared.containsKey(scenario)) {
            prepared.put(scenario, Map.copyOf(prepare(scenario, scenarioDir(scenario))));
        }
        return prepared.get(scenario);
    }

    /** Opens an instance on a scenario; a second call opens a new instance on the same input. */
    protected final Channel open(Scenario scenario) throws Exception {
        return plugin().open(ChannelSettings.validate(plugin().descriptor(), settingsOf(scenario)), context());
    }

    /** Opens an instance on raw settings, validated as the desk would. */
    protected final Channel openOn(Map<String, String> settings) throws Exception {
        return plugin().open(ChannelSettings.validate(plugin().descriptor(), settings), context());
    }

    /** Everything the channel has after {@code from}, paging with the given batch size, without committing. */
    protected static List<Inbound> readAll(Channel channel, Checkpoint from, int batchSize) throws ChannelException {
        List<Inbound> all = new ArrayList<>();
        Checkpoint at = from;
        for (int guard = 0; guard < 100_000; guard++) {
            Batch batch = channel.read(at, batchSize);
            assertThat(batch.items().size()).as("a batch holds at most the size asked for").isLessThanOrEqualTo(batchSize);
            all.addAll(batch.items());
            if (!batch.more() || (batch.isEmpty() && batch.next().equals(at))) {
                return all;
            }
            at = batch.next();
        }
        return fail("the channel kept saying it had more after 100000 batches");
    }

    protected static List<String> ids(List<? extends Inbound> items) {
        return items.stream().map(Inbound::externalId).toList();
    }

    protected static List<InboundMessage> messages(List<Inbound> items) {
        return items.stream().filter(InboundMessage.class::isInstance).map(InboundMessage.class::cast).toList();
    }

    // ---- discovery and settings ---------------------------------------------------------------------

    @Test
    void plugin_is_discovered_by_service_loader_under_its_id() {
        String id = plugin().descriptor().id();
        List<String> found = ServiceLoader.load(ChannelPlugin.class).stream()
                .map(p -> p.get().descriptor().id()).toList();
        assertThat(found).as("plugins registered in META-INF/services/" + ChannelPlugin.class.getName())
                .contains(id);
    }

    @Test
    void descriptor_is_stable_and_describes_every_setting() {
        ChannelDescriptor d = plugin().descriptor();
        assertThat(plugin().descriptor()).isEqualTo(d);
        assertThat(d.settings()).as("settings").isNotEmpty();
        for (SettingSpec s : d.settings()) {
            assertThat(s.description()).as("description of " + s.key()).hasSizeGreaterThan(10);
        }
    }

    @Test
    void a_missing_required_setting_is_named_in_the_error() throws Exception {
        Map<String, String> raw = settingsOf(Scenario.ORDINARY);
        List<SettingSpec> required = plugin().descriptor().settings().stream().filter(SettingSpec::required).toList();
        for (SettingSpec s : required) {
            Map<String, String> without = new HashMap<>(raw);
            without.remove(s.key());
            assertThatThrownBy(() -> ChannelSettings.validate(plugin().descriptor(), without))
                    .isInstanceOf(InvalidSettingsException.class)
                    .hasMessageContaining("'" + s.key() + "'");
        }
        Map<String, String> typo = new HashMap<>(raw);
        typo.put("no-such-setting", "x");
        assertThatThrownBy(() -> ChannelSettings.validate(plugin().descriptor(), typo))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("'no-such-setting' is unknown");
    }

    // ---- (a) stable external ids --------------------------------------------------------------------

    @Test
    void a_reading_the_same_input_twice_gives_the_same_external_ids() throws Exception {
        List<String> first;
        List<String> second;
        try (Channel channel = open(Scenario.ORDINARY)) {
            first = ids(readAll(channel, Checkpoint.START, 1000));
            second = ids(readAll(channel, Checkpoint.START, 1000));
        }
        List<String> third;
        try (Channel again = open(Scenario.ORDINARY)) {
            third = ids(readAll(again, Checkpoint.START, 1000));
        }
        assertThat(first).as("the ordinary scenario yields at least three items").hasSizeGreaterThanOrEqualTo(3);
        assertThat(first).as("external ids are unique").doesNotHaveDuplicates();
        assertThat(second).as("a second read on the same instance").isEqualTo(first);
        assertThat(third).as("a read on a freshly opened instance").isEqualTo(first);
    }

    @Test
    void a_small_batches_yield_what_one_large_batch_yields() throws Exception {
        try (Channel channel = open(Scenario.ORDINARY)) {
            List<String> whole = ids(readAll(channel, Checkpoint.START, 1000));
            List<String> paged = ids(readAll(channel, Checkpoint.START, 1));
            assertThat(paged).isEqualTo(whole);
        }
    }

    // ---- (b) checkpoint after persistence -----------------------------------------------------------

    @Test
    void b_reading_changes_nothing_at_the_source_until_the_desk_commits() throws Exception {
        try (Channel channel = open(Scenario.ORDINARY)) {
            Path dir = scenarioDir(Scenario.ORDINARY);
            String before = sourceState(dir);
            List<String> read = ids(readAll(channel, Checkpoint.START, 1000));
            assertThat(sourceState(dir)).as("the source after a read without commit").isEqualTo(before);
            assertThat(read).isNotEmpty();
        }
        // A crash before the commit: a new instance still finds everything.
        RecordingSink store = new RecordingSink();
        try (Channel channel = open(Scenario.ORDINARY)) {
            IntakeCounts first = new IntakeRunner(store, 2).drain("contract", channel);
            assertThat(first.stored()).as("messages stored by the first drain").isGreaterThanOrEqualTo(3);
            IntakeCounts again = new IntakeRunner(store, 2).drain("contract", channel);
            assertThat(again.stored()).as("a second drain after commit stores nothing new").isZero();
        }
        try (Channel reopened = open(Scenario.ORDINARY)) {
            Checkpoint committed = store.checkpoint("contract");
            Set<String> stored = store.messages().stream().map(InboundMessage::externalId).collect(Collectors.toSet());
            List<String> after = ids(readAll(reopened, committed, 1000));
            assertThat(after).as("items after the committed checkpoint").doesNotContainAnyElementsOf(stored);
        }
    }

    // ---- (c) nothing lost, nothing crashes ---------------------------------------------------------

    @Test
    void c_garbage_is_quarantined_with_reason_and_raw_bytes_and_reading_goes_on() throws Exception {
        List<Inbound> items;
        try (Channel channel = open(Scenario.GARBAGE)) {
            items = readAll(channel, Checkpoint.START, 1000);
        }
        List<Quarantined> quarantined = items.stream().filter(Quarantined.class::isInstance)
                .map(Quarantined.class::cast).toList();
        assertThat(quarantined).as("quarantined items").isNotEmpty();
        for (Quarantined q : quarantined) {
            assertThat(q.reason()).as("reason").isNotBlank();
            assertThat(q.raw().size()).as("raw bytes of " + q.raw().location()).isPositive();
            assertThat(q.raw().location()).as("where it came from").isNotBlank();
        }
        assertThat(messages(items)).as("good messages around the garbage still come through").isNotEmpty();
        assertThat(ids(items)).doesNotHaveDuplicates();
    }

    // ---- (d) machine traffic ------------------------------------------------------------------------

    @Test
    void d_automated_traffic_is_marked_with_its_reason() throws Exception {
        List<InboundMessage> automated;
        try (Channel channel = open(Scenario.AUTOMATED)) {
            automated = messages(readAll(channel, Checkpoint.START, 1000));
        }
        assertThat(automated).as("machine traffic").anySatisfy(m -> {
            assertThat(m.automated()).isPresent();
            assertThat(m.automated().get().reason()).isNotBlank();
        });
        assertThat(automated).as("the ordinary message beside it").anySatisfy(m -> assertThat(m.automated()).isEmpty());
        List<InboundMessage> ordinary;
        try (Channel channel = open(Scenario.ORDINARY)) {
            ordinary = messages(readAll(channel, Checkpoint.START, 1000));
        }
        assertThat(ordinary).as("ordinary messages are not marked automated")
                .allSatisfy(m -> assertThat(m.automated()).isEmpty());
    }

    // ---- (e) threading ------------------------------------------------------------------------------

    @Test
    void e_a_follow_up_carries_the_reference_to_what_it_follows() throws Exception {
        List<InboundMessage> items;
        try (Channel channel = open(Scenario.FOLLOW_UP)) {
            items = messages(readAll(channel, Checkpoint.START, 1000));
        }
        Set<String> ids = items.stream().map(InboundMessage::externalId).collect(Collectors.toSet());
        assertThat(items).as("a message whose thread references name another message read")
                .anySatisfy(m -> assertThat(m.threadReferences()).containsAnyElementsOf(ids));
        assertThat(items).as("the first message of the conversation starts it")
                .anySatisfy(m -> assertThat(m.threadReferences()).doesNotContainAnyElementsOf(ids));
    }

    // ---- (f) replying ------------------------------------------------------------------------------

    @Test
    void f_an_instance_replies_exactly_when_the_descriptor_says_it_can() throws Exception {
        boolean canReply = plugin().descriptor().canReply();
        Optional<ReplyTarget> target = replyTarget(scenarioDir("replies"));
        try {
            if (canReply) {
                assertThat(target).as("the descriptor says canReply: the test must give the kit a replyTarget").isPresent();
                try (Channel channel = openOn(target.get().settings())) {
                    assertThat(channel).as("an instance on the reply target's settings").isInstanceOf(ReplyingChannel.class);
                }
            } else {
                assertThat(target).as("the descriptor says the plugin cannot reply, yet the test gives a reply target").isEmpty();
                for (Scenario scenario : Scenario.values()) {
                    try (Channel channel = open(scenario)) {
                        assertThat(channel).as("an instance of a plugin that cannot reply, on " + scenario)
                                .isNotInstanceOf(ReplyingChannel.class);
                    }
                }
            }
        } finally {
            if (target.isPresent()) {
                target.get().close();
            }
        }
    }

    @Test
    void f_delivery_is_idempotent_on_the_reply_id() throws Exception {
        Assumptions.assumeTrue(plugin().descriptor().canReply(), "the plugin cannot reply");
        try (ReplyTarget target = replyTarget(scenarioDir("replies")).orElseThrow(
                () -> new AssertionError("the descriptor says canReply: override replyTarget"));
             Channel channel = openOn(target.settings())) {
            ReplyingChannel replying = (ReplyingChannel) channel;
            int before = target.arrived();
            DeliveryResult first = replying.deliver(target.reply("kit-reply-1"));
            assertThat(first).as("the first delivery of kit-reply-1").isInstanceOf(DeliveryResult.Delivered.class);
            awaitArrived(target, before + 1);
            DeliveryResult again = replying.deliver(target.reply("kit-reply-1"));
            assertThat(again).as("the same reply id again answers as the first time").isEqualTo(first);
            DeliveryResult other = replying.deliver(target.reply("kit-reply-2"));
            assertThat(other).as("another reply id").isInstanceOf(DeliveryResult.Delivered.class);
            assertThat(((DeliveryResult.Delivered) other).externalId()).as("another reply's external id")
                    .isNotEqualTo(((DeliveryResult.Delivered) first).externalId());
            awaitArrived(target, before + 2);
            Thread.sleep(200); // a duplicate would arrive by now
            assertThat(target.arrived()).as("messages that reached the far side for two reply ids, one sent twice")
                    .isEqualTo(before + 2);
        }
    }

    private static void awaitArrived(ReplyTarget target, int expected) throws Exception {
        long until = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
        while (target.arrived() < expected && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        assertThat(target.arrived()).as("messages that reached the far side").isEqualTo(expected);
    }

    // ---- (g) waiting for news ------------------------------------------------------------------------

    @Test
    void g_await_new_returns_within_its_bound() throws Exception {
        try (Channel channel = open(Scenario.ORDINARY)) {
            readAll(channel, Checkpoint.START, 1000);
            java.time.Duration bound = java.time.Duration.ofMillis(300);
            long started = System.nanoTime();
            channel.awaitNew(bound);
            java.time.Duration took = java.time.Duration.ofNanos(System.nanoTime() - started);
            // generous slack for a busy machine; an implementation that ignores the bound waits for ever or for minutes
            assertThat(took).as("awaitNew(" + bound.toMillis() + " ms) took").isLessThan(bound.plusSeconds(5));
        }
    }

    // ---- settings, all at once -------------------------------------------------------------------------

    @Test
    void every_wrong_setting_is_named_in_one_error() throws Exception {
        Map<String, String> raw = new HashMap<>(settingsOf(Scenario.ORDINARY));
        List<String> expected = new ArrayList<>();
        for (SettingSpec s : plugin().descriptor().settings()) {
            if (s.required()) {
                raw.remove(s.key());
                expected.add(s.key());
            } else if (Set.of(SettingType.INTEGER, SettingType.PORT, SettingType.DURATION, SettingType.BOOLEAN, SettingType.ZONE)
                    .contains(s.type())) {
                raw.put(s.key(), "not a value!");
                expected.add(s.key());
            }
        }
        raw.put("no-such-setting", "x");
        expected.add("no-such-setting");
        assertThatThrownBy(() -> ChannelSettings.validate(plugin().descriptor(), raw))
                .isInstanceOf(InvalidSettingsException.class)
                .satisfies(e -> assertThat(((InvalidSettingsException) e).problems()).extracting(InvalidSettingsException.Problem::key)
                        .as("settings named in the one error").containsAll(expected));
    }

    // ---- progress --------------------------------------------------------------------------------------

    @Test
    void progress_where_given_grows_and_ends_at_the_whole_source() throws Exception {
        try (Channel channel = open(Scenario.ORDINARY)) {
            Checkpoint at = Checkpoint.START;
            long last = -1;
            for (int guard = 0; guard < 100_000; guard++) {
                Batch batch = channel.read(at, 1);
                if (batch.progress().isPresent()) {
                    Batch.Progress p = batch.progress().get();
                    assertThat(p.done()).as("progress after " + batch.next()).isGreaterThanOrEqualTo(last);
                    last = p.done();
                    if (!batch.more()) {
                        assertThat(p.done()).as("progress of the last batch").isEqualTo(p.total());
                    }
                }
                if (!batch.more() || batch.next().equals(at)) {
                    return;
                }
                at = batch.next();
            }
        }
    }

    // ---- completeness and lifecycle -----------------------------------------------------------------

    @Test
    void every_message_is_complete_and_keeps_its_raw_source() throws Exception {
        try (Channel channel = open(Scenario.ORDINARY)) {
            for (InboundMessage m : messages(readAll(channel, Checkpoint.START, 1000))) {
                assertThat(m.sender().value()).as("sender of " + m.externalId()).isNotBlank();
                assertThat(m.text()).as("text of " + m.externalId()).isNotBlank();
                assertThat(m.raw().size()).as("raw source of " + m.externalId()).isPositive();
            }
        }
    }

    @Test
    void closing_twice_is_harmless() throws Exception {
        Channel channel = open(Scenario.ORDINARY);
        channel.close();
        channel.close();
    }
}
