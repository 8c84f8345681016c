package org.caserecord.domain.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PlaceOfServiceTest {

    @ParameterizedTest
    @ValueSource(strings = {"01", "02", "09", "10", "11", "12", "53", "90", "99"})
    void twoDigitsFrom01To99AreAPlaceOfService(String code) {
        assertThat(PlaceOfService.of(code).code()).isEqualTo(code);
    }

    @ParameterizedTest
    @ValueSource(strings = {"00", "1", "2", "011", "100", "1a", "AB", " 1", "11 ", "-1", "+1", "１１"})
    void anythingElseIsRejected(String code) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> PlaceOfService.of(code))
                .withMessage("a place of service must be two digits from 01 to 99");
    }

    @ParameterizedTest
    @NullAndEmptySource
    void aMissingCodeIsRejected(String code) {
        assertThatIllegalArgumentException().isThrownBy(() -> PlaceOfService.of(code));
    }

    @Test
    void placesWithTheSameCodeAreEqual() {
        assertThat(PlaceOfService.of("12")).isEqualTo(new PlaceOfService("12"))
                .isNotEqualTo(PlaceOfService.of("11"));
    }
}
