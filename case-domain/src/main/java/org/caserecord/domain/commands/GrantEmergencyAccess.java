package org.caserecord.domain.commands;

import java.time.Instant;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.caserecord.domain.model.Phi;

/**
 * Break-glass: a case manager not assigned to the case reads it for a limited time, for a stated
 * reason. {@code userId} is the signed-in caller, never taken from a request body.
 */
public record GrantEmergencyAccess(
        @TargetAggregateIdentifier UUID caseId,
        UUID grantId,
        String userId,
        @Phi String reason,
        Instant expiresAt) {
}
