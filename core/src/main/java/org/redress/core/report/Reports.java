package org.redress.core.report;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    public record Trend(Category category, YearMonth month, long previous, long latest) {
        public long change() {
            return latest - previous;
        }
    }

    public static WeakAreas weakAreas(Iterable<Complaint> complaints, ZoneId zone) {
        Map<Category, SortedMap<YearMonth, Long>> byCategory = new HashMap<>();
        Map<String, SortedMap<YearMonth, Long>> byRootCause = new HashMap<>();
        YearMonth latest = null;
        Map<Long, YearMonth> monthCache = new HashMap<>();
        for (Complaint c : complaints) {
            long epochDay = Math.floorDiv(c.receivedAt().getEpochSecond() + offsetSeconds(zone, c.receivedAt()), 86_400L);
            YearMonth month = monthCache.computeIfAbsent(epochDay,
                    d -> YearMonth.from(java.time.LocalDate.ofEpochDay(d)));
            byCategory.computeIfAbsent(c.category(), k -> new TreeMap<>()).merge(month, 1L, Long::sum);
            c.rootCause().ifPresent(r -> byRootCause.computeIfAbsent(r, k -> new TreeMap<>()).merge(month, 1L, Long::sum));
            if (latest == null || month.isAfter(latest)) {
                latest = month;
            }
        }
        List<Trend> trends = new ArrayList<>();
        if (latest != null) {
            YearMonth last = latest;
            byCategory.forEach((cat, months) -> trends.add(new Trend(cat, last,
                    months.getOrDefault(last.minusMonths(1), 0L), months.getOrDefault(last, 0L))));
            trends.sort(Comparator.comparingLong(Trend::change).reversed().thenComparing(t -> t.category().code()));
        }
        return new WeakAreas(byCategory, byRootCause, trends);
    }

    private static long offsetSeconds(ZoneId zone, Instant at) {
        return zone.getRules().getOffset(at).getTotalSeconds();
    }

    /** Stopped SLA clocks that met their target, per metric. */
    public static Map<SlaMetric, Rate> slaCompliance(Iterable<SlaClocks> clocks, Instant now) {
        Map<SlaMetric, Rate> rates = new EnumMap<>(SlaMetric.class);
        for (SlaClocks set : clocks) {
            for (SlaClock c : set.stopped()) {
                boolean met = c.state(now, set.policy().calendar(), set.policy().warnAt()) == SlaClock.State.MET;
                rates.merge(c.metric(), new Rate(met ? 1 : 0, 1), (a, b) -> new Rate(a.hits() + b.hits(), a.total() + b.total()));
            }
        }
        return rates;
    }

    /** Promises kept of those settled, per agent. */
    public static Map<String, Rate> promiseKeeping(Iterable<Promise> promises) {
        Map<String, Rate> rates = new TreeMap<>();
        for (Promise p : promises) {
            if (p.state() != Promise.State.OPEN) {
                rates.merge(p.owner(), new Rate(p.state() == Promise.State.KEPT ? 1 : 0, 1),
                        (a, b) -> new Rate(a.hits() + b.hits(), a.total() + b.total()));
            }
        }
        return rates;
    }

    /** Complaints reopened, of those ever closed. */
    public static Rate reopenRate(Iterable<Complaint> complaints) {
        long closed = 0;
        long reopened = 0;
        for (Complaint c : complaints) {
            if (c.closedAt().isPresent() || c.reopenCount() > 0) {
                closed++;
                if (c.reopenCount() > 0) {
                    reopened++;
                }
            }
        }
        return new Rate(reopened, closed);
    }

    /** Closed complaints settled by one reply to one contact, never reopened. */
    public static Rate firstContactResolution(Iterable<Complaint> complaints) {
        long closed = 0;
        long first = 0;
        for (Complaint c : complaints) {
            if (c.closedAt().isPresent()) {
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
        Map<Customer.Id, long[]> counts = new HashMap<>();
        Map<Customer.Id, Instant> last = new HashMap<>();
        for (Complaint c : complaints) {
            Customer.Id id = canonical.apply(c.customer());
            long[] n = counts.computeIfAbsent(id, k -> new long[3]);
            if (!c.receivedAt().isBefore(from)) {
                n[0]++;
            }
            if (c.status().isOpen()) {
                n[1]++;
                if (c.has(SignalCode.CHURN_RISK)) {
                    n[2] = 1;
                }
            }
            last.merge(id, c.receivedAt(), (a, b) -> a.isAfter(b) ? a : b);
        }
        List<CustomerRisk> risks = new ArrayList<>();
        counts.forEach((id, n) -> {
            boolean churn = n[2] == 1 || n[0] >= 3;
            if (n[0] >= 2 || churn) {
                risks.add(new CustomerRisk(id, n[0], n[1], churn, last.get(id)));
            }
        });
        risks.sort(Comparator.comparingLong(CustomerRisk::complaints).reversed()
                .thenComparing(r -> r.customer().value()));
        return risks;
    }

    /** Granted compensation per category. */
    public static Map<Category, Money> compensationByCategory(Iterable<Remedy> remedies) {
        Map<Category, Money> totals = new TreeMap<>(Comparator.comparing(Category::code));
        for (Remedy r : remedies) {
            if (r.state() == Remedy.State.GRANTED) {
                totals.merge(r.category(), r.offered(), Money::plus);
            }
        }
        return totals;
    }
}
