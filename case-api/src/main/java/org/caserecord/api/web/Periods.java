package org.caserecord.api.web;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Bounds for dates and instants that filter queries: PostgreSQL and java.time disagree at the
 * far ends of their ranges, so a filter outside years 1900-9999 is refused with 400 rather than
 * failing deep in a query.
 */
public final class Periods {

    private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    private static final LocalDate LATEST = LocalDate.of(9999, 12, 31);
    private static final Instant EARLIEST_INSTANT = Instant.parse("1900-01-01T00:00:00Z");
    private static final Instant LATEST_INSTANT = Instant.parse("9999-12-31T23:59:59.999999Z");

    private Periods() {
    }

    /** Checks an optional period; from after to, or a bound out of range, is a 400. */
    public static void check(LocalDate from, LocalDate to) {
        inRange(from == null || !from.isBefore(EARLIEST) && !from.isAfter(LATEST), "from");
        inRange(to == null || !to.isBefore(EARLIEST) && !to.isAfter(LATEST), "to");
        ordered(from == null || to == null || !from.isAfter(to));
    }

    /** Checks an optional date filter named {@code name}. */
    public static void check(LocalDate date, String name) {
        inRange(date == null || !date.isBefore(EARLIEST) && !date.isAfter(LATEST), name);
    }

    /** Checks an optional period of instants, as {@link #check(LocalDate, LocalDate)}. */
    public static void check(Instant from, Instant to) {
        inRange(from == null || !from.isBefore(EARLIEST_INSTANT) && !from.isAfter(LATEST_INSTANT), "from");
        inRange(to == null || !to.isBefore(EARLIEST_INSTANT) && !to.isAfter(LATEST_INSTANT), "to");
        ordered(from == null || to == null || !from.isAfter(to));
    }

    static boolean inRange(LocalDate date) {
        return !date.isBefore(EARLIEST) && !date.isAfter(LATEST);
    }

    static boolean inRange(Instant instant) {
        return !instant.isBefore(EARLIEST_INSTANT) && !instant.isAfter(LATEST_INSTANT);
    }

    private static void inRange(boolean ok, String name) {
        if (!ok) {
            throw ApiException.badRequest("date-out-of-range", "Date out of range",
                    name + " must lie between the years 1900 and 9999.");
        }
    }

    private static void ordered(boolean ok) {
        if (!ok) {
            throw ApiException.badRequest("invalid-period", "Invalid period", "from must not be after to.");
        }
    }
}
