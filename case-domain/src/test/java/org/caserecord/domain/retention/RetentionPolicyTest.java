package org.caserecord.domain.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The retention arithmetic under the default policy (7 years; minors: 7 years after turning 18). */
class RetentionPolicyTest {

    private static final RetentionPolicy DEFAULTS = RetentionPolicy.defaults();

    @Test
    void anAdultsRecordIsKeptSevenYearsAfterClosure() {
        assertThat(DEFAULTS.retainUntil(LocalDate.of(2026, 3, 10), LocalDate.of(1990, 4, 2)))
                .isEqualTo(LocalDate.of(2033, 3, 10));
    }

    @ParameterizedTest(name = "born {0}, closed {1}: minor {2}, kept until {3}")
    @CsvSource({
            // a young child: majority + 7 years is much later than closure + 7 years
            "2016-05-20, 2026-03-10, true,  2041-05-20",
            // turns 18 the day after closure: still a minor on the day of closure
            "2008-03-11, 2026-03-10, true,  2033-03-11",
            // turns 18 on the day of closure: an adult that day
            "2008-03-10, 2026-03-10, false, 2033-03-10",
            // turns 18 two days after closure
            "2008-03-12, 2026-03-10, true,  2033-03-12",
            // eleven years old at closure
            "2015-01-01, 2026-03-10, true,  2040-01-01",
            // born on the day the case closed (an infant's case)
            "2026-03-10, 2026-03-10, true,  2051-03-10"
    })
    void aMinorsRecordIsKeptUntilTheLaterOfTheTwoDates(LocalDate born, LocalDate closed, boolean minor,
                                                       LocalDate until) {
        assertThat(DEFAULTS.minorAt(closed, born)).isEqualTo(minor);
        assertThat(DEFAULTS.retainUntil(closed, born)).isEqualTo(until);
    }

    @Test
    void closureYearsWinWhenTheyEndLaterThanTheMinorsYears() {
        // 3 years after majority, but 10 years after closure: a 17-year-old's record is kept 10 years.
        RetentionPolicy policy = new RetentionPolicy(10, 18, 3);
        assertThat(policy.retainUntil(LocalDate.of(2026, 3, 10), LocalDate.of(2008, 6, 1)))
                .isEqualTo(LocalDate.of(2036, 3, 10));
    }

    @Test
    void everyNumberIsConfigurable() {
        RetentionPolicy policy = new RetentionPolicy(10, 21, 3);
        // 19 at closure: a minor where majority is 21; kept until the later of 2036-03-10 and 2031-08-01.
        assertThat(policy.minorAt(LocalDate.of(2026, 3, 10), LocalDate.of(2007, 8, 1))).isTrue();
        assertThat(policy.retainUntil(LocalDate.of(2026, 3, 10), LocalDate.of(2007, 8, 1)))
                .isEqualTo(LocalDate.of(2036, 3, 10));
        assertThat(new RetentionPolicy(2, 21, 10).retainUntil(LocalDate.of(2026, 3, 10), LocalDate.of(2007, 8, 1)))
                .isEqualTo(LocalDate.of(2038, 8, 1));
    }

    @Test
    void aLeapDayClosureIsKeptUntilTheFirstOfMarchInACommonYear() {
        assertThat(DEFAULTS.retainUntil(LocalDate.of(2028, 2, 29), LocalDate.of(1980, 1, 1)))
                .isEqualTo(LocalDate.of(2035, 3, 1));
        // ... and until 29 February when the later year has one.
        assertThat(new RetentionPolicy(8, 18, 7).retainUntil(LocalDate.of(2028, 2, 29), LocalDate.of(1980, 1, 1)))
                .isEqualTo(LocalDate.of(2036, 2, 29));
    }

    @Test
    void aClientBornOnALeapDayComesOfAgeOnTheFirstOfMarchInACommonYear() {
        LocalDate born = LocalDate.of(2008, 2, 29);
        // 2026 has no 29 February: still 17 on the 28th, 18 on 1 March.
        assertThat(DEFAULTS.minorAt(LocalDate.of(2026, 2, 28), born)).isTrue();
        assertThat(DEFAULTS.minorAt(LocalDate.of(2026, 3, 1), born)).isFalse();
        assertThat(DEFAULTS.retainUntil(LocalDate.of(2026, 2, 28), born)).isEqualTo(LocalDate.of(2033, 3, 1));
    }

    @Test
    void withoutADateOfBirthOnlyTheClosureCounts() {
        assertThat(DEFAULTS.retainUntil(LocalDate.of(2026, 3, 10), null)).isEqualTo(LocalDate.of(2033, 3, 10));
    }

    @Test
    void nonsenseSettingsAreRefused() {
        assertThatThrownBy(() -> new RetentionPolicy(-1, 18, 7)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetentionPolicy(7, 0, 7)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetentionPolicy(7, 18, -2)).isInstanceOf(IllegalArgumentException.class);
    }
}
