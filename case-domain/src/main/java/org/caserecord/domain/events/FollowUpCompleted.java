package org.caserecord.domain.events;

import java.time.Instant;
import java.util.UUID;

import org.caserecord.domain.model.Phi;

public record FollowUpCompleted(
        UUID caseId,
        UUID followUpId,
        Instant occurredAt,
        @Phi String outcome,
        Boolean clientSatisfiedWithTreatment) implements CaseEvent, BusinessTimed {
}
