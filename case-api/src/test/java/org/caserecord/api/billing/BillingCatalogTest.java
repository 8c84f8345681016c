package org.caserecord.api.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.caserecord.api.billing.BillingCatalog.Pricing;
import org.caserecord.api.billing.BillingProperties.Payer;
import org.caserecord.api.billing.BillingProperties.Service;
import org.caserecord.api.billing.BillingProperties.Staff;
import org.caserecord.domain.billing.UnitRounding;
import org.junit.jupiter.api.Test;

/** The catalog prices by the payer's rule and rate where they differ, and refuses a bad setup at start-up. */
class BillingCatalogTest {

    private static final Service T1017 = new Service("T1017", "Targeted case management", 15,
            UnitRounding.CMS_8_MINUTE, new BigDecimal("22.75"));
    private static final Map<String, String> MODIFIERS = Map.of("MASTERS", "HO", "BACHELORS", "HN");

    private static BillingCatalog catalog(Map<String, Payer> payers, List<Staff> staff) {
        return new BillingCatalog(new BillingProperties(List.of(T1017), payers, staff, MODIFIERS));
    }

    @Test
    void aPayerMayBillByAnotherRuleAndRate() {
        BillingCatalog catalog = catalog(Map.of("MCD-CA", new Payer(UnitRounding.FIRST_UNIT_ANY_MINUTE,
                Map.of("T1017", new BigDecimal("21.00")))), List.of(new Staff("ada", "1245319599", "MASTERS")));

        Pricing standard = catalog.price("T1017", 5, "ada", "OTHER").orElseThrow();
        Pricing medicaid = catalog.price("T1017", 5, "ada", "MCD-CA").orElseThrow();

        assertThat(standard.units()).as("5 minutes under the 8-minute rule").isZero();
        assertThat(medicaid.units()).as("5 minutes, first unit from one minute").isEqualTo(1);
        assertThat(medicaid.charge()).isEqualByComparingTo("21.00");
        assertThat(medicaid.modifiers()).containsExactly("HO");
        assertThat(medicaid.renderingNpi()).isEqualTo("1245319599");
        assertThat(catalog.price("T1017", 23, null, null).orElseThrow().units()).isEqualTo(2);
        assertThat(catalog.price("T1017", 23, null, null).orElseThrow().modifiers()).isEmpty();
        assertThat(catalog.price("T1016", 23, null, null)).isEmpty();
    }

    @Test
    void aStaffNpiWithAWrongCheckDigitStopsTheStart() {
        assertThatThrownBy(() -> catalog(Map.of(), List.of(new Staff("ada", "1245319598", "MASTERS"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NPI")
                .hasMessageNotContaining("1245319598");
    }

    @Test
    void aMalformedCodeACredentialWithoutModifierOrAPayerRateForAnUnknownCodeStopsTheStart() {
        assertThatThrownBy(() -> new BillingCatalog(new BillingProperties(List.of(new Service("90837", "x", 15,
                UnitRounding.CMS_8_MINUTE, BigDecimal.ONE)), Map.of(), List.of(), MODIFIERS)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> catalog(Map.of(), List.of(new Staff("ada", "1245319599", "DOCTORATE"))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> catalog(Map.of("MCD-CA", new Payer(null, Map.of("T1016", BigDecimal.ONE))),
                List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
