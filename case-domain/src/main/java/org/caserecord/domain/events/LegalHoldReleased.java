package org.caserecord.domain.events;

import java.util.UUID;

import org.caserecord.domain.model.Phi;

/** A legal hold no longer applies to the case. */
public record LegalHoldReleased(UUID caseId, UUID holdId, @Phi String reason) implements CaseEvent {
}
