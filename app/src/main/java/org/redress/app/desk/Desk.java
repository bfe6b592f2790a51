package org.redress.app.desk;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.redress.app.channels.ChannelRegistry;
import org.redress.app.config.DeskConfig;
import org.redress.app.config.Policies;
import org.redress.app.intake.DeskIntake;
import org.redress.app.intake.Outbox;
import org.redress.app.schedule.BurstJob;
import org.redress.app.schedule.Job;
import org.redress.app.schedule.PromiseJob;
import org.redress.app.schedule.SearchJob;
import org.redress.app.schedule.SlaJob;
import org.redress.app.schedule.StuckJob;
import org.redress.app.store.Attachments;
import org.redress.app.store.ChannelBoard;
import org.redress.app.store.Complaints;
import org.redress.app.store.CustomerBook;
import org.redress.app.store.Database;
import org.redress.app.store.DeskAudit;
import org.redress.app.store.IncidentBook;
import org.redress.app.store.Inbox;
import org.redress.app.store.Outbound;
import org.redress.app.store.Promises;
import org.redress.app.store.QuarantineShelf;
import org.redress.app.store.Queue;
import org.redress.app.store.Remedies;
import org.redress.app.store.SavedReplies;
import org.redress.app.store.Satisfaction;
import org.redress.app.store.Users;
import org.redress.app.store.Watchlist;
import org.redress.core.call.CallRules;
import org.redress.core.classify.Triage;
import org.redress.core.escalation.Escalator;
import org.redress.core.escalation.StuckDetector;
import org.redress.core.guard.ReplyGuard;
import org.redress.core.promise.PromiseExtractor;
import org.redress.core.text.LanguageDetection;

/**
 * The desk, put together once: its stores over one database, its policies from one configuration, and the use
 * cases built from both, so that a rule or a setting applies alike to every entry point (serve, import, the demo,
 * the API, the console, the CLI and the quarantine retry). Entry points take what they need from here and build
 * nothing of their own.
 */
public final class Desk {

    private final ReplyingInstances replying;
    private final Database database;
    private final DeskConfig config;
    private final ChannelRegistry registry;
    private final LanguageDetection detection;
    private final Clock clock;

    private final Complaints complaints;
    private final Promises promises;
    private final Users users;
    private final Remedies remedies;
    private final DeskAudit audit;
    private final SavedReplies savedReplies;
    private final Satisfaction satisfaction;
    private final ChannelBoard board;
    private final Queue queue;
    private final org.redress.app.store.PresenceBoard presence;
    private final org.redress.app.store.Preferences preferences;
    private final TeamBorders borders;
    private final IncidentBook incidentBook;
    private final Watchlist watchlist;
    private final Inbox inbox;
    private final Outbound outbound;
    private final Attachments attachments;

    private final Triage triage;
    private final Escalator escalator;
    private final ReplyGuard guard;
    private final GuardTeacher guardTeacher;
    private final Doorbell doorbell = new Doorbell();
    private final CallRules callRules;

    private final Replies replies;
    private final Casework casework;
    private final Bulk bulk;
    private final Incidents incidents;
    private final Quarantine quarantine;
    private final CustomerCare customers;
    private final Staff staff;
    private final DeskReports reports;
    private final WalkIns walkIns;
    private final CallSpool callSpool;

    private Desk(Database database, DeskConfig config, ChannelRegistry registry, LanguageDetection detection, Clock clock) {
        this.database = database;
        this.config = config;
        this.registry = registry;
        this.detection = detection;
        this.clock = clock;
        Policies policies = config.policies();
        this.complaints = new Complaints(database, policies.sla(), clock);
        this.promises = new Promises(database);
        this.users = new Users(database, clock);
        this.remedies = new Remedies(database, complaints, policies.remedies(), clock);
        this.audit = new DeskAudit(database, clock);
        this.guard = new ReplyGuard(new PromiseExtractor(policies.calendar()), Optional.empty());
        this.savedReplies = new SavedReplies(database, guard, clock);
        this.guardTeacher = new GuardTeacher(new org.redress.app.store.GuardTeaching(database, clock), guard, complaints, audit, clock);
        guardTeacher.fresh();
        this.satisfaction = new Satisfaction(database, clock);
        this.board = new ChannelBoard(database);
        this.queue = new Queue(database);
        this.presence = new org.redress.app.store.PresenceBoard(database);
        this.preferences = new org.redress.app.store.Preferences(database);
        this.incidentBook = new IncidentBook(database);
        this.watchlist = new Watchlist(database);
        this.inbox = new Inbox(database);
        this.outbound = new Outbound(database, clock);
        this.attachments = new Attachments(database);
        this.triage = new Triage(Triage.Policy.standard(), Optional.empty());
        this.escalator = new Escalator(policies.escalation(), clock);
        this.callRules = new CallRules(CallRules.Policy.standard(), policies.calendar(), new PromiseExtractor(policies.calendar()));

        // customers of complaints taken at the desk are written to by the first email channel, by name
        this.replying = new ReplyingInstances(config, registry);
        Answering answering = new Answering(config.channels().stream().filter(c -> c.plugin().equals("email"))
                .map(DeskConfig.ChannelConfig::name).sorted().findFirst(), replying);
        this.replies = new Replies(complaints, promises, guard, clock, doorbell, answering, guardTeacher::fresh);
        this.casework = new Casework(complaints, promises, remedies, satisfaction, clock, doorbell, answering);
        this.incidents = new Incidents(database, incidentBook, complaints, policies.calendar().zone(), clock, doorbell, answering);
        this.quarantine = new Quarantine(new QuarantineShelf(database), registry, this::intake, audit, clock);
        this.customers = new CustomerCare(new CustomerBook(database, complaints, clock), audit);
        this.staff = new Staff(users, audit, new SignInThrottle(5, Math.max(1, Runtime.getRuntime().availableProcessors()), clock), clock);
        java.util.Set<String> routed = new java.util.TreeSet<>(policies.routing().teams().values());
        routed.add(policies.routing().defaultTeam());
        this.borders = new TeamBorders(queue, policies.readAcrossTeams(), () -> routed, staff);
        this.bulk = new Bulk(complaints, casework, borders);
        this.reports = new DeskReports(new org.redress.app.store.ReportCounts(database), complaints.policy(), remedies, satisfaction, policies.calendar().zone(), clock);
        this.walkIns = new WalkIns(intake("desk", false), inbox, complaints, clock);
        this.callSpool = new CallSpool(Optional.ofNullable(config.ctiSpool()));
    }

    /**
     * Puts the desk together over an open database.
     *
     * @param registry  the channel plugins found on the class path
     * @param detection how the desk tells a customer's language
     */
    public static Desk open(Database database, DeskConfig config, ChannelRegistry registry, LanguageDetection detection, Clock clock) {
        return new Desk(database, config, registry, detection, clock);
    }

    /**
     * A new intake for one channel instance of a plugin: triaged, routed, timed and escalated by this desk's
     * policies. One per instance, since it counts what it stored.
     *
     * @param mode whether new complaints are acknowledged automatically (a live channel), not (an import, a retry), or are
     *             history (an archive import)
     */
    public DeskIntake intake(String plugin, DeskIntake.Mode mode) {
        return new DeskIntake(database, complaints, promises, inbox, plugin, triage, detection, config.policies().routing(), escalator,
                callRules, config.intake(), clock, mode, replying::replies);
    }

    /** As {@link #intake(String, DeskIntake.Mode)}: live and acknowledging, or quiet. */
    public DeskIntake intake(String plugin, boolean acknowledge) {
        return intake(plugin, acknowledge ? DeskIntake.Mode.LIVE : DeskIntake.Mode.QUIET);
    }

    /** Which channel instances the desk can answer through; the node tells it what each opened instance can do. */
    public ReplyingInstances replying() {
        return replying;
    }

    /** Sends what the desk owes through a channel. */
    public Outbox outbox() {
        return new Outbox(database, outbound, complaints, clock);
    }

    /** The scheduled jobs: SLA warnings and breaches, promises, stuck complaints, outage bursts, the search index. */
    public List<Job> jobs() {
        return List.of(
                new SlaJob(database, watchlist, complaints, escalator, Duration.ofMinutes(1)),
                new PromiseJob(database, promises, complaints, escalator, Duration.ofMinutes(30), Duration.ofMinutes(1)),
                new StuckJob(database, watchlist, complaints, new StuckDetector(config.policies().stuckAfter(), 2, 3,
                        config.policies().calendar()), escalator, Duration.ofHours(1), Duration.ofMinutes(5)),
                new BurstJob(database, incidentBook, 5, Duration.ofMinutes(30), Duration.ofMinutes(1)),
                new SearchJob(database, Duration.ofSeconds(2), 5_000));
    }

    public Database database() {
        return database;
    }

    public DeskConfig config() {
        return config;
    }

    public ChannelRegistry registry() {
        return registry;
    }

    public Clock clock() {
        return clock;
    }

    public Complaints complaints() {
        return complaints;
    }

    public Promises promises() {
        return promises;
    }

    public Users users() {
        return users;
    }

    public Remedies remedies() {
        return remedies;
    }

    public DeskAudit audit() {
        return audit;
    }

    public SavedReplies savedReplies() {
        return savedReplies;
    }

    public Satisfaction satisfaction() {
        return satisfaction;
    }

    public ChannelBoard board() {
        return board;
    }

    public Queue queue() {
        return queue;
    }

    /** Who is on which complaint now, across the desk's nodes. */
    /** What each user chose and expects to find again (the queue's view). */
    public org.redress.app.store.Preferences preferences() {
        return preferences;
    }

    public org.redress.app.store.PresenceBoard presence() {
        return presence;
    }

    /** Which complaints each person may read and act on. */
    public TeamBorders borders() {
        return borders;
    }

    /** Rung when messages are owed through a channel instance, so the node that sends them does it at once. */
    public Doorbell doorbell() {
        return doorbell;
    }

    /** The files customers sent with their messages. */
    public Attachments attachments() {
        return attachments;
    }

    /** What the desk sent on complaints, with each message's delivery state. */
    public Outbound outbound() {
        return outbound;
    }

    public Watchlist watchlist() {
        return watchlist;
    }

    /** Labels of the guard's work, its record over them, and the phrases admins add to it. */
    public GuardTeacher guardTeacher() {
        return guardTeacher;
    }

    public ReplyGuard guard() {
        return guard;
    }

    public Replies replies() {
        return replies;
    }

    /** One action on many complaints chosen in the queue. */
    public Bulk bulk() {
        return bulk;
    }

    public Casework casework() {
        return casework;
    }

    public Incidents incidents() {
        return incidents;
    }

    public Quarantine quarantine() {
        return quarantine;
    }

    public CustomerCare customers() {
        return customers;
    }

    public Staff staff() {
        return staff;
    }

    public DeskReports reports() {
        return reports;
    }

    public WalkIns walkIns() {
        return walkIns;
    }

    public CallSpool callSpool() {
        return callSpool;
    }
}
