package org.caserecord.domain.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.caserecord.domain.billing.UnitRounding.CMS_8_MINUTE;
import static org.caserecord.domain.billing.UnitRounding.FIRST_UNIT_ANY_MINUTE;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class UnitRoundingTest {

    private static final int FIFTEEN_MINUTES = 15;

    @ParameterizedTest(name = "{0} min -> {1} units")
    @CsvSource({
            "0, 0", "1, 0", "7, 0", "8, 1", "15, 1", "22, 1", "23, 2", "30, 2",
            "37, 2", "38, 3", "52, 3", "53, 4", "480, 32"})
    void cms8MinuteRuleNeedsHalfAUnitForEachUnit(int minutes, int expectedUnits) {
        assertThat(CMS_8_MINUTE.units(minutes, FIFTEEN_MINUTES)).isEqualTo(expectedUnits);
    }

    @ParameterizedTest(name = "{0} min -> {1} units")
    @CsvSource({
            "0, 0", "1, 1", "7, 1", "8, 1", "15, 1", "22, 1", "23, 2", "30, 2",
            "37, 2", "38, 3", "52, 3", "53, 4", "480, 32"})
    void firstUnitAnyMinuteBillsTheFirstUnitFromOneMinuteAndLaterOnesFromHalfAUnit(
            int minutes, int expectedUnits) {
        assertThat(FIRST_UNIT_ANY_MINUTE.units(minutes, FIFTEEN_MINUTES)).isEqualTo(expectedUnits);
    }

    @ParameterizedTest(name = "{0} min -> {1} units")
    @CsvSource({"7, 0", "8, 1", "23, 1", "24, 2", "39, 2", "40, 3"})
    void anEvenUnitLengthRoundsUpAtExactlyHalf(int minutes, int expectedUnits) {
        assertThat(CMS_8_MINUTE.units(minutes, 16)).isEqualTo(expectedUnits);
    }

    @Test
    void aOneMinuteUnitBillsEveryMinute() {
        assertThat(CMS_8_MINUTE.units(37, 1)).isEqualTo(37);
        assertThat(FIRST_UNIT_ANY_MINUTE.units(37, 1)).isEqualTo(37);
    }

    @ParameterizedTest
    @EnumSource(UnitRounding.class)
    void theLongestPossibleMeetingDoesNotOverflow(UnitRounding rounding) {
        assertThat(rounding.units(Integer.MAX_VALUE, 2)).isEqualTo(1 << 30);
    }

    @ParameterizedTest
    @EnumSource(UnitRounding.class)
    void negativeMinutesAreRejected(UnitRounding rounding) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> rounding.units(-1, FIFTEEN_MINUTES))
                .withMessage("minutes must not be negative");
    }

    @ParameterizedTest
    @EnumSource(UnitRounding.class)
    void aUnitShorterThanOneMinuteIsRejected(UnitRounding rounding) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> rounding.units(30, 0))
                .withMessage("a unit must be at least one minute long");
        assertThatIllegalArgumentException().isThrownBy(() -> rounding.units(30, -15));
    }

    @Property
    void unitsNeverDecreaseAsMinutesGrow(@ForAll UnitRounding rounding,
            @ForAll @IntRange(min = 0, max = 100_000) int minutes,
            @ForAll @IntRange(min = 1, max = 120) int unitMinutes) {
        assertThat(rounding.units(minutes + 1, unitMinutes))
                .isGreaterThanOrEqualTo(rounding.units(minutes, unitMinutes));
    }

    @Property
    void cms8MinuteRuleNeverBillsMoreThanFirstUnitAnyMinute(
            @ForAll @IntRange(min = 0, max = 100_000) int minutes,
            @ForAll @IntRange(min = 1, max = 120) int unitMinutes) {
        assertThat(CMS_8_MINUTE.units(minutes, unitMinutes))
                .isLessThanOrEqualTo(FIRST_UNIT_ANY_MINUTE.units(minutes, unitMinutes));
    }

    @Property
    void cms8MinuteRuleBillsWithinHalfAUnitOfTheMinutesMet(
            @ForAll @IntRange(min = 0, max = 100_000) int minutes,
            @ForAll @IntRange(min = 1, max = 120) int unitMinutes) {
        long billedMinutes = (long) CMS_8_MINUTE.units(minutes, unitMinutes) * unitMinutes;
        // |billed - met| <= L/2, doubled to stay in integers.
        assertThat(2 * Math.abs(billedMinutes - minutes)).isLessThanOrEqualTo(unitMinutes);
    }

    @Property
    void bothRulesAgreeFromHalfAUnitOn(
            @ForAll @IntRange(min = 0, max = 100_000) int minutes,
            @ForAll @IntRange(min = 1, max = 120) int unitMinutes) {
        int halfUnitRoundedUp = (unitMinutes + 1) / 2;
        int cms = CMS_8_MINUTE.units(minutes, unitMinutes);
        int firstUnit = FIRST_UNIT_ANY_MINUTE.units(minutes, unitMinutes);
        if (minutes >= halfUnitRoundedUp || minutes == 0) {
            assertThat(firstUnit).isEqualTo(cms);
        } else {
            assertThat(firstUnit).isEqualTo(1);
            assertThat(cms).isZero();
        }
    }

    @Property
    void firstUnitAnyMinuteStartsTheNthUnitAtNMinusOneUnitsPlusHalfAUnit(
            @ForAll @IntRange(min = 2, max = 500) int n,
            @ForAll @IntRange(min = 1, max = 120) int unitMinutes) {
        int start = (n - 1) * unitMinutes + (unitMinutes + 1) / 2;
        assertThat(FIRST_UNIT_ANY_MINUTE.units(start, unitMinutes)).isEqualTo(n);
        assertThat(FIRST_UNIT_ANY_MINUTE.units(start - 1, unitMinutes)).isEqualTo(n - 1);
    }
}
