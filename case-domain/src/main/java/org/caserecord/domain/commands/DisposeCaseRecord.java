package org.caserecord.domain.commands;

import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Dispose of a closed case's record once its retention period has ended and no legal hold
 * applies. The caller destroys the case's data key in the same transaction.
 */
public record DisposeCaseRecord(
        @TargetAggregateIdentifier UUID caseId,
        String reason,
        @TargetAggregateVersion Long expectedVersion) {
}
