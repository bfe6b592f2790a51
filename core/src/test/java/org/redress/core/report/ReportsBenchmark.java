package org.redress.core.report;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.redress.core.complaint.Category;
import org.redress.core.complaint.Complaint;
import org.redress.core.complaint.Entry;
import org.redress.core.complaint.Priority;
import org.redress.core.complaint.Status;
import org.redress.core.customer.Customer;
import org.redress.core.promise.Promise;
import org.redress.core.remedy.Money;
import org.redress.core.remedy.Remedy;
import org.redress.core.remedy.RemedyCatalogue;
import org.redress.core.remedy.RemedyKind;
import org.redress.core.sla.SlaClocks;
import org.redress.core.sla.SlaPolicy;
import org.redress.core.staff.Actor;
import org.redress.core.time.BusinessCalendar;
import org.redress.core.triage.Signal;
import org.redress.core.triage.SignalCode;

/**
 * Times every report over N complaints held in memory (default 1,000,000), with their SLA clocks, a promise
 * for every other complaint and a remedy for every tenth. Run (see README):
 * <pre>
 * mvn -B -q -pl core test-compile
 * java -Xmx8g -cp core/target/classes:core/target/test-classes org.redress.core.report.ReportsBenchmark 1000000
 * </pre>
 * Prints the time of each report and of all of them together, for several rounds after a warm-up.
 */
public final class ReportsBenchmark {

    private ReportsBenchmark() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        ZoneId zone = ZoneId.of("Europe/Bucharest");
        BusinessCalendar calendar = BusinessCalendar.weekdays(zone, LocalTime.of(9, 0), LocalTime.of(17, 0), Set.of());
        SlaPolicy policy = SlaPolicy.standard(calendar);
        RemedyCatalogue catalogue = RemedyCatalogue.standard("EUR");
        String[] categories = {"billing", "technical", "delivery", "product", "service", "other"};
        String[] causes = {"courier", "tariff change", "network", "firmware", "staff"};
        Actor agent = Actor.agent("ana");
        Random random = new Random(42);
        Instant origin = Instant.parse("2025-01-01T08:00:00Z");

        long t0 = System.nanoTime();
        List<Complaint> complaints = new ArrayList<>(n);
        List<SlaClocks> clocks = new ArrayList<>(n);
        List<Promise> promises = new ArrayList<>(n / 2);
        List<Remedy> remedies = new ArrayList<>(n / 10);
        for (int i = 1; i <= n; i++) {
            Instant at = origin.plus(Duration.ofMinutes(random.nextInt(60 * 24 * 680)));
            List<Signal> signals = random.nextInt(20) == 0
                    ? List.of(new Signal(SignalCode.CHURN_RISK, "switch provider", 0, 15)) : List.of();
            Complaint c = Complaint.receive(new Complaint.Number(i), new Customer.Id(1 + random.nextInt(n / 3)), "email",
                    "s", new Category(categories[random.nextInt(categories.length)]), Priority.values()[random.nextInt(4)],
                    "en", signals, new Entry.CustomerMessage(at, "email", "m" + i, "c@x.org", "text", false));
            SlaClocks sla = SlaClocks.start(c.number(), c.priority(), at, policy);
            Instant ack = at.plus(Duration.ofMinutes(5 + random.nextInt(600)));
            c.transition(Status.ACKNOWLEDGED, agent, "", ack);
            sla.onTransition(Status.RECEIVED, Status.ACKNOWLEDGED, ack);
            if (random.nextInt(3) > 0) {
                Instant reply = ack.plus(Duration.ofHours(1 + random.nextInt(30)));
                c.append(new Entry.Reply(reply, agent, "r", Optional.empty()));
                sla.onReply(reply, Optional.empty());
                for (Status s : new Status[] {Status.ASSESSED, Status.RESPONDED, Status.DECISION_COMMUNICATED, Status.CLOSED}) {
                    c.transition(s, agent, "", reply);
                    sla.onTransition(c.status(), s, reply);
                }
                if (random.nextInt(10) == 0) {
                    c.transition(Status.REOPENED, agent, "", reply.plus(Duration.ofDays(2)));
                }
            }
            if (random.nextInt(4) == 0) {
                c.rootCause(causes[random.nextInt(causes.length)], agent, at);
            }
            if (i % 2 == 0) {
                Promise p = new Promise(new Promise.Id(i), c.number(), "agent" + random.nextInt(50), "call back", at,
                        at.plus(Duration.ofHours(2)), Promise.Source.REPLY);
                if (random.nextInt(5) > 0) {
                    p.keep(at.plus(Duration.ofMinutes(random.nextInt(180))));
                }
                promises.add(p);
            }
            if (i % 10 == 0) {
                remedies.add(catalogue.propose(new Remedy.Id(i), c, RemedyKind.REFUND, Money.of("100", "EUR"),
                        Money.of(String.valueOf(1 + random.nextInt(90)), "EUR"), agent, "refund", at));
            }
            complaints.add(c);
            clocks.add(sla);
        }
        System.out.printf("built %,d complaints, %,d promises, %,d remedies in %.1f s (heap used %d MB)%n", n,
                promises.size(), remedies.size(), (System.nanoTime() - t0) / 1e9,
                (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20);

        Instant now = origin.plus(Duration.ofDays(700));
        double[] totals = new double[rounds];
        for (int round = -2; round < rounds; round++) {
            long start = System.nanoTime();
            long a = System.nanoTime();
            Reports.WeakAreas weak = Reports.weakAreas(complaints, zone);
            long b = System.nanoTime();
            Map<?, Rate> sla = Reports.slaCompliance(clocks);
            long c = System.nanoTime();
            Map<String, Rate> kept = Reports.promiseKeeping(promises);
            long d = System.nanoTime();
            Rate reopen = Reports.reopenRate(complaints);
            Rate fcr = Reports.firstContactResolution(complaints);
            long e = System.nanoTime();
            List<Reports.CustomerRisk> risk = Reports.repeatAndChurnRisk(complaints, now, Duration.ofDays(90), id -> id);
            long f = System.nanoTime();
            Map<Category, Money> money = Reports.compensationByCategory(remedies);
            long g = System.nanoTime();
            double total = (g - start) / 1e9;
            if (round >= 0) {
                totals[round] = total;
            }
            System.out.printf("%s total %.3f s | weak areas %.3f, SLA %.3f, promises %.3f, reopen+FCR %.3f, "
                            + "repeat/churn %.3f, compensation %.3f | %d categories, %d SLA metrics, %d agents, reopen %s, "
                            + "FCR %s, %d customers at risk, %d categories paid%n",
                    round < 0 ? "warm-up" : "round " + (round + 1), total, (b - a) / 1e9, (c - b) / 1e9, (d - c) / 1e9,
                    (e - d) / 1e9, (f - e) / 1e9, (g - f) / 1e9, weak.byCategory().size(), sla.size(), kept.size(),
                    reopen, fcr, risk.size(), money.size());
        }
        Arrays.sort(totals);
        System.out.printf("all reports over %,d complaints: median %.3f s, best %.3f s, worst %.3f s%n", n,
                totals[rounds / 2], totals[0], totals[rounds - 1]);
    }
}
