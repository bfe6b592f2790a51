package org.redress.core;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.redress.core.complaint.Category;
import org.redress.core.complaint.Complaint;
import org.redress.core.complaint.Entry;
import org.redress.core.complaint.Priority;
import org.redress.core.customer.Customer;
import org.redress.core.staff.Actor;
import org.redress.core.time.BusinessCalendar;
import org.redress.core.triage.Signal;

/** Shared test data: a desk in Bucharest working 09:00–17:00 on weekdays, and a fixed clock. */
public final class Fixtures {

    public static final ZoneId ZONE = ZoneId.of("Europe/Bucharest");
    /** Monday 23 November 2026, 10:00 in Bucharest. */
    public static final Instant MONDAY_10 = Instant.parse("2026-11-23T08:00:00Z");
    public static final Clock CLOCK = Clock.fixed(MONDAY_10, ZoneOffset.UTC);
    /** 1 December (Romania's national day) is a holiday. */
    public static final BusinessCalendar CALENDAR = BusinessCalendar.weekdays(ZONE, LocalTime.of(9, 0),
            LocalTime.of(17, 0), Set.of(LocalDate.of(2026, 12, 1)));
    public static final Actor ANA = Actor.agent("ana");
    public static final Actor SUPERVISOR = Actor.supervisor("sofia");

    private Fixtures() {
    }

    public static Instant local(String dateTime) {
        return java.time.LocalDateTime.parse(dateTime).atZone(ZONE).toInstant();
    }

    public static Complaint complaint(long number, long customer, String category, Instant at, List<Signal> signals) {
        return Complaint.receive(new Complaint.Number(number), new Customer.Id(customer), "email", "Subject " + number,
                new Category(category), Priority.P3, "en", signals,
                new Entry.CustomerMessage(at, "email", "m" + number, "c" + customer + "@example.org", "Text of " + number, false));
    }

    public static Complaint complaint(long number, Instant at) {
        return complaint(number, 1, "billing", at, List.of());
    }
}
