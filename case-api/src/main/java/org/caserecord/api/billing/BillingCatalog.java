package org.caserecord.api.billing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.caserecord.api.billing.BillingProperties.Payer;
import org.caserecord.api.billing.BillingProperties.Service;
import org.caserecord.api.billing.BillingProperties.Staff;
import org.caserecord.domain.billing.UnitRounding;
import org.springframework.stereotype.Component;

/** Prices a billed meeting: units by the (payer's) rounding rule, charge, modifiers and rendering NPI. */
@Component
public class BillingCatalog {

    /** What one meeting bills under one payer. */
    public record Pricing(String code, int units, BigDecimal unitRate, BigDecimal charge, List<String> modifiers,
                          String renderingNpi) {
    }

    private final Map<String, Service> services;
    private final Map<String, Payer> payers;
    private final Map<String, Staff> staff;
    private final Map<String, String> modifiers;

    BillingCatalog(BillingProperties properties) {
        this.services = properties.services().stream()
                .collect(Collectors.toUnmodifiableMap(Service::code, Function.identity()));
        this.payers = Map.copyOf(properties.payers());
        this.staff = properties.staff().stream()
                .collect(Collectors.toUnmodifiableMap(Staff::userId, Function.identity(), (a, b) -> a));
        this.modifiers = Map.copyOf(properties.credentialModifiers());
    }

    public boolean bills(String serviceCode) {
        return services.containsKey(serviceCode);
    }

    public List<String> serviceCodes() {
        return services.keySet().stream().sorted().toList();
    }

    /**
     * The meeting's pricing for the payer (null payer: the catalog's rule and rate); empty when
     * the catalog no longer has the code.
     */
    public Optional<Pricing> price(String serviceCode, int minutes, String renderedBy, String payerId) {
        Service service = services.get(serviceCode);
        if (service == null) {
            return Optional.empty();
        }
        Payer payer = payerId == null ? null : payers.get(payerId);
        UnitRounding rounding = payer != null && payer.rounding() != null ? payer.rounding() : service.rounding();
        BigDecimal rate = payer != null && payer.rates().containsKey(serviceCode)
                ? payer.rates().get(serviceCode) : service.rate();
        int units = rounding.units(minutes, service.unitMinutes());
        Staff member = renderedBy == null ? null : staff.get(renderedBy);
        List<String> lineModifiers = member == null || member.credential() == null ? List.of()
                : List.of(modifiers.get(member.credential()));
        return Optional.of(new Pricing(serviceCode, units, rate,
                rate.multiply(BigDecimal.valueOf(units)).setScale(2, RoundingMode.HALF_UP), lineModifiers,
                member == null ? null : member.npi()));
    }
}
