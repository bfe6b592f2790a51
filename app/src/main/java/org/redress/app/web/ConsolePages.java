package org.redress.app.web;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.redress.app.desk.Desk;
import org.redress.app.desk.DeskReports;
import org.redress.app.store.IncidentBook;
import org.redress.app.store.ChannelBoard;
import org.redress.app.store.Complaints;
import org.redress.app.store.Promises;
import org.redress.app.store.Queue;
import org.redress.app.store.Remedies;
import org.redress.app.store.Users;
import org.redress.app.web.console.SystemLines;
import org.redress.app.web.console.Texts;
import org.redress.app.web.console.Views;
import org.redress.core.abuse.AbuseProtocol;
import org.redress.core.complaint.Complaint;
import org.redress.core.complaint.Entry;
import org.redress.core.complaint.Lifecycle;
import org.redress.core.complaint.Playbook;
import org.redress.core.complaint.Status;
import org.redress.core.guard.ReplyGuard;
import org.redress.core.incident.Incident;
import org.redress.core.remedy.Remedy;
import org.redress.core.sla.SlaClock;
import org.redress.core.sla.SlaMetric;
import org.redress.core.triage.Signal;
import org.redress.core.triage.SignalCode;

/** Builds what each console page shows from the desk's stores, in the visitor's words and the desk's time zone. */
final class ConsolePages {

    /** How much of a long message is searched for evidence to mark; the rest is shown unmarked. */
    private static final int MARK_WITHIN = 20_000;
    private static final int CHART_WIDTH = 260;

    private final Desk desk;
    private final ReplyGuard guard;
    private final Function<String, String> lastError;

    ConsolePages(Desk desk, Function<String, String> lastError) {
        this.desk = desk;
        this.guard = desk.guard();
        this.lastError = lastError;
    }

    ZoneId zone() {
        return desk.complaints().policy().calendar().zone();
    }

    // ---- queue ------------------------------------------------------------------------------------------

    /** Complaints on one page of the queue, unless the page asks for another size. */
    static final int PAGE_SIZE = 50;

    /**
     * One page of a view of the queue, with the total it holds and the count of every tab.
     *
     * @param filterOf the filter of each view (tab)
     */
    Views.Queue queue(Texts t, java.util.function.Function<String, Queue.Filter> filterOf, String view, String search, Long incident,
                      Optional<Queue.Reach> reach, int pageNumber, int size, Map<String, String> carried) {
        List<Views.Tab> tabs = new ArrayList<>();
        StringBuilder searchedBy = new StringBuilder();
        carried.forEach((k, v) -> searchedBy.append('&').append(k).append('=').append(java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8)));
        String searched = searchedBy.toString();
        for (String key : List.of("mine", "team", "unassigned", "breaching", "offered", "all")) {
            // a search's tabs go uncounted: six more searches narrowed six ways cost more than the page they show
            String count = search.isBlank() ? " (" + desk.queue().count(filterOf.apply(key), reach) + ")" : "";
            tabs.add(new Views.Tab(key, t.get("queue." + key) + count, "/console?view=" + key + searched, key.equals(view)));
        }
        Queue.Filter filter = filterOf.apply(view);
        long counted = desk.queue().count(filter, reach);
        boolean more = counted > Queue.SEARCH_COUNTED;
        long total = more ? Queue.SEARCH_COUNTED : counted;
        int pages = (int) Math.max(1, (total + size - 1) / size);
        int shown = Math.min(pageNumber, pages);
        String base = "/console?view=" + view + searched
                + (incident == null ? "" : "&incident=" + incident) + (size == PAGE_SIZE ? "" : "&size=" + size) + "&page=";
        Views.Pager pager = new Views.Pager(total, more, shown, pages, shown > 1 ? base + (shown - 1) : null, shown < pages ? base + (shown + 1) : null);
        List<Views.QueueLine> lines = desk.queue().page(filter, size, (shown - 1) * size, reach).stream().map(i -> new Views.QueueLine(i.number(), i.subject(),
                i.priority(), i.status(), nz(i.team()), i.owner() == null ? "" : i.owner(),
                i.dueAt() == null ? "" : i.dueAt().toInstant().toString(),
                i.dueAt() == null ? "" : t.when(i.dueAt().toInstant(), zone()))).toList();
        List<Views.Option> incidents = new ArrayList<>();
        for (IncidentBook.Stored s : desk.incidents().list()) {
            if (!s.proposed() && s.incident().state() == Incident.State.OPEN) {
                long id = s.incident().id().value();
                incidents.add(new Views.Option(String.valueOf(id), "#" + id + " " + s.incident().title(), incident != null && incident == id));
            }
        }
        return new Views.Queue(tabs, lines, search, view, incidents, pager, narrows(t, carried),
                carried.keySet().stream().anyMatch(k -> !k.equals("q")));
    }

    /** The lists a queue is narrowed down by, each with what is chosen now. */
    private List<Views.Narrow> narrows(Texts t, Map<String, String> carried) {
        Queue.InUse inUse = desk.queue().inUse();
        List<Views.Narrow> narrows = new ArrayList<>();
        narrows.add(narrow(t, carried, "status", java.util.Arrays.stream(org.redress.core.complaint.Status.values()).filter(org.redress.core.complaint.Status::isOpen).map(Enum::name).toList(), "status"));
        narrows.add(narrow(t, carried, "priority", List.of("P1", "P2", "P3", "P4"), null));
        narrows.add(narrow(t, carried, "channel", List.copyOf(inUse.channels()), null));
        narrows.add(narrow(t, carried, "team", List.copyOf(desk.queue().teamsInUse()), null));
        narrows.add(narrow(t, carried, "owner", desk.users().list().stream().filter(Users.User::active)
                .filter(x -> x.role() != org.redress.core.staff.Role.ADMIN).map(Users.User::username).sorted().toList(), null));
        narrows.add(narrow(t, carried, "category", List.copyOf(inUse.categories()), "category"));
        narrows.add(narrow(t, carried, "language", List.copyOf(inUse.languages()), null));
        narrows.add(narrow(t, carried, "clock", List.of("breached", "warning"), "narrow.clock"));
        narrows.add(narrow(t, carried, "metric", java.util.Arrays.stream(org.redress.core.sla.SlaMetric.values()).map(Enum::name).toList(), "metric"));
        narrows.add(narrow(t, carried, "sort", List.of("urgency", "deadline", "newest", "oldest", "updated"), "narrow.sort"));
        return narrows;
    }

    private static Views.Narrow narrow(Texts t, Map<String, String> carried, String name, List<String> values, String labels) {
        String chosen = carried.getOrDefault(name, "");
        List<Views.Option> options = new ArrayList<>();
        options.add(new Views.Option("", t.get(name.equals("sort") ? "narrow.sort.default" : "narrow.any"), chosen.isEmpty()));
        for (String v : values) {
            options.add(new Views.Option(v, labels == null ? v : t.code(labels, v), v.equalsIgnoreCase(chosen)));
        }
        return new Views.Narrow(name, t.get("narrow." + name), options);
    }

    // ---- complaint --------------------------------------------------------------------------------------

    Views.Complaint complaint(Texts t, long number, Users.User viewer, Views.Composer composer) {
        Complaints.Loaded loaded = desk.complaints().require(number);
        Complaint c = loaded.complaint();
        Instant now = desk.clock().instant();
        String language = c.language().orElse("en");

        List<Views.SignalLine> signals = c.signals().stream().map(s -> new Views.SignalLine(s.code().name(), s.evidence())).toList();
        List<String> evidence = c.signals().stream().map(Signal::evidence).filter(e -> e != null && e.strip().length() >= 2).toList();

        List<Views.TimelineEntry> timeline = new ArrayList<>();
        for (Entry e : c.timeline()) {
            timeline.add(entry(t, e, evidence));
        }

        List<Views.PromiseLine> promises = new ArrayList<>();
        for (Promises.Stored s : desk.promises().of(number)) {
            var p = s.promise();
            promises.add(new Views.PromiseLine(p.id().value(), p.text(), p.owner(), p.due().toString(), t.when(p.due(), zone()),
                    p.state().name(), p.state() == org.redress.core.promise.Promise.State.OPEN));
        }

        List<Views.ClockLine> clocks = new ArrayList<>();
        for (SlaMetric metric : SlaMetric.values()) {
            loaded.clocks().clock(metric).ifPresent(k -> {
                Instant deadline = k.deadline(loaded.clocks().policy().calendar());
                String state = loaded.clocks().state(metric, now).map(Enum::name).orElse("");
                boolean running = state.equals(SlaClock.State.RUNNING.name()) || state.equals(SlaClock.State.WARNING.name())
                        || state.equals(SlaClock.State.BREACHED.name());
                // a running clock past its deadline is overdue now, whatever the last SLA job run recorded
                String shown = running && deadline.isBefore(now) ? SlaClock.State.BREACHED.name() : state;
                clocks.add(new Views.ClockLine(t.get("metric." + metric.name()), shown, deadline.toString(),
                        t.when(deadline, zone()), running));
            });
        }

        List<Views.Step> playbook = new ArrayList<>();
        Playbook.Step current = c.playbook().step();
        for (Playbook.Step step : List.of(Playbook.Step.LISTEN, Playbook.Step.RECAP, Playbook.Step.APOLOGISE, Playbook.Step.RESOLVE)) {
            String state = step.ordinal() < current.ordinal() ? "done" : step == current ? "current" : "ahead";
            playbook.add(new Views.Step(t.get("step." + step.name()), state));
        }

        List<Views.PhraseGroup> phrases = new ArrayList<>();
        for (ReplyGuard.Step step : ReplyGuard.Step.values()) {
            List<String> some = guard.phrases(language, step);
            if (!some.isEmpty()) {
                phrases.add(new Views.PhraseGroup(t.get("phrases." + step.name()), some));
            }
        }

        var catalogue = desk.remedies().catalogue();
        String cap = catalogue.cap(viewer.role()).map(m -> m.amount().stripTrailingZeros().toPlainString() + " " + m.currency()).orElse("∞");
        List<Views.SavedLine> saved = desk.savedReplies().find(Optional.of(c.category().code()), Optional.of(language)).stream()
                .map(r -> new Views.SavedLine(r.title(), r.text())).toList();
        Views.TransferLine transfer = c.pendingTransfer().map(x -> new Views.TransferLine(x.toTeam(), x.toOwner().orElse(""),
                x.requestedBy().id(), x.reason(), x.toTeam().equals(viewer.team()) || x.toOwner().filter(viewer.username()::equals).isPresent()))
                .orElse(null);
        List<String> teams = desk.users().list().stream().map(Users.User::team).filter(x -> x != null && !x.isBlank()).distinct().sorted().toList();
        return new Views.Complaint(number, c.number().tag(), c.subject(), c.status().name(), c.priority().name(), c.category().code(),
                language, c.escalation().name(), c.owner().orElse(""), c.team().orElse(""), c.version(),
                c.owner().filter(o -> o.equals(viewer.username())).isPresent(),
                Lifecycle.reachable(c.status()).stream().map(Enum::name).toList(), implied(c).map(Enum::name).orElse(""), customer(c),
                incident(t, number), playbook,
                c.playbook().apologies(), c.playbook().isEmpathyShown(), c.playbook().recap() == Playbook.Recap.SENT,
                org.redress.app.desk.Replies.answersInPublic(c, false), abuse(c), signals, promises, clocks, timeline, phrases, composer, zone().getId(),
                desk.remedies().of(number).stream().map(ConsolePages::remedy).toList(),
                java.util.Arrays.stream(org.redress.core.remedy.RemedyKind.values()).map(k -> k.name().toLowerCase(Locale.ROOT)).toList(),
                catalogue.currency(), cap, saved, transfer, teams, outgoing(t, number),
                desk.attachments().of(number).stream().map(a -> new Views.FileLine(a.id(), a.name(), a.mediaType(),
                        a.size() < 10_240 ? a.size() + " B" : (a.size() >> 10) + " KB")).toList());
    }

    /**
     * The status a reply implies, offered beside the send button: a complaint nobody has worked on yet is being
     * investigated once an agent answers it; one further on stays where it is unless the agent says otherwise.
     */
    static Optional<Status> implied(Complaint c) {
        return switch (c.status()) {
            case RECEIVED, ACKNOWLEDGED, ASSESSED, REOPENED, WAITING_ON_CUSTOMER ->
                    Optional.of(Status.INVESTIGATING).filter(Lifecycle.reachable(c.status())::contains);
            default -> Optional.empty();
        };
    }

    private Views.TimelineEntry entry(Texts t, Entry e, List<String> evidence) {
        String at = e.at().toString();
        String atText = t.when(e.at(), zone());
        if (e instanceof Entry.CustomerMessage in) {
            String icon = icon(in.channel());
            return new Views.TimelineEntry("inbound", icon, t.get("kind.inbound"), nz(in.from()), at, atText, nz(in.channel()),
                    marked(in.text(), evidence));
        } else if (e instanceof Entry.Reply r) {
            return new Views.TimelineEntry("reply", "↩", t.get("kind.reply"), r.author().id(), at, atText, "",
                    plain(r.text()));
        } else if (e instanceof Entry.InternalNote n) {
            return new Views.TimelineEntry("note", "✎", t.get("kind.note"), n.author().id(), at, atText, "", plain(n.text()));
        } else if (e instanceof Entry.Call call) {
            String text = call.outcome() + (call.notes().isBlank() ? "" : " — " + call.notes());
            return new Views.TimelineEntry("call", "☎", t.get("kind.call"), nz(call.caller()), at, atText, "phone", marked(text, evidence));
        } else if (e instanceof Entry.SystemEvent s) {
            return new Views.TimelineEntry("system", "⚙", t.get("kind.system"), SystemLines.name(t, s.kind()), at, atText, "",
                    plain(SystemLines.say(t, zone(), s.kind(), s.text())));
        }
        throw new IllegalStateException("an entry the console does not know: " + e.getClass().getSimpleName());
    }

    /** The sign of the channel a message came through (the plugin's id, or the desk's own ways in). */
    private static String icon(String channel) {
        return switch (nz(channel)) {
            case "email" -> "✉";
            case "social" -> "@";
            case "phone-log", "phone" -> "☎";
            case "walk-in" -> "⌂";
            case "web-form" -> "⌨";
            default -> "•";
        };
    }

    private static List<Views.Segment> plain(String text) {
        return List.of(new Views.Segment(text, false, null));
    }

    /** The text cut into pieces, each piece of signal evidence marked (matched regardless of case). */
    static List<Views.Segment> marked(String text, List<String> evidence) {
        if (evidence.isEmpty() || text.isEmpty()) {
            return plain(text);
        }
        int limit = Math.min(text.length(), MARK_WITHIN);
        boolean[] mark = new boolean[limit];
        for (String ev : evidence) {
            String needle = ev.strip();
            for (int i = 0; i + needle.length() <= limit; i++) {
                if (text.regionMatches(true, i, needle, 0, needle.length())) {
                    for (int j = i; j < i + needle.length(); j++) {
                        mark[j] = true;
                    }
                    i += needle.length() - 1;
                }
            }
        }
        List<Views.Segment> out = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= limit; i++) {
            if (i == limit || mark[i] != mark[start]) {
                out.add(new Views.Segment(text.substring(start, i), mark[start], null));
                start = i;
            }
        }
        if (limit < text.length()) {
            out.add(new Views.Segment(text.substring(limit), false, null));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private Views.Customer customer(Complaint c) {
        long id = c.customer().value();
        Map<String, Object> card = desk.customers().card(id);
        List<Views.Identity> identities = ((List<Map<String, Object>>) card.get("identities")).stream()
                .map(m -> new Views.Identity(String.valueOf(m.get("kind")), String.valueOf(m.get("address")))).toList();
        List<Views.HistoryLine> history = ((List<Map<String, Object>>) card.get("complaints")).stream()
                .map(m -> new Views.HistoryLine(((Number) m.get("number")).longValue(), String.valueOf(m.get("subject")),
                        String.valueOf(m.get("status")), ((Number) m.get("number")).longValue() == c.number().value())).toList();
        boolean repeat = Boolean.TRUE.equals(card.get("repeat")) || c.has(SignalCode.REPEAT_ISSUE);
        boolean churn = c.has(SignalCode.CHURN_RISK) || (repeat && c.reopenCount() > 0);
        return new Views.Customer(id, String.valueOf(card.get("name")), identities, history, repeat, churn);
    }

    private List<Views.OutgoingLine> outgoing(Texts t, long number) {
        return desk.outbound().of(number).stream().map(o -> new Views.OutgoingLine(o.subject(), o.status(),
                t.when(o.sentAt() != null ? o.sentAt() : o.createdAt(), zone()), nz(o.error()), o.inPublic())).toList();
    }

    private static Views.AbuseBox abuse(Complaint c) {
        AbuseProtocol p = AbuseProtocol.of(c);
        return switch (p.state()) {
            case NONE -> null;
            case ABUSE_SEEN -> new Views.AbuseBox(p.state().name(), p.warningScript(), true, false);
            case ABUSE_AFTER_WARNING -> new Views.AbuseBox(p.state().name(), p.endingScript(), false, true);
            case WARNED, ENDED -> new Views.AbuseBox(p.state().name(), "", false, false);
        };
    }

    private Views.IncidentBanner incident(Texts t, long number) {
        Optional<IncidentBook.Stored> of = desk.incidents().of(number);
        if (of.isEmpty()) {
            return null;
        }
        Incident i = of.get().incident();
        return new Views.IncidentBanner(i.id().value(), i.title(), i.eta() == null ? "" : i.eta().toString(), t.when(i.eta(), zone()),
                i.state().name());
    }

    // ---- supervisor -------------------------------------------------------------------------------------

    /** The periods a supervisor reads reports over, in days; the first page shows the third. */
    public static final List<Integer> PERIODS = List.of(7, 30, 90, 365);

    /** Rows per page of the supervisor's lists (escalations, abuse, approvals). */
    static final int SUPERVISOR_PAGE = 25;

    /** A paged list's place: page {@code page} of {@code total} rows, links that keep the period and the other lists' pages. */
    static Views.Paged paged(long total, String name, int days, Map<String, Integer> pages) {
        int count = (int) Math.max(1, (total + SUPERVISOR_PAGE - 1) / SUPERVISOR_PAGE);
        int page = Math.min(pages.getOrDefault(name, 1), count);
        java.util.function.IntFunction<String> link = n -> {
            StringBuilder b = new StringBuilder("/console/supervisor?days=" + days);
            for (String list : List.of("esc", "abuse", "approvals")) {
                int at = list.equals(name) ? n : pages.getOrDefault(list, 1);
                if (at > 1) {
                    b.append('&').append(list).append('=').append(at);
                }
            }
            return b.append('#').append(name).toString();
        };
        return new Views.Paged(total, page, count, page > 1 ? link.apply(page - 1) : null, page < count ? link.apply(page + 1) : null);
    }

    Views.Supervisor supervisor(Texts t, int days, Map<String, Integer> pages) {
        Instant since = desk.clock().instant().minus(Duration.ofDays(days));
        DeskReports.Report r = desk.reports().since(since);
        Map<String, Double> perCategory = new LinkedHashMap<>();
        Map<String, Double> perMonth = new java.util.TreeMap<>();
        List<List<String>> trend = new ArrayList<>();
        for (DeskReports.Row row : r.weakAreas()) {
            String month = String.valueOf(row.figures().get("month"));
            double n = ((Number) row.figures().get("complaints")).doubleValue();
            if (month.endsWith(" trend")) {
                // a month still running is compared over the same days of the month before, and says so
                String period = month.replace(" trend", "") + (Boolean.TRUE.equals(row.figures().get("partial")) ? " " + t.get("sup.sofar") : "");
                trend.add(List.of(t.code("category", row.label()), period, (n > 0 ? "+" : "") + fmt(n)));
            } else {
                perCategory.merge(row.label(), n, Double::sum);
                perMonth.merge(month, n, Double::sum);
            }
        }
        List<Views.Chart> charts = new ArrayList<>();
        // each category's bar opens the queue narrowed to that category's open complaints
        charts.add(chart(t.get("sup.weak"), sorted(perCategory).entrySet().stream().map(e -> new Item(t.code("category", e.getKey()),
                e.getValue(), "/console?view=all&category=" + java.net.URLEncoder.encode(e.getKey(), java.nio.charset.StandardCharsets.UTF_8)))
                .toList(), v -> fmt(v)));
        charts.add(chart(t.get("sup.trend"), perMonth, v -> fmt(v)));
        List<Item> sla = new ArrayList<>();
        for (DeskReports.Row row : r.sla()) {
            if (((Number) row.figures().get("total")).longValue() > 0) {
                String metric = row.label().toUpperCase(Locale.ROOT).replace(' ', '_');
                sla.add(new Item(t.code("metric", metric) + " (" + row.figures().get("hits") + "/" + row.figures().get("total") + ")",
                        ((Number) row.figures().get("share")).doubleValue(), "/console?view=all&clock=breached&metric=" + metric));
            }
        }
        charts.add(chart(t.get("sup.sla"), sla, v -> fmt(v) + "%"));
        charts.add(chart(t.get("sup.promises"), shares(r.promises()), v -> fmt(v) + "%"));
        Map<String, Double> money = new LinkedHashMap<>();
        String currency = "";
        for (DeskReports.Row row : r.compensation()) {
            money.put(t.code("category", row.label()), Double.parseDouble(String.valueOf(row.figures().get("amount"))));
            currency = String.valueOf(row.figures().get("currency"));
        }
        String cur = currency;
        charts.add(chart(t.get("sup.compensation"), money, v -> fmt(v) + " " + cur));

        Views.Paged escalationPages = paged(desk.watchlist().escalatedCount(), "esc", days, pages);
        Views.Paged abusePages = paged(desk.watchlist().insultedCount(), "abuse", days, pages);
        Views.Paged remedyPages = paged(desk.remedies().awaitingApprovalCount(), "approvals", days, pages);
        List<Views.EscalationLine> escalations = desk.watchlist().escalated(SUPERVISOR_PAGE, (long) (escalationPages.page() - 1) * SUPERVISOR_PAGE)
                .stream().map(e -> new Views.EscalationLine(e.number(), e.subject(), t.code("escalation", e.escalation()), e.priority(),
                        nz(e.owner()))).toList();
        List<Views.AbuseLine> abuse = desk.watchlist().insulted(SUPERVISOR_PAGE, (long) (abusePages.page() - 1) * SUPERVISOR_PAGE).stream()
                .map(a -> new Views.AbuseLine(a.number(), a.subject(), a.evidence())).toList();
        List<Views.RemedyLine> remedies = new ArrayList<>();
        for (Remedies.Stored s : desk.remedies().awaitingApproval(SUPERVISOR_PAGE, (long) (remedyPages.page() - 1) * SUPERVISOR_PAGE)) {
            remedies.add(remedy(s));
        }
        List<Views.IncidentLine> incidents = new ArrayList<>();
        for (IncidentBook.Stored s : desk.incidents().list()) {
            Incident i = s.incident();
            incidents.add(new Views.IncidentLine(i.id().value(), i.title(), i.category().code(), i.eta() == null ? "" : t.when(i.eta(), zone()),
                    s.proposed() ? "PROPOSED" : i.state().name(), s.proposed(), !s.proposed() && i.state() == Incident.State.OPEN, s.terms(),
                    i.linked().stream().map(Complaint.Number::value).sorted().toList(), s.version()));
        }
        Map<String, Queue.ClockCount> counted = new LinkedHashMap<>();
        desk.queue().clockCounts().forEach(c -> counted.put(c.metric(), c));
        List<Views.BreachLine> breaches = new ArrayList<>();
        for (org.redress.core.sla.SlaMetric m : org.redress.core.sla.SlaMetric.values()) {
            Queue.ClockCount c = counted.getOrDefault(m.name(), new Queue.ClockCount(m.name(), 0, 0));
            breaches.add(new Views.BreachLine(t.code("metric", m.name()), c.breached(), "/console?view=all&clock=breached&metric=" + m.name(),
                    c.warning(), "/console?view=all&clock=warning&metric=" + m.name()));
        }
        return new Views.Supervisor(charts, trend, escalations, abuse, remedies, incidents, t.when(since, zone()), null, breaches, days, PERIODS,
                escalationPages, abusePages, remedyPages);
    }

    private static Views.RemedyLine remedy(Remedies.Stored s) {
        Remedy m = s.remedy();
        return new Views.RemedyLine(m.id().value(), m.complaint().value(), m.kind().name().toLowerCase(Locale.ROOT).replace('_', ' '),
                m.claimedLoss().amount().stripTrailingZeros().toPlainString(), m.offered().amount().stripTrailingZeros().toPlainString(),
                m.offered().currency(), m.proposedBy().id(), s.version(), m.state().name());
    }

    private static Map<String, Double> shares(List<DeskReports.Row> rows) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (DeskReports.Row row : rows) {
            if (((Number) row.figures().get("total")).longValue() > 0) {
                m.put(row.label() + " (" + row.figures().get("hits") + "/" + row.figures().get("total") + ")",
                        ((Number) row.figures().get("share")).doubleValue());
            }
        }
        return m;
    }

    private static Map<String, Double> sorted(Map<String, Double> m) {
        Map<String, Double> out = new LinkedHashMap<>();
        m.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder())).limit(12)
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    /** One bar to draw: what it is, its figure, and where it leads (or null). */
    record Item(String label, double value, String href) {
    }

    static Views.Chart chart(String title, Map<String, Double> values, java.util.function.DoubleFunction<String> label) {
        return chart(title, values.entrySet().stream().map(e -> new Item(e.getKey(), e.getValue(), null)).toList(), label);
    }

    static Views.Chart chart(String title, List<Item> items, java.util.function.DoubleFunction<String> label) {
        double max = items.stream().mapToDouble(Item::value).max().orElse(0.0);
        List<Views.Bar> bars = new ArrayList<>();
        int y = 4;
        for (Item e : items) {
            int width = max <= 0 ? 0 : (int) Math.round(CHART_WIDTH * Math.max(0, e.value()) / max);
            bars.add(new Views.Bar(e.label(), label.apply(e.value()), Math.max(width, e.value() > 0 ? 2 : 0), y, e.href()));
            y += 24;
        }
        return new Views.Chart(title, bars, y + 4);
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }

    // ---- admin ------------------------------------------------------------------------------------------

    Views.Admin admin(Texts t) {
        List<Views.ChannelLine> channels = new ArrayList<>();
        for (ChannelBoard.Instance c : desk.board().instances()) {
            channels.add(new Views.ChannelLine(c.name(), c.plugin(), nz(c.checkpoint()), c.lastReadAt() == null ? "" : t.when(c.lastReadAt(), zone()),
                    nz(c.polledBy()), c.quarantined(), nz(lastError.apply(c.name()))));
        }
        List<Views.HeldLine> held = desk.quarantine().open().stream().map(q -> new Views.HeldLine(q.id(), q.channel(), nz(q.externalId()),
                q.reason(), nz(q.location()), t.when(q.receivedAt().toInstant(), zone()))).toList();
        List<Views.UserLine> users = desk.staff().list().stream().map(u -> new Views.UserLine(u.username(), u.displayName(),
                u.role().name().toLowerCase(Locale.ROOT), nz(u.team()), u.active())).toList();
        java.time.Instant now = desk.clock().instant();
        List<Views.TokenLine> tokens = desk.staff().tokens(null).stream().map(x -> new Views.TokenLine(x.id(), x.username(), x.name(),
                t.get("admin.token." + x.state(now)), x.lastUsedAt() == null ? "—" : t.when(x.lastUsedAt(), zone()),
                x.expiresAt() == null ? "—" : t.when(x.expiresAt(), zone()))).toList();
        List<Views.GuardLine> guard = desk.guardTeacher().quality().stream().map(q -> new Views.GuardLine(q.code(), q.labels(),
                String.format(Locale.ROOT, "%.2f", q.precision()), String.format(Locale.ROOT, "%.2f", q.recall()))).toList();
        List<Views.CandidateLine> candidates = desk.guardTeacher().candidates().stream().map(c -> new Views.CandidateLine(c.label(),
                c.language(), c.code(), c.evidence(), c.text())).toList();
        List<Views.PhraseLine> phrases = desk.guardTeacher().phrases().stream().map(p -> new Views.PhraseLine(p.id(), p.language(),
                p.code(), p.text(), p.by())).toList();
        List<String> codes = java.util.Arrays.stream(org.redress.core.guard.ReplyGuard.Code.values()).map(Enum::name).toList();
        return new Views.Admin(channels, held, users, tokens, null, guard, candidates, phrases, codes, configuration(t));
    }

    /** The configuration the desk runs with, as an admin reads it (hours, SLA targets, routing, caps, escalation). */
    private Views.Configuration configuration(Texts t) {
        org.redress.app.config.DeskConfig config = desk.config();
        org.redress.app.config.Policies p = config.policies();
        org.redress.core.time.BusinessCalendar calendar = p.calendar();
        // a week of the calendar, Monday first: each day's hours or closed
        java.time.LocalDate monday = desk.clock().instant().atZone(calendar.zone()).toLocalDate().with(java.time.DayOfWeek.MONDAY);
        StringBuilder week = new StringBuilder();
        for (int d = 0; d < 7; d++) {
            java.time.LocalDate day = monday.plusDays(d);
            week.append(week.length() == 0 ? "" : " · ").append(day.getDayOfWeek().getDisplayName(java.time.format.TextStyle.SHORT,
                    Locale.forLanguageTag(t.lang()))).append(' ').append(calendar.hours(day).filter(h -> calendar.isWorkingDay(day))
                    .map(h -> h.open() + "–" + h.close()).orElse(t.get("config.closed")));
        }
        List<List<String>> settings = List.of(
                List.of(t.get("config.zone"), calendar.zone().getId()),
                List.of(t.get("config.hours"), week.toString()),
                List.of(t.get("config.warn"), Math.round(p.sla().warnAt() * 100) + "%"),
                List.of(t.get("config.stuck"), duration(p.stuckAfter())),
                List.of(t.get("config.across"), t.get(p.readAcrossTeams() ? "config.yes" : "config.no")),
                List.of(t.get("config.node"), nz(config.node())),
                List.of(t.get("config.poll"), duration(config.pollEvery())),
                List.of(t.get("config.batch"), String.valueOf(config.batch())),
                List.of(t.get("config.public"), config.web().publicUrl() == null ? t.get("config.unset") : config.web().publicUrl().toString()));
        List<String> metrics = java.util.Arrays.stream(org.redress.core.sla.SlaMetric.values()).map(m -> t.code("metric", m.name())).toList();
        List<List<String>> sla = new ArrayList<>();
        for (org.redress.core.complaint.Priority priority : org.redress.core.complaint.Priority.values()) {
            List<String> row = new ArrayList<>(List.of(priority.name()));
            for (org.redress.core.sla.SlaMetric m : org.redress.core.sla.SlaMetric.values()) {
                row.add(duration(p.sla().target(priority, m)));
            }
            sla.add(row);
        }
        List<List<String>> routing = new ArrayList<>();
        p.routing().teams().entrySet().stream().sorted(Map.Entry.comparingByKey(Comparator.comparing(org.redress.core.complaint.Category::code)))
                .forEach(e -> routing.add(List.of(t.code("category", e.getKey().code()), e.getValue())));
        routing.add(List.of(t.get("config.default"), p.routing().defaultTeam()));
        List<List<String>> caps = new ArrayList<>();
        for (org.redress.core.staff.Role role : org.redress.core.staff.Role.values()) {
            if (role == org.redress.core.staff.Role.ADMIN || role == org.redress.core.staff.Role.SYSTEM) {
                continue;
            }
            caps.add(List.of(t.code("role", role.name()), p.remedies().cap(role).map(ConsolePages::money).orElse(t.get("config.none")),
                    p.remedies().dailyCap(role).map(ConsolePages::money).orElse(t.get("config.none"))));
        }
        return new Views.Configuration(settings, metrics, sla, routing, caps);
    }

    private static String money(org.redress.core.remedy.Money m) {
        return m.amount().stripTrailingZeros().toPlainString() + " " + m.currency();
    }

    /** A duration as people write it: 15m, 1h, 2h 30m, 3d. */
    static String duration(Duration d) {
        if (d == null) {
            return "";
        }
        long m = d.toMinutes();
        if (m > 0 && m % 1440 == 0) {
            return m / 1440 + "d";
        }
        return (m >= 60 ? m / 60 + "h" : "") + (m >= 60 && m % 60 != 0 ? " " : "") + (m % 60 != 0 || m == 0 ? m % 60 + "m" : "");
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
