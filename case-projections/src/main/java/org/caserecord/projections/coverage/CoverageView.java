package org.caserecord.projections.coverage;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.caserecord.domain.model.CoveragePriority;
import org.caserecord.domain.model.SubscriberRelationship;

/** One insurance coverage of a case; {@code effectiveTo} null while open-ended, {@code ended} once ended. */
public record CoverageView(
        UUID coverageId,
        UUID caseId,
        String payerId,
        String payerName,
        String planName,
        String memberId,
        String groupNumber,
        SubscriberRelationship subscriberRelationship,
        LocalDate effectiveFrom,
        LocalDate effectiveTo,
        CoveragePriority priority,
        boolean ended,
        Instant recordedAt) {

    /** Whether the coverage covers {@code day}. */
    public boolean activeOn(LocalDate day) {
        return !day.isBefore(effectiveFrom) && (effectiveTo == null || !day.isAfter(effectiveTo));
    }
}
