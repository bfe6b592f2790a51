package org.redress.app.config;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.redress.core.complaint.Category;
import org.redress.core.complaint.EscalationLevel;
import org.redress.core.complaint.Priority;
import org.redress.core.escalation.EscalationPolicy;
import org.redress.core.remedy.Money;
import org.redress.core.remedy.RemedyCatalogue;
import org.redress.core.remedy.RemedyKind;
import org.redress.core.routing.RoutingTable;
import org.redress.core.sla.SlaPolicy;
import org.redress.core.sla.SlaTargets;
import org.redress.core.staff.Role;
import org.redress.core.time.BusinessCalendar;

/**
 * The desk's rules from its configuration: business hours and holidays, SLA targets per priority, routing of
 * categories to teams, and what each role may grant as a remedy. Defaults: weekdays 9 to 17 UTC, core's standard
 * SLA targets, everything to the front desk, caps of 50 / 200 / 1000 EUR.
 */
public record Policies(BusinessCalendar calendar, SlaPolicy sla, RoutingTable routing, RemedyCatalogue remedies,
                       EscalationPolicy escalation, Duration stuckAfter, boolean readAcrossTeams) {

    public Policies(BusinessCalendar calendar, SlaPolicy sla, RoutingTable routing, RemedyCatalogue remedies,
                    EscalationPolicy escalation, Duration stuckAfter) {
        this(calendar, sla, routing, remedies, escalation, stuckAfter, false);
    }

    /** These policies with agents reading (never changing) other teams' complaints, or not. */
    public Policies withReadAcrossTeams(boolean read) {
        return new Policies(calendar, sla, routing, remedies, escalation, stuckAfter, read);
    }

    public static Policies defaults() {
        BusinessCalendar calendar = BusinessCalendar.weekdays(ZoneOffset.UTC, LocalTime.of(9, 0), LocalTime.of(17, 0), Set.of());
        return new Policies(calendar, SlaPolicy.standard(calendar), new RoutingTable(Map.of(), "front-desk"), RemedyCatalogue.standard("EUR"),
                EscalationPolicy.standard(), Duration.ofHours(16));
    }

    /**
     * The escalation settings: how long without progress makes a complaint stuck, the level a stuck one goes to at
     * least, and whether an SLA breach or a broken promise steps a complaint up.
     */
    static EscalationPolicy escalation(Map<String, String> e, List<String> errors) {
        EscalationLevel floor = EscalationLevel.SENIOR;
        if (e.containsKey("stuck-floor")) {
            try {
                floor = EscalationLevel.valueOf(e.get("stuck-floor").toUpperCase());
            } catch (IllegalArgumentException ex) {
                errors.add("escalation.stuck-floor: agent, senior, supervisor or executive; got '" + e.get("stuck-floor") + "'");
            }
        }
        boolean onBreach = bool(e, "on-sla-breach", errors);
        boolean onBroken = bool(e, "on-broken-promise", errors);
        EscalationPolicy standard = EscalationPolicy.standard();
        return new EscalationPolicy(floor, standard.signalLevels(), onBreach, onBroken);
    }

    private static boolean bool(Map<String, String> e, String key, List<String> errors) {
        String v = e.getOrDefault(key, "true");
        if (!v.equals("true") && !v.equals("false")) {
            errors.add("escalation." + key + ": true or false; got '" + v + "'");
            return true;
        }
        return Boolean.parseBoolean(v);
    }

    /** The raw settings, as read from the file, each by its path; errors are added to {@code errors}. */
    static Policies parse(Map<String, String> hours, List<String> holidays, Map<String, Map<String, String>> sla, String warnAt,
                          Map<String, String> routing, Map<String, String> caps, Map<String, String> dailyCaps, String currency,
                          Map<String, String> escalation, List<String> errors) {
        Policies d = defaults();
        ZoneId zone = ZoneOffset.UTC;
        String tz = hours.get("timezone");
        if (tz != null) {
            try {
                zone = ZoneId.of(tz);
            } catch (DateTimeException e) {
                errors.add("hours.timezone: not a time zone: '" + tz + "' (write e.g. Europe/Bucharest or UTC)");
            }
        }
        LocalTime open = time(hours.getOrDefault("open", "09:00"), "hours.open", errors);
        LocalTime close = time(hours.getOrDefault("close", "17:00"), "hours.close", errors);
        if (!close.isAfter(open)) {
            errors.add("hours.close: must be after hours.open (" + open + ")");
            close = open.plusHours(1);
        }
        Set<DayOfWeek> days = new LinkedHashSet<>();
        for (String day : hours.getOrDefault("days", "mon,tue,wed,thu,fri").split(",")) {
            DayOfWeek dow = day(day.strip());
            if (dow == null) {
                errors.add("hours.days: not a day: '" + day.strip() + "' (mon, tue, wed, thu, fri, sat, sun)");
            } else {
                days.add(dow);
            }
        }
        Set<LocalDate> off = new LinkedHashSet<>();
        for (String h : holidays) {
            try {
                off.add(LocalDate.parse(h.strip()));
            } catch (DateTimeException e) {
                errors.add("hours.holidays: not a date: '" + h + "' (write 2026-12-25)");
            }
        }
        Map<DayOfWeek, BusinessCalendar.Hours> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek dow : days) {
            week.put(dow, new BusinessCalendar.Hours(open, close));
        }
        BusinessCalendar calendar = week.isEmpty() ? d.calendar() : new BusinessCalendar(zone, week, off);

        Map<Priority, SlaTargets> targets = new EnumMap<>(Priority.class);
        SlaPolicy standard = SlaPolicy.standard(calendar);
        for (Priority p : Priority.values()) {
            targets.put(p, standard.targets().get(p));
        }
        for (Map.Entry<String, Map<String, String>> e : sla.entrySet()) {
            Priority p;
            try {
                p = Priority.valueOf(e.getKey().toUpperCase());
            } catch (IllegalArgumentException ex) {
                errors.add("sla." + e.getKey() + ": not a priority (P1, P2, P3, P4)");
                continue;
            }
            SlaTargets base = targets.get(p);
            Map<String, String> t = e.getValue();
            for (String k : t.keySet()) {
                if (!List.of("acknowledgement", "first-response", "next-update", "resolution").contains(k)) {
                    errors.add("unknown setting 'sla." + e.getKey() + "." + k + "' (known here: acknowledgement, first-response, next-update, resolution)");
                }
            }
            try {
                targets.put(p, new SlaTargets(dur(t, "acknowledgement", base.acknowledgement(), "sla." + e.getKey(), errors),
                        dur(t, "first-response", base.firstResponse(), "sla." + e.getKey(), errors),
                        dur(t, "next-update", base.nextUpdate(), "sla." + e.getKey(), errors),
                        dur(t, "resolution", base.resolution(), "sla." + e.getKey(), errors)));
            } catch (IllegalArgumentException ex) {
                errors.add("sla." + e.getKey() + ": " + ex.getMessage());
            }
        }
        double warn = 0.8;
        if (warnAt != null) {
            try {
                warn = Double.parseDouble(warnAt);
                if (warn <= 0 || warn >= 1) {
                    errors.add("sla.warn-at: between 0 and 1 (for example 0.8), got " + warnAt);
                    warn = 0.8;
                }
            } catch (NumberFormatException ex) {
                errors.add("sla.warn-at: not a number: '" + warnAt + "'");
            }
        }
        SlaPolicy policy = new SlaPolicy(targets, warn, calendar);

        Map<Category, String> teams = new LinkedHashMap<>();
        String fallback = "front-desk";
        for (Map.Entry<String, String> e : routing.entrySet()) {
            if (e.getValue() == null || e.getValue().isBlank()) {
                errors.add("routing." + e.getKey() + ": name the team");
            } else if (e.getKey().equals("default")) {
                fallback = e.getValue();
            } else {
                teams.put(new Category(e.getKey()), e.getValue());
            }
        }

        String cur = currency == null ? "EUR" : currency.strip().toUpperCase();
        if (!cur.matches("[A-Z]{3}")) {
            errors.add("remedies.currency: a three-letter currency code such as EUR, got '" + currency + "'");
            cur = "EUR";
        }
        Map<Role, Money> capMap = new EnumMap<>(Role.class);
        capMap.put(Role.AGENT, Money.of("50", cur));
        capMap.put(Role.SENIOR, Money.of("200", cur));
        capMap.put(Role.SUPERVISOR, Money.of("1000", cur));
        roleAmounts(caps, "remedies.caps.", cur, capMap, errors);
        Map<Role, Money> dailyMap = new EnumMap<>(Role.class);
        roleAmounts(dailyCaps, "remedies.daily-caps.", cur, dailyMap, errors);
        for (String k : escalation.keySet()) {
            if (!List.of("stuck-after", "stuck-floor", "on-sla-breach", "on-broken-promise").contains(k)) {
                errors.add("unknown setting 'escalation." + k + "' (known here: on-broken-promise, on-sla-breach, stuck-after, stuck-floor)");
            }
        }
        Duration stuckAfter = escalation.containsKey("stuck-after")
                ? dur(escalation, "stuck-after", Duration.ofHours(16), "escalation", errors) : Duration.ofHours(16);
        return new Policies(calendar, policy, new RoutingTable(teams, fallback),
                new RemedyCatalogue(Set.of(RemedyKind.values()), capMap, dailyMap, cur), escalation(escalation, errors), stuckAfter);
    }

    /** Amounts by role ("none" removes one), read into {@code into}; what is wrong is added to {@code errors}. */
    private static void roleAmounts(Map<String, String> raw, String path, String cur, Map<Role, Money> into, List<String> errors) {
        for (Map.Entry<String, String> e : raw.entrySet()) {
            Role role;
            try {
                role = Role.valueOf(e.getKey().toUpperCase());
            } catch (IllegalArgumentException ex) {
                errors.add(path + e.getKey() + ": not a role (agent, senior, supervisor, executive)");
                continue;
            }
            if (e.getValue() == null || e.getValue().isBlank() || e.getValue().equals("none")) {
                into.remove(role);
                continue;
            }
            try {
                into.put(role, Money.of(e.getValue(), cur));
            } catch (RuntimeException ex) {
                errors.add(path + e.getKey() + ": not an amount: '" + e.getValue() + "'");
            }
        }
    }

    private static Duration dur(Map<String, String> t, String key, Duration fallback, String path, List<String> errors) {
        String v = t.get(key);
        if (v == null) {
            return fallback;
        }
        List<String> local = new java.util.ArrayList<>();
        Duration d = DeskConfig.parseDuration(v, path + "." + key, local);
        errors.addAll(local);
        return local.isEmpty() ? d : fallback;
    }

    private static LocalTime time(String s, String path, List<String> errors) {
        try {
            return LocalTime.parse(s.strip());
        } catch (DateTimeException e) {
            errors.add(path + ": not a time of day: '" + s + "' (write 09:00)");
            return LocalTime.of(9, 0);
        }
    }

    private static DayOfWeek day(String s) {
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d.name().toLowerCase().startsWith(s.toLowerCase()) && s.length() >= 3) {
                return d;
            }
        }
        return null;
    }
}
