package org.redress.channel.social;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.redress.core.channel.Channel;
import org.redress.core.channel.ChannelContext;
import org.redress.core.channel.ChannelDescriptor;
import org.redress.core.channel.ChannelException;
import org.redress.core.channel.ChannelPlugin;
import org.redress.core.channel.ChannelSettings;
import org.redress.core.channel.SettingSpec;
import org.redress.core.channel.SettingType;

/** Social media: public mentions and private messages from X or Mastodon, read from the network's own JSON. */
public final class SocialChannelPlugin implements ChannelPlugin {

    static final String ID = "social";

    static final String FILE = "file";
    static final String NETWORK = "network";
    static final String OWN_HANDLE = "own-handle";

    private static final ChannelDescriptor DESCRIPTOR = new ChannelDescriptor(ID, "Social media",
            ChannelDescriptor.versionOf(SocialChannelPlugin.class), List.of(
            SettingSpec.required(FILE, SettingType.PATH,
                    "JSON file in the network's own format: X v1.1 statuses, or Mastodon statuses or notifications."),
            SettingSpec.choice(NETWORK, List.of("x", "mastodon"), "x", "Which network wrote the file."),
            SettingSpec.optional(OWN_HANDLE, SettingType.TEXT, null,
                    "The desk's own account (for example acme_support); its posts never create a complaint.")),
            false);

    @Override
    public ChannelDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Channel open(ChannelSettings settings, ChannelContext context) throws ChannelException {
        Path file = settings.path(FILE).orElseThrow();
        if (!Files.isRegularFile(file)) {
            throw new ChannelException("social channel '" + context.instanceName() + "': setting 'file' names "
                    + file.toAbsolutePath() + ", which is not a readable file");
        }
        Network network = settings.require(NETWORK).equals("mastodon") ? new Mastodon() : new XV1();
        return new ExportFileChannel(file, network, settings.text(OWN_HANDLE).orElse(null));
    }
}
