package org.caserecord.domain.billing;

/**
 * How the minutes of one meeting become billable units of a time-based service code whose
 * unit is {@code L} minutes (15 for T1016 and T1017). With {@code h = floor(L / 2)} and
 * {@code ceil(L / 2) = L - h}, "at least half a unit" means a remainder of at least
 * {@code ceil(L / 2)} minutes (8 for L = 15, since 7 is less than 7.5).
 *
 * <p>Integer arithmetic throughout, so no rounding mode can drift between callers.
 */
public enum UnitRounding {

    /**
     * Medicare's 8-minute rule applied to one code: round to the nearest whole unit, a half
     * unit or more rounding up. {@code units = floor((minutes + floor(L / 2)) / L)}.
     * For L = 15: 0–7 min = 0, 8–22 = 1, 23–37 = 2, 38–52 = 3, 53–67 = 4, 480 = 32.
     */
    CMS_8_MINUTE {
        @Override
        long roundedUnits(long minutes, long unitMinutes) {
            return (minutes + unitMinutes / 2) / unitMinutes;
        }
    },

    /**
     * The first unit is billable from the first minute; each later unit needs at least half a
     * unit beyond the previous full one. {@code units = 0} for 0 minutes, otherwise
     * {@code units = 1 + floor((minutes - ceil(L / 2)) / L)} clamped to at least 1, which equals
     * {@code max(1, floor((minutes + floor(L / 2)) / L))}: the second unit starts at
     * {@code L + ceil(L / 2)} minutes, the n-th at {@code (n - 1) * L + ceil(L / 2)}.
     * For L = 15: 0 min = 0, 1–22 = 1, 23–37 = 2, 38–52 = 3, 53–67 = 4, 480 = 32. It differs
     * from {@link #CMS_8_MINUTE} only below half a unit (1–7 min for L = 15).
     */
    FIRST_UNIT_ANY_MINUTE {
        @Override
        long roundedUnits(long minutes, long unitMinutes) {
            if (minutes == 0) {
                return 0;
            }
            return Math.max(1, CMS_8_MINUTE.roundedUnits(minutes, unitMinutes));
        }
    };

    /**
     * The billable units for a meeting of {@code minutes} under a code whose unit is
     * {@code unitMinutes} long.
     *
     * @throws IllegalArgumentException if minutes is negative or unitMinutes is less than 1
     */
    public final int units(int minutes, int unitMinutes) {
        if (minutes < 0) {
            throw new IllegalArgumentException("minutes must not be negative");
        }
        if (unitMinutes < 1) {
            throw new IllegalArgumentException("a unit must be at least one minute long");
        }
        // In long so minutes near Integer.MAX_VALUE cannot overflow; the result is at most minutes.
        return Math.toIntExact(roundedUnits(minutes, unitMinutes));
    }

    abstract long roundedUnits(long minutes, long unitMinutes);
}
