package org.redress.channel.phonelog;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import org.redress.core.channel.Channel;
import org.redress.core.channel.ChannelContext;
import org.redress.core.channel.ChannelDescriptor;
import org.redress.core.channel.ChannelException;
import org.redress.core.channel.ChannelPlugin;
import org.redress.core.channel.ChannelSettings;
import org.redress.core.channel.SettingSpec;
import org.redress.core.channel.SettingType;

/**
 * Phone calls as the PBX recorded them (Asterisk {@code Master.csv}, FreeSWITCH {@code mod_cdr_csv}, any CSV
 * through a column map), CTI events as a PBX pushes them, and the notes agents wrote about calls.
 */
public final class PhoneLogChannelPlugin implements ChannelPlugin {

    static final String ID = "phone-log";

    static final String FILE = "file";
    static final String FORMAT = "format";
    static final String MAPPING = "mapping";
    static final String COLUMNS = "columns";
    static final String TIME_ZONE = "time-zone";
    static final String INTERNAL_CONTEXTS = "internal-contexts";
    static final String DEFAULT_REGION = "default-region";
    static final String SETTLE = "settle";

    private static final ChannelDescriptor DESCRIPTOR = new ChannelDescriptor(ID, "Phone log",
            ChannelDescriptor.versionOf(PhoneLogChannelPlugin.class), List.of(
            SettingSpec.required(FILE, SettingType.PATH,
                    "The call log file; it is followed as it grows."),
            SettingSpec.choice(FORMAT, List.of("asterisk", "freeswitch", "mapping", "cti", "notes"), "asterisk",
                    "What the file holds: Asterisk cdr_csv, FreeSWITCH mod_cdr_csv, CSV through a column map, "
                            + "CTI events (JSON lines) or agent call notes (JSON lines or CSV)."),
            SettingSpec.optional(MAPPING, SettingType.PATH, null,
                    "The column-mapping file (Java properties) for format=mapping."),
            SettingSpec.choice(COLUMNS, List.of("auto", "16", "17", "18", "19", "20", "21"), "auto",
                    "How many columns Asterisk's cdr.conf writes (loguniqueid, loguserfield, newcdrcolumns)."),
            SettingSpec.optional(TIME_ZONE, SettingType.ZONE, "UTC",
                    "Time zone the PBX writes its local times in (Asterisk usegmtime=no)."),
            SettingSpec.optional(INTERNAL_CONTEXTS, SettingType.TEXT, null,
                    "Comma-separated dialplan contexts of the desk's own phones, whose calls are the desk's own "
                            + "(default: from-internal for Asterisk, default for FreeSWITCH)."),
            SettingSpec.optional(DEFAULT_REGION, SettingType.TEXT, null,
                    "Region of national numbers for E.164 (ISO 3166 code such as GB or RO); without it only "
                            + "international numbers are normalised."),
            SettingSpec.optional(SETTLE, SettingType.DURATION, "PT5S",
                    "A last line without its line end is read once the file has not changed for this long (the PBX "
                            + "may still be writing it); 0s reads it at once (a finished export).")),
            false);

    @Override
    public ChannelDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Channel open(ChannelSettings settings, ChannelContext context) throws ChannelException {
        Path file = settings.readableFile(FILE);
        String instance = "phone-log channel '" + context.instanceName() + "': ";
        PhoneNumbers numbers;
        try {
            numbers = new PhoneNumbers(settings.text(DEFAULT_REGION).orElse(null));
        } catch (IllegalArgumentException e) {
            throw new ChannelException(instance + "setting 'default-region': " + e.getMessage());
        }
        var zone = settings.zone(TIME_ZONE).orElseThrow();
        java.time.Duration settle = settings.duration(SETTLE).orElseThrow();
        String format = settings.require(FORMAT);
        // the contexts the stock configurations give the desk's own phones
        var internal = new LinkedHashSet<>(settings.text(INTERNAL_CONTEXTS).isPresent() ? settings.list(INTERNAL_CONTEXTS)
                : List.of(format.equals("freeswitch") ? "default" : "from-internal"));
        if (!format.equals("mapping") && settings.text(MAPPING).isPresent()) {
            throw new ChannelException(instance + "setting 'mapping' is only for format=mapping, not " + format);
        }
        return switch (format) {
            case "asterisk" -> {
                String columns = settings.require(COLUMNS);
                yield new CallFileChannel(file, CallFileChannel.Mode.CDR, new AsteriskCdr(columns.equals("auto") ? 0
                        : Integer.parseInt(columns), zone, internal), numbers, context.clock(), settle);
            }
            case "freeswitch" -> new CallFileChannel(file, CallFileChannel.Mode.CDR, new FreeSwitchCdr(zone, internal),
                    numbers, context.clock(), settle);
            case "mapping" -> {
                if (settings.text(MAPPING).isEmpty()) {
                    throw new ChannelException(instance + "setting 'mapping' is required for format=mapping: the "
                            + "column-mapping file");
                }
                Path mapping = settings.readableFile(MAPPING);
                try (Reader r = Files.newBufferedReader(mapping, StandardCharsets.UTF_8)) {
                    yield new CallFileChannel(file, CallFileChannel.Mode.CDR, new MappedCdr(r, mapping.toString(), zone),
                            numbers, context.clock(), settle);
                } catch (IOException e) {
                    throw new ChannelException(instance + "setting 'mapping' names " + mapping.toAbsolutePath()
                            + ", which cannot be read: " + e.getMessage(), e);
                }
            }
            case "cti" -> new CallFileChannel(file, CallFileChannel.Mode.CTI, null, numbers, context.clock(), settle);
            default -> new CallFileChannel(file, file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")
                    ? CallFileChannel.Mode.NOTES_CSV : CallFileChannel.Mode.NOTES_JSON, null, numbers, context.clock(), settle);
        };
    }
}
