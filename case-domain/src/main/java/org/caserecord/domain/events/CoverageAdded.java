package org.caserecord.domain.events;

import java.time.LocalDate;
import java.util.UUID;

import org.caserecord.domain.model.CoveragePriority;
import org.caserecord.domain.model.Phi;
import org.caserecord.domain.model.SubscriberRelationship;

/** The client is covered by a payer's plan from {@code effectiveFrom} (to {@code effectiveTo}, if set). */
public record CoverageAdded(
        UUID caseId,
        UUID coverageId,
        String payerId,
        String payerName,
        String planName,
        @Phi String memberId,
        @Phi String groupNumber,
        SubscriberRelationship subscriberRelationship,
        LocalDate effectiveFrom,
        LocalDate effectiveTo,
        CoveragePriority priority) implements CaseEvent {
}
