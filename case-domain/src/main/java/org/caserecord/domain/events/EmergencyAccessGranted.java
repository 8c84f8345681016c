package org.caserecord.domain.events;

import java.time.Instant;
import java.util.UUID;

import org.caserecord.domain.model.Phi;

/** A case manager not assigned to the case was given read access until {@code expiresAt} (break-glass). */
public record EmergencyAccessGranted(
        UUID caseId,
        UUID grantId,
        String userId,
        @Phi String reason,
        Instant expiresAt) implements CaseEvent {
}
