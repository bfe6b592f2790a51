package org.redress.channel.phonelog;

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

/** Phone calls from a PBX's call detail records: Asterisk {@code Master.csv}. */
public final class PhoneLogChannelPlugin implements ChannelPlugin {

    static final String ID = "phone-log";

    static final String FILE = "file";
    static final String COLUMNS = "columns";
    static final String TIME_ZONE = "time-zone";
    static final String INTERNAL_CONTEXTS = "internal-contexts";

    private static final ChannelDescriptor DESCRIPTOR = new ChannelDescriptor(ID, "Phone log",
            ChannelDescriptor.versionOf(PhoneLogChannelPlugin.class), List.of(
            SettingSpec.required(FILE, SettingType.PATH,
                    "Asterisk cdr_csv file (Master.csv); it is followed as it grows."),
            SettingSpec.choice(COLUMNS, List.of("auto", "16", "17", "18", "19", "20", "21"), "auto",
                    "How many columns cdr.conf writes (loguniqueid, loguserfield, newcdrcolumns); auto accepts 16 to 21."),
            SettingSpec.optional(TIME_ZONE, SettingType.ZONE, "UTC",
                    "Time zone the PBX writes its local times in (cdr.conf usegmtime=no)."),
            SettingSpec.optional(INTERNAL_CONTEXTS, SettingType.TEXT, "from-internal",
                    "Comma-separated dialplan contexts of the desk's own phones; their calls are the desk's own.")),
            false);

    @Override
    public ChannelDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Channel open(ChannelSettings settings, ChannelContext context) throws ChannelException {
        Path file = settings.path(FILE).orElseThrow();
        if (!Files.isRegularFile(file)) {
            throw new ChannelException("phone-log channel '" + context.instanceName() + "': setting 'file' names "
                    + file.toAbsolutePath() + ", which is not a readable file");
        }
        String columns = settings.require(COLUMNS);
        AsteriskCdr cdr = new AsteriskCdr(columns.equals("auto") ? 0 : Integer.parseInt(columns),
                settings.zone(TIME_ZONE).orElseThrow(), settings.list(INTERNAL_CONTEXTS));
        return new CdrFileChannel(file, cdr);
    }
}
