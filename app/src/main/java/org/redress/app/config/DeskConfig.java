package org.redress.app.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The desk's configuration file ({@code redress.yaml}): the desk's own settings and its channel instances with
 * their settings. A value may name an environment variable as {@code ${NAME}}, so secrets stay out of the file.
 * Every mistake is reported at once with the setting's path, and start-up stops:
 *
 * <pre>
 * desk:
 *   node: node-a            # this node's name in leases (default: host name and process id)
 *   poll-every: 10s         # how long a poller waits when its channel has nothing new
 *   lease-ttl: 60s          # how long a dead node's polling and jobs wait before another node takes them
 *   batch: 100              # messages stored per transaction
 *   cti-spool: ./data/cti.jsonl   # POST /api/cti appends the phone system's events here, for a phone-log
 *                                 # channel with format cti and this file to read
 *   language: en            # the desk's own language: a customer whose language the desk has no texts for, or whose
 *                           # few words tell none, is acknowledged in it (en, ro, ru, et, vi)
 *   history-before: 30d     # a message that reached its mailbox longer ago than this before the desk read it (old
 *                           # mail in a mailbox connected today) is stored as history: closed, no clocks, no answer
 *   read-across-teams: false   # agents may read (never change) other teams' complaints; seniors and above act on all
 * channels:
 *   support-mail:           # the channel instance's name (its checkpoint and lease are kept under it)
 *     plugin: email
 *     settings:
 *       source: imap
 *       host: imap.example.com
 *       password: ${SUPPORT_MAIL_PASSWORD}
 * hours:                    # business hours the SLA clocks count in
 *   timezone: Europe/Bucharest
 *   open: "09:00"
 *   close: "17:30"
 *   days: mon,tue,wed,thu,fri
 *   holidays: [2026-12-25, 2027-01-01]
 * sla:                      # targets per priority (defaults: core's standard), and when to warn
 *   warn-at: 0.8
 *   P1: {acknowledgement: 15m, first-response: 1h, next-update: 2h, resolution: 8h}
 * routing:                  # category to team; 'default' for the rest
 *   billing: billing-team
 *   default: front-desk
 * remedies:                 # what each role may grant alone; above it a supervisor approves
 *   currency: EUR
 *   caps: {agent: 50, senior: 200, supervisor: 1000, executive: none}   # on a complaint's total, not per offer
 *   daily-caps: {agent: 200}  # what one person may grant alone in 24 hours, across complaints (none by default)
 * web:                      # how the desk is reached from outside
 *   public-url: https://desk.example.com   # every link sent to customers; https: Secure cookies and HSTS
 *   trusted-proxies: [127.0.0.1]           # whose X-Forwarded-For names the client (sign-in throttling)
 * escalation:               # stuck after so long without progress; steps on breaches and broken promises
 *   stuck-after: 16h
 *   stuck-floor: senior
 *   on-sla-breach: true
 *   on-broken-promise: true
 * </pre>
 */
public record DeskConfig(String node, Duration pollEvery, Duration leaseTtl, int batch, List<ChannelConfig> channels,
                         Policies policies, Path ctiSpool, IntakeRules intake, Web web) {

    public DeskConfig(String node, Duration pollEvery, Duration leaseTtl, int batch, List<ChannelConfig> channels,
                      Policies policies, Path ctiSpool, IntakeRules intake) {
        this(node, pollEvery, leaseTtl, batch, channels, policies, ctiSpool, intake, Web.defaults());
    }

    /**
     * How the desk is reached from outside.
     *
     * @param publicUrl      the address customers and staff reach the desk at (https://desk.example.com), for every link
     *                       the desk sends; null when not set (then links use the request's own address). When it is
     *                       https, cookies are Secure and answers carry HSTS whatever the request says
     * @param trustedProxies the addresses of reverse proxies whose {@code X-Forwarded-For} names the client; from any
     *                       other peer the header is ignored, so a client cannot choose the address it is throttled by
     */
    public record Web(URI publicUrl, List<String> trustedProxies) {
        public Web {
            trustedProxies = List.copyOf(trustedProxies);
        }

        public static Web defaults() {
            return new Web(null, List.of());
        }

        public boolean https() {
            return publicUrl != null && "https".equalsIgnoreCase(publicUrl.getScheme());
        }
    }

    /**
     * How intake treats what it reads.
     *
     * @param language       the desk's own language, for customers whose language it has no texts for
     * @param historyBefore  how old a message may be on arrival in its mailbox and still be a live complaint
     */
    public record IntakeRules(String language, Duration historyBefore) {

        /** The languages the desk can write an acknowledgement in and read with its rules. */
        public static final List<String> LANGUAGES = List.of("en", "ro", "ru", "et", "vi");

        public static IntakeRules defaults() {
            return new IntakeRules("en", Duration.ofDays(30));
        }
    }

    public DeskConfig withWeb(Web w) {
        return new DeskConfig(node, pollEvery, leaseTtl, batch, channels, policies, ctiSpool, intake, w);
    }

    public DeskConfig withNode(String name) {
        return new DeskConfig(name, pollEvery, leaseTtl, batch, channels, policies, ctiSpool, intake, web);
    }

    public DeskConfig withPolicies(Policies rules) {
        return new DeskConfig(node, pollEvery, leaseTtl, batch, channels, rules, ctiSpool, intake, web);
    }

    public DeskConfig withCtiSpool(Path spool) {
        return new DeskConfig(node, pollEvery, leaseTtl, batch, channels, policies, spool, intake, web);
    }

    public DeskConfig withChannels(List<ChannelConfig> instances) {
        return new DeskConfig(node, pollEvery, leaseTtl, batch, List.copyOf(instances), policies, ctiSpool, intake, web);
    }

    public DeskConfig withIntake(IntakeRules rules) {
        return new DeskConfig(node, pollEvery, leaseTtl, batch, channels, policies, ctiSpool, rules, web);
    }

    /** One configured channel instance. */
    public record ChannelConfig(String name, String plugin, Map<String, String> settings) {
    }

    private static final Set<String> TOP = Set.of("desk", "channels", "hours", "sla", "routing", "remedies", "escalation",
            "web");
    private static final Set<String> WEB = Set.of("public-url", "trusted-proxies");
    private static final Set<String> HOURS = Set.of("timezone", "open", "close", "days", "holidays");
    private static final Set<String> REMEDIES = Set.of("currency", "caps", "daily-caps");
    private static final Set<String> DESK = Set.of("node", "poll-every", "lease-ttl", "batch", "cti-spool", "language", "history-before",
            "read-across-teams");
    private static final Set<String> CHANNEL = Set.of("plugin", "settings");
    private static final Pattern ENV = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");
    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

    /** A desk with no channels and the default settings. */
    public static DeskConfig defaults(String node) {
        return new DeskConfig(node, Duration.ofSeconds(10), Duration.ofMinutes(1), 100, List.of(), Policies.defaults(), null,
                IntakeRules.defaults());
    }

    public static DeskConfig load(Path file, String defaultNode, Function<String, String> environment) {
        return load(file, defaultNode, environment, c -> List.of());
    }

    /**
     * As {@link #load(Path, String, Function)}, with each channel's settings checked by {@code channelCheck} too, so
     * that one report names every mistake in the file and in its channels.
     *
     * @param channelCheck what is wrong with one channel instance (its plugin, its settings), or nothing
     */
    public static DeskConfig load(Path file, String defaultNode, Function<String, String> environment,
                                  Function<ChannelConfig, List<String>> channelCheck) {
        JsonNode root;
        try {
            // a key written twice is a mistake to name, not a value to merge silently
            root = new ObjectMapper(new YAMLFactory()).enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                    .readTree(Files.readString(file));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            com.fasterxml.jackson.core.JsonLocation at = e.getLocation();
            throw new ConfigException(file + (at == null ? "" : ":" + at.getLineNr() + ":" + at.getColumnNr()) + ": "
                    + e.getOriginalMessage().lines().findFirst().orElse("not YAML"), e);
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot be read: " + e.getMessage().lines().findFirst().orElse(""), e);
        }
        List<String> errors = new ArrayList<>();
        DeskConfig config = parse(root == null || root.isMissingNode() ? null : root, defaultNode, environment, errors);
        for (ChannelConfig c : config.channels()) {
            errors.addAll(channelCheck.apply(c));
        }
        if (!errors.isEmpty()) {
            throw new ConfigException(file + ": " + String.join("; ", errors));
        }
        return config;
    }

    private static DeskConfig parse(JsonNode root, String defaultNode, Function<String, String> env, List<String> errors) {
        DeskConfig d = defaults(defaultNode);
        if (root == null || root.isNull()) {
            return d;
        }
        if (!root.isObject()) {
            errors.add("the file must be a mapping with 'desk' and 'channels'");
            return d;
        }
        unknown(root, TOP, "", errors);
        String node = d.node();
        Duration poll = d.pollEvery();
        Duration ttl = d.leaseTtl();
        int batch = d.batch();
        Path spool = null;
        String language = d.intake().language();
        Duration historyBefore = d.intake().historyBefore();
        boolean readAcrossTeams = false;
        JsonNode desk = root.path("desk");
        if (!desk.isMissingNode() && !desk.isNull()) {
            if (!desk.isObject()) {
                errors.add("'desk' must be a mapping");
            } else {
                unknown(desk, DESK, "desk.", errors);
                if (desk.has("node")) {
                    node = text(desk.get("node"), "desk.node", env, errors);
                }
                if (desk.has("read-across-teams")) {
                    String v = text(desk.get("read-across-teams"), "desk.read-across-teams", env, errors).strip();
                    if (!v.equals("true") && !v.equals("false")) {
                        errors.add("desk.read-across-teams: true or false, got '" + v + "'");
                    }
                    readAcrossTeams = v.equals("true");
                }
                if (desk.has("cti-spool")) {
                    spool = Path.of(text(desk.get("cti-spool"), "desk.cti-spool", env, errors)).toAbsolutePath().normalize();
                }
                if (desk.has("language")) {
                    language = text(desk.get("language"), "desk.language", env, errors).strip().toLowerCase(java.util.Locale.ROOT);
                    if (!IntakeRules.LANGUAGES.contains(language)) {
                        errors.add("desk.language: the desk writes " + String.join(", ", IntakeRules.LANGUAGES) + "; got '" + language + "'");
                    }
                }
                historyBefore = desk.has("history-before") ? duration(desk.get("history-before"), "desk.history-before", env, errors)
                        : historyBefore;
                poll = desk.has("poll-every") ? duration(desk.get("poll-every"), "desk.poll-every", env, errors) : poll;
                ttl = desk.has("lease-ttl") ? duration(desk.get("lease-ttl"), "desk.lease-ttl", env, errors) : ttl;
                if (desk.has("batch")) {
                    String b = text(desk.get("batch"), "desk.batch", env, errors);
                    try {
                        batch = Integer.parseInt(b);
                        if (batch < 1 || batch > 10_000) {
                            errors.add("desk.batch: must be between 1 and 10000, got " + b);
                        }
                    } catch (NumberFormatException e) {
                        errors.add("desk.batch: not a whole number: '" + b + "'");
                    }
                }
            }
        }
        List<ChannelConfig> channels = new ArrayList<>();
        JsonNode list = root.path("channels");
        if (!list.isMissingNode() && !list.isNull()) {
            if (!list.isObject()) {
                errors.add("'channels' must map each channel's name to its plugin and settings");
            } else {
                for (Iterator<Map.Entry<String, JsonNode>> it = list.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    String path = "channels." + e.getKey();
                    JsonNode c = e.getValue();
                    if (!c.isObject()) {
                        errors.add(path + ": must be a mapping with 'plugin' and 'settings'");
                        continue;
                    }
                    unknown(c, CHANNEL, path + ".", errors);
                    if (!c.hasNonNull("plugin")) {
                        errors.add(path + ".plugin: missing (email, phone-log, social, ...)");
                        continue;
                    }
                    Map<String, String> settings = new LinkedHashMap<>();
                    JsonNode s = c.path("settings");
                    if (!s.isMissingNode() && !s.isNull()) {
                        if (!s.isObject()) {
                            errors.add(path + ".settings: must be a mapping of setting names to values");
                        } else {
                            s.fields().forEachRemaining(f -> settings.put(f.getKey(),
                                    text(f.getValue(), path + ".settings." + f.getKey(), env, errors)));
                        }
                    }
                    channels.add(new ChannelConfig(e.getKey(), text(c.get("plugin"), path + ".plugin", env, errors), settings));
                }
            }
        }
        if (poll.compareTo(Duration.ofMillis(100)) < 0) {
            errors.add("desk.poll-every: must be at least 100ms, got " + poll + " (a channel would be read without pause)");
        }
        if (ttl.compareTo(Duration.ofSeconds(1)) < 0) {
            errors.add("desk.lease-ttl: must be at least 1s, got " + ttl);
        }
        Map<String, String> hours = new LinkedHashMap<>();
        List<String> holidays = new ArrayList<>();
        JsonNode h = root.path("hours");
        if (h.isObject()) {
            unknown(h, HOURS, "hours.", errors);
            h.fields().forEachRemaining(f -> {
                if (f.getKey().equals("holidays")) {
                    f.getValue().forEach(x -> holidays.add(text(x, "hours.holidays", env, errors)));
                } else if (f.getKey().equals("days") && f.getValue().isArray()) {
                    List<String> days = new ArrayList<>();
                    f.getValue().forEach(x -> days.add(x.asText()));
                    hours.put("days", String.join(",", days));
                } else {
                    hours.put(f.getKey(), text(f.getValue(), "hours." + f.getKey(), env, errors));
                }
            });
        } else if (!h.isMissingNode() && !h.isNull()) {
            errors.add("'hours' must be a mapping");
        }
        Map<String, Map<String, String>> sla = new LinkedHashMap<>();
        String warnAt = null;
        JsonNode slaNode = root.path("sla");
        if (slaNode.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = slaNode.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                if (f.getKey().equals("warn-at")) {
                    warnAt = text(f.getValue(), "sla.warn-at", env, errors);
                } else if (f.getValue().isObject()) {
                    Map<String, String> t = new LinkedHashMap<>();
                    f.getValue().fields().forEachRemaining(x -> t.put(x.getKey(), text(x.getValue(), "sla." + f.getKey() + "." + x.getKey(), env, errors)));
                    sla.put(f.getKey(), t);
                } else {
                    errors.add("sla." + f.getKey() + ": must map acknowledgement, first-response, next-update, resolution to durations");
                }
            }
        } else if (!slaNode.isMissingNode() && !slaNode.isNull()) {
            errors.add("'sla' must be a mapping");
        }
        Map<String, String> routing = new LinkedHashMap<>();
        JsonNode r = root.path("routing");
        if (r.isObject()) {
            r.fields().forEachRemaining(f -> routing.put(f.getKey(), text(f.getValue(), "routing." + f.getKey(), env, errors)));
        } else if (!r.isMissingNode() && !r.isNull()) {
            errors.add("'routing' must map categories to teams");
        }
        Map<String, String> caps = new LinkedHashMap<>();
        Map<String, String> dailyCaps = new LinkedHashMap<>();
        String currency = null;
        JsonNode rem = root.path("remedies");
        if (rem.isObject()) {
            unknown(rem, REMEDIES, "remedies.", errors);
            if (rem.has("currency")) {
                currency = text(rem.get("currency"), "remedies.currency", env, errors);
            }
            rem.path("caps").fields().forEachRemaining(f -> caps.put(f.getKey(), text(f.getValue(), "remedies.caps." + f.getKey(), env, errors)));
            rem.path("daily-caps").fields().forEachRemaining(f -> dailyCaps.put(f.getKey(),
                    text(f.getValue(), "remedies.daily-caps." + f.getKey(), env, errors)));
        } else if (!rem.isMissingNode() && !rem.isNull()) {
            errors.add("'remedies' must be a mapping");
        }
        Map<String, String> escalation = new LinkedHashMap<>();
        JsonNode esc = root.path("escalation");
        if (esc.isObject()) {
            esc.fields().forEachRemaining(f -> escalation.put(f.getKey(), text(f.getValue(), "escalation." + f.getKey(), env, errors)));
        } else if (!esc.isMissingNode() && !esc.isNull()) {
            errors.add("'escalation' must be a mapping");
        }
        Policies policies = Policies.parse(hours, holidays, sla, warnAt, routing, caps, dailyCaps, currency, escalation,
                errors).withReadAcrossTeams(readAcrossTeams);
        return new DeskConfig(node, poll, ttl, batch, channels, policies, spool, new IntakeRules(language, historyBefore),
                web(root.path("web"), env, errors));
    }

    private static Web web(JsonNode w, Function<String, String> env, List<String> errors) {
        if (w.isMissingNode() || w.isNull()) {
            return Web.defaults();
        }
        if (!w.isObject()) {
            errors.add("'web' must be a mapping");
            return Web.defaults();
        }
        unknown(w, WEB, "web.", errors);
        URI url = null;
        if (w.has("public-url")) {
            String v = text(w.get("public-url"), "web.public-url", env, errors).strip();
            try {
                url = URI.create(v.endsWith("/") ? v.substring(0, v.length() - 1) : v);
                if (url.getHost() == null || !List.of("http", "https").contains(String.valueOf(url.getScheme()).toLowerCase(Locale.ROOT))) {
                    throw new IllegalArgumentException("no scheme or host");
                }
            } catch (IllegalArgumentException e) {
                errors.add("web.public-url: an http(s) address such as https://desk.example.com, got '" + v + "'");
                url = null;
            }
        }
        List<String> proxies = new ArrayList<>();
        JsonNode p = w.path("trusted-proxies");
        if (p.isArray()) {
            p.forEach(x -> proxies.add(text(x, "web.trusted-proxies", env, errors).strip()));
        } else if (p.isTextual()) {
            for (String x : text(p, "web.trusted-proxies", env, errors).split(",")) {
                if (!x.isBlank()) {
                    proxies.add(x.strip());
                }
            }
        } else if (!p.isMissingNode()) {
            errors.add("web.trusted-proxies: a list of addresses, such as [127.0.0.1]");
        }
        for (String x : proxies) {
            if (!x.matches("[0-9a-fA-F:.]+")) {
                errors.add("web.trusted-proxies: '" + x + "' is not an IP address");
            }
        }
        return new Web(url, proxies);
    }

    private static void unknown(JsonNode node, Set<String> known, String prefix, List<String> errors) {
        node.fieldNames().forEachRemaining(name -> {
            if (!known.contains(name)) {
                errors.add("unknown setting '" + prefix + name + "' (known here: " + String.join(", ", known.stream().sorted().toList()) + ")");
            }
        });
    }

    private static String text(JsonNode value, String path, Function<String, String> env, List<String> errors) {
        if (value == null || value.isNull()) {
            return "";
        }
        if (!value.isValueNode()) {
            errors.add(path + ": must be a single value, not a list or mapping");
            return "";
        }
        Matcher m = ENV.matcher(value.asText());
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String v = env.apply(m.group(1));
            if (v == null) {
                errors.add(path + ": the environment variable " + m.group(1) + " is not set");
                v = "";
            }
            m.appendReplacement(out, Matcher.quoteReplacement(v));
        }
        m.appendTail(out);
        return out.toString();
    }

    static Duration duration(JsonNode value, String path, Function<String, String> env, List<String> errors) {
        return parseDuration(text(value, path, env, errors), path, errors);
    }

    public static Duration parseDuration(String value, String path, List<String> errors) {
        String t = value.strip();
        Matcher m = SHORT_DURATION.matcher(t);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        }
        try {
            Duration d = Duration.parse(t);
            if (d.isNegative()) {
                errors.add(path + ": must not be negative, got '" + t + "'");
                return Duration.ofSeconds(10);
            }
            return d;
        } catch (DateTimeParseException e) {
            errors.add(path + ": not a duration: '" + t + "' (write 500ms, 30s, 5m, 2h, 1d or PT30S)");
            return Duration.ofSeconds(10);
        }
    }
}
