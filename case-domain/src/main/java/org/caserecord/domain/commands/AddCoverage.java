package org.caserecord.domain.commands;

import java.time.LocalDate;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.caserecord.domain.model.CoveragePriority;
import org.caserecord.domain.model.Phi;
import org.caserecord.domain.model.SubscriberRelationship;

/** Record the client's insurance coverage with a payer; {@code effectiveTo} open-ended when null. */
public record AddCoverage(
        @TargetAggregateIdentifier UUID caseId,
        UUID coverageId,
        String payerId,
        String payerName,
        String planName,
        @Phi String memberId,
        @Phi String groupNumber,
        SubscriberRelationship subscriberRelationship,
        LocalDate effectiveFrom,
        LocalDate effectiveTo,
        CoveragePriority priority,
        @TargetAggregateVersion Long expectedVersion) {
}
