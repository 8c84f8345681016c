package org.caserecord.domain.retention;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.Period;

/**
 * How long a case record is kept after the case closes. An adult's record is kept until
 * {@code yearsAfterClosure} years after closure; a client who was a minor on the day of closure
 * has their record kept until the later of that date and {@code yearsAfterMajority} years after
 * reaching {@code ageOfMajority}. The record may be disposed of on the {@link #retainUntil} date.
 *
 * <p>Anniversaries of 29 February fall on 1 March in years without one: retention errs on the side
 * of keeping a record a day longer, never a day shorter.
 *
 * @param yearsAfterClosure  N: years after closure (every record)
 * @param ageOfMajority      the age at which a client stops being a minor
 * @param yearsAfterMajority M: years after a client who was a minor at closure reaches majority
 */
public record RetentionPolicy(int yearsAfterClosure, int ageOfMajority, int yearsAfterMajority) {

    private static final MonthDay LEAP_DAY = MonthDay.of(2, 29);

    public RetentionPolicy {
        if (yearsAfterClosure < 0 || yearsAfterClosure > 100) {
            throw new IllegalArgumentException("yearsAfterClosure must lie between 0 and 100");
        }
        if (ageOfMajority < 1 || ageOfMajority > 30) {
            throw new IllegalArgumentException("ageOfMajority must lie between 1 and 30");
        }
        if (yearsAfterMajority < 0 || yearsAfterMajority > 100) {
            throw new IllegalArgumentException("yearsAfterMajority must lie between 0 and 100");
        }
    }

    /** Seven years after closure; minors until seven years after they turn eighteen if that is later. */
    public static RetentionPolicy defaults() {
        return new RetentionPolicy(7, 18, 7);
    }

    /** Whether the client had not yet reached the age of majority on the day the case closed. */
    public boolean minorAt(LocalDate closedOn, LocalDate dateOfBirth) {
        return closedOn.isBefore(anniversary(dateOfBirth, ageOfMajority));
    }

    /** The first day on which the record may be disposed of. */
    public LocalDate retainUntil(LocalDate closedOn, LocalDate dateOfBirth) {
        LocalDate afterClosure = anniversary(closedOn, yearsAfterClosure);
        if (dateOfBirth == null || !minorAt(closedOn, dateOfBirth)) {
            return afterClosure;
        }
        LocalDate afterMajority = anniversary(dateOfBirth, ageOfMajority + yearsAfterMajority);
        return afterMajority.isAfter(afterClosure) ? afterMajority : afterClosure;
    }

    /** The same calendar day {@code years} later; 29 February becomes 1 March in common years. */
    static LocalDate anniversary(LocalDate date, int years) {
        LocalDate plain = date.plus(Period.ofYears(years));
        if (MonthDay.from(date).equals(LEAP_DAY) && !plain.isLeapYear()) {
            return plain.plusDays(1);
        }
        return plain;
    }
}
