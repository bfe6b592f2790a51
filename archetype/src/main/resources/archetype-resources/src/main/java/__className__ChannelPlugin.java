package ${package};

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
 * The ${channelName} channel: what the desk finds through {@link java.util.ServiceLoader} (see
 * {@code META-INF/services/org.redress.core.channel.ChannelPlugin}). It keeps no state of its own: everything that
 * belongs to one configured source lives in the {@link ${className}Channel} that {@link #open} returns.
 */
public final class ${className}ChannelPlugin implements ChannelPlugin {

    /** The id used in the desk's configuration ({@code plugin: ${channelId}}). */
    public static final String ID = "${channelId}";
    /** The folder the channel reads {@code messages.tsv} from and writes replies to. */
    public static final String FOLDER = "folder";
    /** Whether the instance sends replies (into the folder's {@code outbox}). */
    public static final String REPLIES = "replies";

    private static final ChannelDescriptor DESCRIPTOR = new ChannelDescriptor(ID, "${channelName}",
            ChannelDescriptor.versionOf(${className}ChannelPlugin.class),
            List.of(SettingSpec.required(FOLDER, SettingType.PATH,
                            "The folder that holds messages.tsv: one message a line, tab-separated (id, sent at, from, "
                                    + "in reply to, automated, text)."),
                    SettingSpec.optional(REPLIES, SettingType.BOOLEAN, "true",
                            "Whether the desk answers through this instance; replies are written to the folder's outbox.")),
            true);

    @Override
    public ChannelDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Channel open(ChannelSettings settings, ChannelContext context) throws ChannelException {
        java.nio.file.Path folder = settings.folder(FOLDER);
        return settings.bool(REPLIES).orElse(true)
                ? new ${className}Channel.Replying(folder, context)
                : new ${className}Channel(folder, context);
    }
}
