package org.caserecord.api.billing;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.caserecord.domain.billing.Npi;
import org.caserecord.domain.billing.ServiceCode;
import org.caserecord.domain.billing.UnitRounding;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The clinic's billing setup (defaults in application.yml): the services it bills with their
 * unit length, rounding rule and rate per unit; per payer a different rule or rate; and per staff
 * member the NPI and the credential whose modifier goes on their lines. Checked at start-up: a
 * malformed code, an NPI with a wrong check digit or a credential without a modifier stops it.
 *
 * @param services            the billable service catalog
 * @param payers              rule and rates that differ for a payer, by payer id
 * @param staff               rendering providers: user id, NPI and credential
 * @param credentialModifiers the HCPCS modifier for each credential (e.g. MASTERS: HO)
 */
@ConfigurationProperties("caserecord.billing")
public record BillingProperties(
        @DefaultValue List<Service> services,
        @DefaultValue Map<String, Payer> payers,
        @DefaultValue List<Staff> staff,
        @DefaultValue Map<String, String> credentialModifiers) {

    public record Service(String code, String description, int unitMinutes, UnitRounding rounding, BigDecimal rate) {
    }

    /** What differs for one payer; null fields keep the catalog's. */
    public record Payer(UnitRounding rounding, @DefaultValue Map<String, BigDecimal> rates) {
    }

    public record Staff(String userId, String npi, String credential) {
    }

    public BillingProperties {
        Set<String> codes = new HashSet<>();
        for (Service service : services) {
            if (!ServiceCode.isWellFormed(service.code()) || !codes.add(service.code())) {
                throw new IllegalArgumentException("caserecord.billing.services: each code must be a distinct "
                        + "HCPCS Level II code (a letter A-V and four digits)");
            }
            if (service.unitMinutes() < 1 || service.rounding() == null || service.rate() == null
                    || service.rate().signum() < 0) {
                throw new IllegalArgumentException("caserecord.billing.services[" + service.code()
                        + "]: unit-minutes must be at least 1, rounding set, rate zero or more");
            }
        }
        payers.forEach((payerId, payer) -> payer.rates().forEach((code, rate) -> {
            if (!codes.contains(code) || rate == null || rate.signum() < 0) {
                throw new IllegalArgumentException("caserecord.billing.payers." + payerId
                        + ".rates: every code must be in the catalog with a rate of zero or more");
            }
        }));
        for (Staff member : staff) {
            if (member.userId() == null || member.userId().isBlank() || !Npi.isValid(member.npi())) {
                throw new IllegalArgumentException("caserecord.billing.staff: each member needs a user id and a "
                        + "10-digit NPI with a valid check digit");
            }
            if (member.credential() != null && !credentialModifiers.containsKey(member.credential())) {
                throw new IllegalArgumentException("caserecord.billing.staff[" + member.userId()
                        + "]: credential has no entry in caserecord.billing.credential-modifiers");
            }
        }
    }
}
