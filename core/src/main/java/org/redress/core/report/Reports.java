package org.redress.core.report;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.redress.core.complaint.Category;
import org.redress.core.complaint.Complaint;
import org.redress.core.customer.Customer;
import org.redress.core.promise.Promise;
import org.redress.core.remedy.Money;
import org.redress.core.remedy.Remedy;
import org.redress.core.sla.SlaClock;
import org.redress.core.sla.SlaClocks;
import org.redress.core.sla.SlaMetric;
import org.redress.core.triage.SignalCode;

/**
 * What complaints say about the company: each report is one pass over data in memory, with no side effects,
 * so the same figures come from the desk, the CLI and the benchmark.
 */
public final class Reports {

    private Reports() {
    }

    /** Complaints per category and root cause per month, and each category's change from the month before. */
    public record WeakAreas(Map<Category, SortedMap<YearMonth, Long>> byCategory,
                            Map<String, SortedMap<YearMonth, Long>> byRootCause, List<Trend> trends) {
    }

    /** A category's complaints in the latest month against the month before. */
    /**
     * A category's latest month against the one before. When the latest month is still running ({@code partial}),
     * both months are counted over the same days (the first days of each, up to the report's time), so a month half
     * gone is not compared with a whole one.
     */
    public record Trend(Category category, YearMonth month, long previous, long latest, boolean partial) {
        public Trend(Category category, YearMonth month, long previous, long latest) {
            this(category, month, previous, latest, false);
        }

        public long change() {
            return latest - previous;
        }
    }

    /**
     * As {@link #weakAreas(Iterable, ZoneId)}, with the trend of a month still running at {@code now} compared over
     * equal periods: this month up to now against the previous month up to the same day and time.
     */
    public static WeakAreas weakAreas(Iterable<Complaint> complaints, ZoneId zone, Instant now) {
        WeakAreas whole = weakAreas(complaints, zone);
        Optional<SameDays> days = sameDays(whole, zone, now);
        if (days.isEmpty()) {
            return whole;
        }
        Map<Category, long[]> counts = new HashMap<>();
        for (Complaint c : complaints) {
            counts.computeIfAbsent(c.category(), k -> new long[2]);
            long[] n = counts.get(c.category());
            Instant r = c.receivedAt();
            if (!r.isBefore(days.get().lastStart()) && r.isBefore(days.get().lastEnd())) {
                n[0]++;
            } else if (!r.isBefore(days.get().thisStart()) && !r.isAfter(now)) {
                n[1]++;
            }
        }
        return overSameDays(whole, counts);
    }

    /**
     * The periods a running month's trend compares: the previous month from its start up to the same day and time
     * ({@code [lastStart, lastEnd)}), and this month from its start up to now ({@code [thisStart, now]}).
     */
    public record SameDays(Instant lastStart, Instant lastEnd, Instant thisStart) {
    }

    /** The periods to count again when the latest month of {@code whole} is still running at {@code now}, or empty. */
    public static Optional<SameDays> sameDays(WeakAreas whole, ZoneId zone, Instant now) {
        java.time.ZonedDateTime at = now.atZone(zone);
        YearMonth running = YearMonth.from(at);
        if (whole.trends().isEmpty() || !whole.trends().get(0).month().equals(running)) {
            return Optional.empty();
        }
        YearMonth before = running.minusMonths(1);
        // the same day and time of the previous month (its last day, when it is shorter)
        return Optional.of(new SameDays(before.atDay(1).atStartOfDay(zone).toInstant(),
                before.atDay(Math.min(at.getDayOfMonth(), before.lengthOfMonth())).atTime(at.toLocalTime()).atZone(zone).toInstant(),
                running.atDay(1).atStartOfDay(zone).toInstant()));
    }

    /** The trends of {@code whole} counted again over the same days: per category, {previous month's, this month's}. */
    public static WeakAreas overSameDays(WeakAreas whole, Map<Category, long[]> counts) {
        List<Trend> trends = new ArrayList<>();
        for (Trend t : whole.trends()) {
            long[] n = counts.getOrDefault(t.category(), new long[2]);
            trends.add(new Trend(t.category(), t.month(), n[0], n[1], true));
        }
        trends.sort(Comparator.comparingLong(Trend::change).reversed().thenComparing(t -> t.category().code()));
        return new WeakAreas(whole.byCategory(), whole.byRootCause(), trends);
    }

    /**
     * Weak areas from counts already made (by a database's aggregate query, say): complaints per category and month,
     * and each category's latest month against the one before.
     */
    public static WeakAreas weakAreas(Map<Category, SortedMap<YearMonth, Long>> byCategory, Map<String, SortedMap<YearMonth, Long>> byRootCause) {
        List<Trend> trends = new ArrayList<>();
        YearMonth last = byCategory.values().stream().filter(m -> !m.isEmpty()).map(SortedMap::lastKey).max(Comparator.naturalOrder())
                .orElse(null);
        if (last != null) {
            byCategory.forEach((cat, months) -> trends.add(new Trend(cat, last,
                    months.getOrDefault(last.minusMonths(1), 0L), months.getOrDefault(last, 0L))));
            trends.sort(Comparator.comparingLong(Trend::change).reversed().thenComparing(t -> t.category().code()));
        }
        return new WeakAreas(byCategory, byRootCause, trends);
    }

    public static WeakAreas weakAreas(Iterable<Complaint> complaints, ZoneId zone) {
        Map<Category, MonthCounts> categories = new HashMap<>();
        Map<String, MonthCounts> causes = new HashMap<>();
        for (Complaint c : complaints) {
            Instant at = c.receivedAt();
            int month = monthKey(Math.floorDiv(at.getEpochSecond() + offsetSeconds(zone, at), 86_400L));
            MonthCounts counts = categories.get(c.category());
            if (counts == null) {
                counts = new MonthCounts();
                categories.put(c.category(), counts);
            }
            counts.add(month);
            Optional<String> cause = c.rootCause();
            if (cause.isPresent()) {
                causes.computeIfAbsent(cause.get(), k -> new MonthCounts()).add(month);
            }
        }
        Map<Category, SortedMap<YearMonth, Long>> byCategory = new HashMap<>();
        categories.forEach((k, v) -> byCategory.put(k, v.toMap()));
        Map<String, SortedMap<YearMonth, Long>> byRootCause = new HashMap<>();
        causes.forEach((k, v) -> byRootCause.put(k, v.toMap()));
        return weakAreas(byCategory, byRootCause);
    }

    /** year * 12 + (month - 1) of an epoch day, by Howard Hinnant's civil-from-days arithmetic (no objects). */
    static int monthKey(long epochDay) {
        long z = epochDay + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long doe = z - era * 146_097;
        long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        long y = yoe + era * 400;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        long m = mp < 10 ? mp + 3 : mp - 9;
        return (int) ((m <= 2 ? y + 1 : y) * 12 + (m - 1));
    }

    /** Counts per month key, in a growing array. */
    private static final class MonthCounts {
        private int base = Integer.MIN_VALUE;
        private long[] counts = new long[0];

        void add(int month) {
            if (base == Integer.MIN_VALUE) {
                base = month;
                counts = new long[24];
            }
            if (month < base) {
                long[] grown = new long[counts.length + (base - month)];
                System.arraycopy(counts, 0, grown, base - month, counts.length);
                counts = grown;
                base = month;
            }
            if (month - base >= counts.length) {
                counts = Arrays.copyOf(counts, Math.max(counts.length * 2, month - base + 1));
            }
            counts[month - base]++;
        }

        SortedMap<YearMonth, Long> toMap() {
            SortedMap<YearMonth, Long> map = new TreeMap<>();
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] > 0) {
                    int key = base + i;
                    map.put(YearMonth.of(Math.floorDiv(key, 12), Math.floorMod(key, 12) + 1), counts[i]);
                }
            }
            return map;
        }
    }

    private static long offsetSeconds(ZoneId zone, Instant at) {
        return zone.getRules().getOffset(at).getTotalSeconds();
    }

    /** Stopped SLA clocks that met their target, per metric. */
    /**
     * As {@link #slaCompliance(Iterable)}, and a clock still running past its deadline at {@code now} counts as
     * missed: a desk full of breaches must not read as 100% because none of them has stopped yet.
     */
    public static Map<SlaMetric, Rate> slaCompliance(Iterable<SlaClocks> clocks, Instant now) {
        Map<SlaMetric, Rate> stopped = slaCompliance(clocks);
        long[] late = new long[SlaMetric.values().length];
        for (SlaClocks set : clocks) {
            for (SlaMetric m : SlaMetric.values()) {
                set.clock(m).filter(c -> !c.isStopped()).ifPresent(c -> {
                    if (set.state(m, now).orElse(null) == SlaClock.State.BREACHED) {
                        late[m.ordinal()]++;
                    }
                });
            }
        }
        Map<SlaMetric, Rate> rates = new EnumMap<>(SlaMetric.class);
        for (SlaMetric m : SlaMetric.values()) {
            Rate r = stopped.getOrDefault(m, new Rate(0, 0));
            if (r.total() + late[m.ordinal()] > 0) {
                rates.put(m, new Rate(r.hits(), r.total() + late[m.ordinal()]));
            }
        }
        return rates;
    }

    public static Map<SlaMetric, Rate> slaCompliance(Iterable<SlaClocks> clocks) {
        long[][] counts = new long[SlaMetric.values().length][2];
        for (SlaClocks set : clocks) {
            set.forEachStopped(c -> {
                long[] r = counts[c.metric().ordinal()];
                r[1]++;
                if (c.met().orElse(false)) {
                    r[0]++;
                }
            });
        }
        Map<SlaMetric, Rate> rates = new EnumMap<>(SlaMetric.class);
        for (SlaMetric m : SlaMetric.values()) {
            if (counts[m.ordinal()][1] > 0) {
                rates.put(m, new Rate(counts[m.ordinal()][0], counts[m.ordinal()][1]));
            }
        }
        return rates;
    }

    /** Promises kept of those settled, per agent. */
    public static Map<String, Rate> promiseKeeping(Iterable<Promise> promises) {
        Map<String, long[]> counts = new HashMap<>();
        for (Promise p : promises) {
            if (p.state() != Promise.State.OPEN) {
                long[] n = counts.computeIfAbsent(p.owner(), k -> new long[2]);
                n[1]++;
                if (p.state() == Promise.State.KEPT) {
                    n[0]++;
                }
            }
        }
        Map<String, Rate> rates = new TreeMap<>();
        counts.forEach((owner, n) -> rates.put(owner, new Rate(n[0], n[1])));
        return rates;
    }

    /** Complaints reopened, of those ever closed. */
    public static Rate reopenRate(Iterable<Complaint> complaints) {
        long closed = 0;
        long reopened = 0;
        for (Complaint c : complaints) {
            if (c.wasEverClosed()) {
                closed++;
                if (c.reopenCount() > 0) {
                    reopened++;
                }
            }
        }
        return new Rate(reopened, closed);
    }

    /** Complaints ever closed that were settled by one reply to one contact and never reopened. */
    public static Rate firstContactResolution(Iterable<Complaint> complaints) {
        long closed = 0;
        long first = 0;
        for (Complaint c : complaints) {
            if (c.wasEverClosed()) {
                closed++;
                if (c.reopenCount() == 0 && c.replies() <= 1 && c.customerContacts() <= 1) {
                    first++;
                }
            }
        }
        return new Rate(first, closed);
    }

    /** A customer who complains again, or may leave. */
    public record CustomerRisk(Customer.Id customer, long complaints, long open, boolean churnRisk, Instant lastComplaint) {
    }

    /**
     * Customers with two or more complaints received within {@code window} before {@code now}, and customers
     * at risk of leaving (a churn signal on any open complaint, or three complaints in the window).
     *
     * @param canonical maps a customer id to the customer it was merged into (identity when none were merged)
     */
    public static List<CustomerRisk> repeatAndChurnRisk(Iterable<Complaint> complaints, Instant now, Duration window,
                                                         UnaryOperator<Customer.Id> canonical) {
        Instant from = now.minus(window);
        Map<Customer.Id, CustomerTally> tallies = new HashMap<>();
        for (Complaint c : complaints) {
            Customer.Id id = canonical.apply(c.customer());
            CustomerTally t = tallies.get(id);
            if (t == null) {
                t = new CustomerTally();
                tallies.put(id, t);
            }
            Instant received = c.receivedAt();
            if (!received.isBefore(from)) {
                t.inWindow++;
            }
            if (c.status().isOpen()) {
                t.open++;
                t.churn |= c.has(SignalCode.CHURN_RISK);
            }
            if (t.last == null || received.isAfter(t.last)) {
                t.last = received;
            }
        }
        List<CustomerRisk> risks = new ArrayList<>();
        tallies.forEach((id, t) -> {
            boolean churn = t.churn || t.inWindow >= 3;
            if (t.inWindow >= 2 || churn) {
                risks.add(new CustomerRisk(id, t.inWindow, t.open, churn, t.last));
            }
        });
        risks.sort(Comparator.comparingLong(CustomerRisk::complaints).reversed()
                .thenComparing(r -> r.customer().value()));
        return risks;
    }

    private static final class CustomerTally {
        long inWindow;
        long open;
        boolean churn;
        Instant last;
    }

    /** Granted compensation per category. */
    public static Map<Category, Money> compensationByCategory(Iterable<Remedy> remedies) {
        Map<Category, Money> totals = new TreeMap<>(Comparator.comparing(Category::code));
        Map<Category, Map<String, java.math.BigDecimal[]>> sums = new HashMap<>();
        for (Remedy r : remedies) {
            if (r.state() == Remedy.State.GRANTED) {
                java.math.BigDecimal[] sum = sums.computeIfAbsent(r.category(), k -> new HashMap<>())
                        .computeIfAbsent(r.offered().currency(), k -> new java.math.BigDecimal[] {java.math.BigDecimal.ZERO});
                sum[0] = sum[0].add(r.offered().amount());
            }
        }
        sums.forEach((category, byCurrency) -> byCurrency.forEach((currency, sum) ->
                totals.merge(category, new Money(sum[0], currency), Money::plus)));
        return totals;
    }
}
