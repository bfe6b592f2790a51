package org.redress.core.time;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * When the desk works: opening hours per weekday in one time zone, less holidays. SLA clocks and promise due
 * times count in it. Opening hours are one span per day (09:00–17:00, say); a day without a span is closed.
 */
public final class BusinessCalendar {

    /** Opening hours of one day; {@code close} after {@code open}. */
    public record Hours(LocalTime open, LocalTime close) {
        public Hours {
            if (!close.isAfter(open)) {
                throw new IllegalArgumentException("closing time " + close + " must be after opening time " + open);
            }
        }

        Duration length() {
            return Duration.between(open, close);
        }
    }

    private final ZoneId zone;
    private final Map<DayOfWeek, Hours> week;
    private final Set<LocalDate> holidays;

    public BusinessCalendar(ZoneId zone, Map<DayOfWeek, Hours> week, Set<LocalDate> holidays) {
        this.zone = Objects.requireNonNull(zone, "zone");
        this.week = new EnumMap<>(DayOfWeek.class);
        this.week.putAll(week);
        this.holidays = Set.copyOf(holidays);
        if (this.week.isEmpty()) {
            throw new IllegalArgumentException("a business calendar needs at least one working day");
        }
    }

    /** Monday to Friday, {@code open} to {@code close}, in {@code zone}. */
    public static BusinessCalendar weekdays(ZoneId zone, LocalTime open, LocalTime close, Set<LocalDate> holidays) {
        Map<DayOfWeek, Hours> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d != DayOfWeek.SATURDAY && d != DayOfWeek.SUNDAY) {
                week.put(d, new Hours(open, close));
            }
        }
        return new BusinessCalendar(zone, week, holidays);
    }

    /** Every hour of every day: for desks that never close, and for clock-time promises. */
    public static BusinessCalendar always(ZoneId zone) {
        Map<DayOfWeek, Hours> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) {
            week.put(d, new Hours(LocalTime.MIN, LocalTime.MAX));
        }
        return new BusinessCalendar(zone, week, Set.of());
    }

    public ZoneId zone() {
        return zone;
    }

    /** Opening hours of a date, or empty when the desk is closed that day. */
    public Optional<Hours> hours(LocalDate date) {
        return holidays.contains(date) ? Optional.empty() : Optional.ofNullable(week.get(date.getDayOfWeek()));
    }

    public boolean isWorkingDay(LocalDate date) {
        return hours(date).isPresent();
    }

    /** The instant {@code amount} of working time after {@code start}. */
    public Instant plus(Instant start, Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("cannot add a negative duration " + amount);
        }
        ZonedDateTime at = start.atZone(zone);
        Duration left = amount;
        LocalDate date = at.toLocalDate();
        LocalTime time = at.toLocalTime();
        for (int guard = 0; guard < 366 * 50; guard++) {
            Optional<Hours> h = hours(date);
            if (h.isPresent()) {
                LocalTime from = time.isBefore(h.get().open()) ? h.get().open() : time;
                if (from.isBefore(h.get().close())) {
                    Duration available = Duration.between(from, h.get().close());
                    if (left.compareTo(available) <= 0) {
                        return date.atTime(from).plus(left).atZone(zone).toInstant();
                    }
                    left = left.minus(available);
                }
            }
            date = date.plusDays(1);
            time = LocalTime.MIN;
        }
        throw new IllegalStateException("no working time within 50 years of " + start);
    }

    /** Working time between two instants (zero when {@code to} is not after {@code from}). */
    public Duration between(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        ZonedDateTime a = from.atZone(zone);
        ZonedDateTime b = to.atZone(zone);
        Duration total = Duration.ZERO;
        for (LocalDate date = a.toLocalDate(); !date.isAfter(b.toLocalDate()); date = date.plusDays(1)) {
            Optional<Hours> h = hours(date);
            if (h.isEmpty()) {
                continue;
            }
            LocalTime start = date.equals(a.toLocalDate()) ? max(a.toLocalTime(), h.get().open()) : h.get().open();
            LocalTime end = date.equals(b.toLocalDate()) ? min(b.toLocalTime(), h.get().close()) : h.get().close();
            if (end.isAfter(start)) {
                total = total.plus(Duration.between(start, end));
            }
        }
        return total;
    }

    /** The end of the working day on {@code date}, or of the next working day when it is closed. */
    public Instant closeOfBusiness(LocalDate date) {
        LocalDate d = date;
        for (int guard = 0; guard < 366; guard++) {
            Optional<Hours> h = hours(d);
            if (h.isPresent()) {
                return d.atTime(h.get().close()).atZone(zone).toInstant();
            }
            d = d.plusDays(1);
        }
        throw new IllegalStateException("no working day within a year of " + date);
    }

    /** The instant {@code days} working days after {@code start}, at the same working-time offset. */
    public Instant plusWorkingDays(Instant start, int days) {
        ZonedDateTime at = start.atZone(zone);
        LocalDate date = at.toLocalDate();
        int added = 0;
        while (added < days) {
            date = date.plusDays(1);
            if (isWorkingDay(date)) {
                added++;
            }
        }
        Hours h = hours(date).orElseThrow();
        LocalTime t = at.toLocalTime();
        LocalTime clamped = t.isBefore(h.open()) || t.isAfter(h.close()) || !isWorkingDay(at.toLocalDate())
                ? h.close() : t;
        return date.atTime(clamped).atZone(zone).toInstant();
    }

    private static LocalTime max(LocalTime a, LocalTime b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalTime min(LocalTime a, LocalTime b) {
        return a.isBefore(b) ? a : b;
    }
}
