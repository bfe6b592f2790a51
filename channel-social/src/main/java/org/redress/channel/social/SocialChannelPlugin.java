package org.redress.channel.social;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.redress.core.channel.Channel;
import org.redress.core.channel.ChannelContext;
import org.redress.core.channel.ChannelDescriptor;
import org.redress.core.channel.ChannelException;
import org.redress.core.channel.ChannelPlugin;
import org.redress.core.channel.ChannelSettings;
import org.redress.core.channel.SettingSpec;
import org.redress.core.channel.SettingType;

/**
 * Social media: public mentions and private messages from X (through twitter4j) or Mastodon (through the
 * JDK's HTTP client), polled live from the network's API, or read from an export in the network's own JSON.
 */
public final class SocialChannelPlugin implements ChannelPlugin {

    static final String ID = "social";

    static final String FILE = "file";
    static final String NETWORK = "network";
    static final String OWN_HANDLE = "own-handle";
    static final String OWN_USER_ID = "own-user-id";
    static final String BASE_URL = "base-url";
    static final String ACCESS_TOKEN = "access-token";
    static final String ACCESS_TOKEN_SECRET = "access-token-secret";
    static final String CONSUMER_KEY = "consumer-key";
    static final String CONSUMER_SECRET = "consumer-secret";
    static final String MAX_LENGTH = "max-length";
    static final String MAX_WAIT = "max-wait";
    static final String API = "api";
    static final String STREAMING = "streaming";
    static final String STREAMING_URL = "streaming-url";

    /** Where X's API is when the settings do not say. */
    static final String X_ROOT = "https://api.x.com/";

    /** Attribute: the conversation a post or message belongs to ({@code status:<root>} or {@code dm:<sender>}). */
    static final org.redress.core.channel.Attribute<String> THREAD_KEY = org.redress.core.channel.InboundMessage.THREAD_KEY;
    /** Attribute: the author's account id on the network. */
    static final String USER_ID = "userId";

    private static final ChannelDescriptor DESCRIPTOR = new ChannelDescriptor(ID, "Social media",
            ChannelDescriptor.versionOf(SocialChannelPlugin.class), List.of(
            SettingSpec.choice(NETWORK, List.of("x", "mastodon"), "x", "Which network: x or mastodon."),
            SettingSpec.optional(BASE_URL, SettingType.TEXT, null,
                    "API root to poll: for Mastodon the instance (https://mastodon.social); for X the API's root, "
                            + X_ROOT + " unless set."),
            SettingSpec.choice(API, List.of("v2", "v1.1"), "v2",
                    "X only: which API the account reads and writes. v2 for every app made today; v1.1 only for an old "
                            + "app whose access tier still has the v1.1 mentions timeline."),
            SettingSpec.optional(STREAMING, SettingType.BOOLEAN, "true",
                    "Mastodon only: listen to the instance's notification stream, so a mention arrives at once; polling "
                            + "stays as the fallback."),
            SettingSpec.optional(STREAMING_URL, SettingType.TEXT, null,
                    "Mastodon only: where the instance streams, when not at base-url (its /api/v2/instance names it "
                            + "as configuration.urls.streaming)."),
            SettingSpec.optional(ACCESS_TOKEN, SettingType.SECRET, null,
                    "The account's access token (Mastodon: a bearer token with read and write scopes)."),
            SettingSpec.optional(ACCESS_TOKEN_SECRET, SettingType.SECRET, null, "X only: the access token's secret."),
            SettingSpec.optional(CONSUMER_KEY, SettingType.SECRET, null, "X only: the app's consumer (API) key."),
            SettingSpec.optional(CONSUMER_SECRET, SettingType.SECRET, null, "X only: the app's consumer secret."),
            SettingSpec.optional(OWN_HANDLE, SettingType.TEXT, null,
                    "The desk's own account (for example acme_support); its posts never create a complaint."),
            SettingSpec.optional(OWN_USER_ID, SettingType.TEXT, null,
                    "X only: the desk's own account id, so its own direct messages are recognised."),
            SettingSpec.optional(MAX_LENGTH, SettingType.INTEGER, null,
                    "Longest post the instance allows (X 280; Mastodon 500 unless the instance says otherwise)."),
            SettingSpec.optional(MAX_WAIT, SettingType.DURATION, "PT15M",
                    "Longest the outbox waits for a rate limit to reset before leaving a reply for later."),
            SettingSpec.optional(FILE, SettingType.PATH, null,
                    "Instead of an API: a JSON export in the network's own format (statuses, notifications, "
                            + "conversations or direct-message events).")),
            true);

    @Override
    public ChannelDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Channel open(ChannelSettings settings, ChannelContext context) throws ChannelException {
        String instance = "social channel '" + context.instanceName() + "': ";
        boolean mastodon = settings.require(NETWORK).equals("mastodon");
        String ownHandle = settings.text(OWN_HANDLE).map(h -> h.replaceFirst("^@", "")).orElse(null);
        if (settings.text(FILE).isPresent()) {
            Path file = settings.readableFile(FILE);
            Network network = mastodon ? new Mastodon() : new XJson(settings.text(OWN_USER_ID).orElse(null));
            return new ExportFileChannel(file, network, ownHandle);
        }
        List<String> missing = new ArrayList<>();
        for (String key : mastodon ? List.of(BASE_URL, ACCESS_TOKEN)
                : List.of(CONSUMER_KEY, CONSUMER_SECRET, ACCESS_TOKEN, ACCESS_TOKEN_SECRET)) {
            if (settings.text(key).isEmpty()) {
                missing.add("'" + key + "'");
            }
        }
        if (!missing.isEmpty()) {
            throw new ChannelException(instance + "to poll " + (mastodon ? "Mastodon" : "X") + " set " + String.join(", ", missing)
                    + " (or set 'file' to read an export)");
        }
        URI base = url(settings, BASE_URL, instance).orElse(URI.create(X_ROOT));
        Duration maxWait = settings.duration(MAX_WAIT).orElseThrow();
        SocialConnector connector;
        if (mastodon) {
            URI streaming = settings.bool(STREAMING).orElse(true)
                    ? url(settings, STREAMING_URL, instance).orElse(base) : null;
            connector = new MastodonConnector(base, settings.require(ACCESS_TOKEN), ownHandle,
                    settings.integer(MAX_LENGTH).map(Long::intValue).orElse(500), Duration.ofSeconds(10), context.clock(),
                    streaming);
        } else {
            // the root, whichever version's path the setting was given with
            String root = base.toString().replaceFirst("/(1\\.1|2)/?$", "/");
            root = root.endsWith("/") ? root : root + "/";
            String ownUserId = settings.text(OWN_USER_ID).orElse(null);
            connector = settings.require(API).equals("v1.1")
                    ? new XConnector(root + "1.1/", settings.require(CONSUMER_KEY), settings.require(CONSUMER_SECRET),
                    settings.require(ACCESS_TOKEN), settings.require(ACCESS_TOKEN_SECRET), ownHandle, ownUserId,
                    context.clock())
                    : new XV2Connector(URI.create(root), settings.require(CONSUMER_KEY), settings.require(CONSUMER_SECRET),
                    settings.require(ACCESS_TOKEN), settings.require(ACCESS_TOKEN_SECRET), ownHandle, ownUserId,
                    Duration.ofSeconds(10), context.clock());
        }
        return new ApiChannel(connector, context.clock(), d -> Thread.sleep(d.toMillis()), maxWait);
    }

    private static java.util.Optional<URI> url(ChannelSettings settings, String key, String instance) throws ChannelException {
        java.util.Optional<String> text = settings.text(key);
        if (text.isEmpty()) {
            return java.util.Optional.empty();
        }
        try {
            URI uri = URI.create(text.get());
            if (uri.getScheme() == null || uri.getHost() == null || !uri.getScheme().matches("https?")) {
                throw new IllegalArgumentException("no scheme or host");
            }
            return java.util.Optional.of(uri);
        } catch (IllegalArgumentException e) {
            throw new ChannelException(instance + "setting '" + key + "' must be an http(s) URL, got '" + text.get() + "'");
        }
    }
}
