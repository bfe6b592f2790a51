package org.redress.app.web.console;

import java.util.List;

/**
 * The values the console's templates show, one record per thing on a page. They hold text as the templates print
 * it; the templates escape every one of them for its place in the HTML.
 */
public final class Views {

    private Views() {
    }

    /** The sign-in page: an error to show, the user name typed, where to go after, and the form's CSRF token. */
    public record Login(String error, String username, String next, String token) {
    }

    /** A menu entry of the queue: its key, label, link and whether it is the one shown. */
    public record Tab(String key, String label, String href, boolean current) {
    }

    /** One line of the queue; {@code due} is an ISO instant the page counts down to. */
    public record QueueLine(long number, String subject, String priority, String status, String team, String owner, String due,
                            String dueText) {
    }

    public record Option(String value, String label, boolean selected) {
    }

    /** The saved replies a supervisor keeps, the languages the guard checks, and the form as typed. */
    public record SavedReplies(List<SavedEntry> lines, List<String> languages, SavedForm form) {
    }

    public record SavedEntry(long id, String title, String text, String category, String language, String by) {
    }

    /** The add form as the supervisor filled it, and what the reply guard found wrong (empty when nothing). */
    public record SavedForm(String category, String language, String title, String text, List<String> findings) {
        public static SavedForm empty() {
            return new SavedForm("", "en", "", "", List.of());
        }
    }

    /** Where a paged list is: its total, this page of how many, and the links to the pages either side (null at the ends). */
    public record Paged(long total, int page, int pages, String previous, String next) {
    }

    /** What a bulk action did: the complaints changed, and those that were not with why; where the agent came from. */
    public record BulkOutcome(String action, List<Long> changed, List<Refusal> refused, String back) {
    }

    public record Refusal(long number, String why) {
    }

    public record Queue(List<Tab> tabs, List<QueueLine> lines, String search, String view, List<Option> incidents, Pager pager,
                        List<Narrow> narrows, boolean narrowed) {
    }

    /** The form for a complaint taken at the desk or on the phone, as the agent filled it, with what was wrong. */
    public record TakeForm(String via, String name, String email, String phone, String subject, String text, String error) {
    }

    /** One list the queue is narrowed down by: its parameter, its label, and its options (the first is "any"). */
    public record Narrow(String name, String label, List<Option> options) {
    }

    /**
     * Where the page stands in its view: the total it holds, this page and the number of pages, and the links to the
     * pages before and after (null at either end).
     */
    /** A view's pages; {@code more} when a search found more than it counts (the total is then its floor). */
    public record Pager(long total, boolean more, int page, int pages, String previous, String next) {
    }

    /** A piece of text, marked when it is evidence of a signal or a finding. */
    public record Segment(String text, boolean marked, String title) {
    }

    public record Identity(String kind, String address) {
    }

    public record HistoryLine(long number, String subject, String status, boolean current) {
    }

    public record Customer(long id, String name, List<Identity> identities, List<HistoryLine> history, boolean repeat, boolean churnRisk) {
    }

    public record IncidentBanner(long id, String title, String eta, String etaText, String state) {
    }

    /** A step of the playbook and whether it is done, the current one, or still to come. */
    public record Step(String label, String state) {
    }

    public record SignalLine(String code, String evidence) {
    }

    public record PromiseLine(long id, String text, String owner, String due, String dueText, String state, boolean open) {
    }

    public record ClockLine(String metric, String state, String deadline, String deadlineText, boolean running) {
    }

    /** One entry of the timeline; {@code kind} is inbound, reply, note, call or system. */
    public record TimelineEntry(String kind, String icon, String kindLabel, String who, String at, String atText, String channel,
                                List<Segment> text) {
    }

    public record PhraseGroup(String label, List<String> phrases) {
    }

    public record FindingLine(String code, String severity, String evidence, String suggestion) {
    }

    /** The composer as the page shows it: a refused draft comes back with its text, ETA, findings and the override box. */
    public record Composer(String text, String eta, String etaInstant, List<FindingLine> findings, boolean blocked, String error,
                           String noteText) {
        public static Composer empty() {
            return new Composer("", "", "", List.of(), false, null, "");
        }
    }

    public record Complaint(long number, String tag, String subject, String status, String priority, String category, String language,
                            String escalation, String owner, String team, long version, boolean mine, List<String> allowedNext,
                            String implied, Customer customer, IncidentBanner incident, List<Step> playbook, int apologies, boolean empathy, boolean recapAwaiting, boolean answersInPublic,
                            AbuseBox abuse,
                            List<SignalLine> signals,
                            List<PromiseLine> promises, List<ClockLine> clocks, List<TimelineEntry> timeline,
                            List<PhraseGroup> phrases, Composer composer, String zone, List<RemedyLine> remedies,
                            List<String> remedyKinds, String currency, String cap, List<SavedLine> saved, TransferLine transfer,
                            List<String> teams, List<OutgoingLine> outgoing, List<FileLine> files) {
    }

    /** A file the customer sent: downloaded, never opened in the page. */
    public record FileLine(long id, String name, String mediaType, String size) {
    }

    /** A message the desk sent the customer, with its delivery state in words. */
    public record OutgoingLine(String subject, String status, String when, String error, boolean inPublic) {
    }

    /** The abuse protocol's next step on a complaint: the script offered, and whether it warns or ends. */
    public record AbuseBox(String state, String script, boolean warn, boolean end) {
    }

    /** A transfer waiting for its answer; {@code mine} when the viewer is among those who may give it. */
    public record TransferLine(String toTeam, String toOwner, String requestedBy, String reason, boolean mine) {
    }

    /** A saved reply the composer offers for the complaint's category and language. */
    public record SavedLine(String title, String text) {
    }

    /** A horizontal bar chart drawn as SVG on the server: each bar's width is already scaled to the chart. */
    public record Chart(String title, List<Bar> bars, int height) {
        /** Whether a bar leads to the complaints behind it (the picture is then a group of links, not an image). */
        public boolean linked() {
            return bars.stream().anyMatch(b -> b.href() != null);
        }
    }

    /** One bar; {@code href} is the queue narrowed to the complaints behind it, or null. */
    public record Bar(String label, String value, int width, int y, String href) {
    }

    public record EscalationLine(long number, String subject, String level, String priority, String owner) {
    }

    public record AbuseLine(long number, String subject, String evidence) {
    }

    public record RemedyLine(long id, long complaint, String kind, String claimed, String offered, String currency, String proposedBy,
                             long version, String state) {
    }

    public record IncidentLine(long id, String title, String category, String eta, String state, boolean proposed, boolean open,
                               String terms, List<Long> complaints, long version) {
    }

    public record Supervisor(List<Chart> charts, List<List<String>> trend, List<EscalationLine> escalations, List<AbuseLine> abuse,
                             List<RemedyLine> remedies, List<IncidentLine> incidents, String since, String error, List<BreachLine> breaches,
                             int days, List<Integer> periods, Paged escalationPages, Paged abusePages, Paged remedyPages) {
    }

    /** One SLA metric's open breaches and warnings, each a link to the queue narrowed to them. */
    public record BreachLine(String metric, long breached, String breachedHref, long warning, String warningHref) {
    }

    public record ChannelLine(String name, String plugin, String checkpoint, String lastRead, String polledBy, long quarantined,
                              String error) {
    }

    public record HeldLine(long id, String channel, String externalId, String reason, String location, String receivedAt) {
    }

    public record UserLine(String username, String displayName, String role, String team, boolean active) {
    }

    public record Admin(List<ChannelLine> channels, List<HeldLine> quarantine, List<UserLine> users, List<TokenLine> tokens,
                        String error, List<GuardLine> guard, List<CandidateLine> candidates, List<PhraseLine> phrases,
                        List<String> codes, Configuration configuration) {
    }

    /**
     * The desk's configuration as it runs, read-only (it is changed in redress.yaml): settings by name, the SLA targets
     * per priority and metric, routing and remedy caps.
     */
    public record Configuration(List<List<String>> settings, List<String> metrics, List<List<String>> sla, List<List<String>> routing,
                                List<List<String>> caps) {
    }

    /** The reply guard's record for one code over the desk's labels. */
    public record GuardLine(String code, int labels, String precision, String recall) {
    }

    /** A labelled miss the guard still misses, for the admin to accept as a phrase. */
    public record CandidateLine(long label, String language, String code, String evidence, String text) {
    }

    /** A phrase the desk's admins added to the guard. */
    public record PhraseLine(long id, String language, String code, String text, String by) {
    }

    /** An API token on the admin page: never the token itself. */
    public record TokenLine(String id, String user, String name, String state, String lastUsed, String expires) {
    }

    /** A page that says what went wrong and where to go back to. */
    public record Problem(int status, String message, String back) {
    }
}
