package org.redress.channel.email;

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

/** Email: reads a folder of {@code .eml} files, one message per file. */
public final class EmailChannelPlugin implements ChannelPlugin {

    static final String ID = "email";

    static final String DIRECTORY = "directory";
    static final String AFTER_COMMIT = "after-commit";
    static final String OWN_ADDRESSES = "own-addresses";
    static final String MAX_SIZE = "max-size";

    private static final ChannelDescriptor DESCRIPTOR = new ChannelDescriptor(ID, "Email",
            ChannelDescriptor.versionOf(EmailChannelPlugin.class), List.of(
            SettingSpec.required(DIRECTORY, SettingType.PATH,
                    "Folder of .eml files to read, one message per file, taken in file-name order."),
            SettingSpec.choice(AFTER_COMMIT, List.of("keep", "move"), "keep",
                    "What to do with a file once the desk has stored it: keep it, or move it to 'processed/'."),
            SettingSpec.optional(OWN_ADDRESSES, SettingType.TEXT, null,
                    "Comma-separated addresses the desk sends from; mail from them is our own echo."),
            SettingSpec.optional(MAX_SIZE, SettingType.INTEGER, String.valueOf(25L * 1024 * 1024),
                    "Largest message in bytes; a larger one is quarantined unread.")),
            false);

    @Override
    public ChannelDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Channel open(ChannelSettings settings, ChannelContext context) throws ChannelException {
        Path directory = settings.folder(DIRECTORY);
        MailParser parser = new MailParser(new MachineMail(settings.list(OWN_ADDRESSES)),
                settings.integer(MAX_SIZE).orElseThrow());
        return new EmlFolderChannel(directory, settings.require(AFTER_COMMIT).equals("move"), parser);
    }
}
