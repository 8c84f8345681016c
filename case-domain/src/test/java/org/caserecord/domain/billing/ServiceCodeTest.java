package org.caserecord.domain.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ServiceCodeTest {

    @ParameterizedTest
    @ValueSource(strings = {"T1016", "T1017", "H0006", "H2017", "G0155", "A0000", "V9999"})
    void aLetterAToVAndFourDigitsIsAServiceCode(String code) {
        assertThat(ServiceCode.of(code).code()).isEqualTo(code);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "W1016", "Z0000", "t1016", "90837", "T101", "T10166", "TT016", "T101A",
            " T1016", "T1016 ", "T 1016", "T-1016", "T１０１６"})
    void anythingElseIsRejected(String code) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ServiceCode.of(code))
                .withMessage("an HCPCS Level II code must be one letter A-V followed by four digits");
    }

    @ParameterizedTest
    @NullAndEmptySource
    void aMissingCodeIsRejected(String code) {
        assertThatIllegalArgumentException().isThrownBy(() -> ServiceCode.of(code));
    }

    @Test
    void codesWithTheSameTextAreEqual() {
        assertThat(ServiceCode.of("T1016")).isEqualTo(new ServiceCode("T1016"))
                .isNotEqualTo(ServiceCode.of("T1017"));
    }
}
