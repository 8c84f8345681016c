package org.caserecord.api.retention;

import org.caserecord.domain.retention.RetentionPolicy;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The clinic's retention policy (README "Records management"). The defaults are examples:
 * jurisdictions differ, so every number is a setting, checked at start-up.
 *
 * @param yearsAfterClosure  every record is kept this many years after its case closed
 * @param ageOfMajority      a client younger than this on the day of closure was a minor
 * @param yearsAfterMajority a minor's record is kept at least this many years after they reach majority
 */
@ConfigurationProperties("caserecord.retention")
public record RetentionProperties(
        @DefaultValue("7") int yearsAfterClosure,
        @DefaultValue("18") int ageOfMajority,
        @DefaultValue("7") int yearsAfterMajority) {

    public RetentionPolicy policy() {
        try {
            return new RetentionPolicy(yearsAfterClosure, ageOfMajority, yearsAfterMajority);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("caserecord.retention is invalid: " + e.getMessage(), e);
        }
    }
}
