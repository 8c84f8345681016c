package org.caserecord.domain.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class NpiTest {

    /*
     * Each checked by hand against the CMS worksheet (double alternate digits of the first nine
     * from the right, sum, add 24, check digit = distance to the next multiple of ten) as well as
     * by Luhn over 80840 + all ten digits. 1234567893 is the worked example in the CMS NPI
     * check-digit document.
     */
    @ParameterizedTest
    @ValueSource(strings = {"1234567893", "1245319599", "1003000126", "1679576722"})
    void aTenDigitNumberWithTheRightCheckDigitIsAnNpi(String value) {
        assertThat(Npi.isValid(value)).isTrue();
        assertThat(Npi.of(value).value()).isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "1234567890", "1234567891", "1234567892", "1234567894", "1234567899",
            "1245319590", "1245319598", "1003000120", "1003000127", "1679576721", "1679576723"})
    void aWrongCheckDigitIsRejectedWithoutEchoingTheValue(String value) {
        assertThat(Npi.isValid(value)).isFalse();
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Npi.of(value))
                .withMessage("the NPI check digit does not match")
                .withMessageNotContaining(value);
    }

    @Test
    void everyOtherLastDigitOfAValidNpiIsRejected() {
        String prefix = "123456789";
        for (char last = '0'; last <= '9'; last++) {
            assertThat(Npi.isValid(prefix + last)).as("last digit %s", last).isEqualTo(last == '3');
        }
    }

    @Test
    void swappingTwoAdjacentDigitsIsCaught() {
        assertThat(Npi.isValid("2134567893")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"123456789", "12345678931", " 1234567893", "1234567893 ", "1234 567893"})
    void aValueThatIsNotTenCharactersIsRejected(String value) {
        assertThat(Npi.isValid(value)).isFalse();
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Npi.of(value))
                .withMessage("an NPI must be exactly 10 digits")
                .withMessageNotContaining(value.strip());
    }

    @ParameterizedTest
    @ValueSource(strings = {"123456789A", "ABCDEFGHIJ", "12345 7893", "-123456789", "１２３４５６７８９３", "١٢٣٤٥٦٧٨٩٣"})
    void anythingButAsciiDigitsIsRejected(String value) {
        assertThat(Npi.isValid(value)).isFalse();
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Npi.of(value))
                .withMessage("an NPI must contain only the digits 0-9");
    }

    @ParameterizedTest
    @NullAndEmptySource
    void aMissingValueIsRejected(String value) {
        assertThat(Npi.isValid(value)).isFalse();
        assertThatIllegalArgumentException().isThrownBy(() -> Npi.of(value));
    }

    @Test
    void theConstructorEnforcesTheSameRulesAsOf() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Npi("1234567890"));
    }

    @Test
    void npisWithTheSameDigitsAreEqualAndShowTheirValue() {
        assertThat(Npi.of("1234567893")).isEqualTo(new Npi("1234567893"))
                .hasSameHashCodeAs(Npi.of("1234567893"))
                .isNotEqualTo(Npi.of("1245319599"));
        assertThat(Npi.of("1234567893").toString()).contains("1234567893");
    }
}
