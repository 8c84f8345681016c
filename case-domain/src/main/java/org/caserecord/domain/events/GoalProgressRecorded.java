package org.caserecord.domain.events;

import java.time.Instant;
import java.util.UUID;

import org.caserecord.domain.model.Phi;
import org.caserecord.domain.model.ProgressRating;

public record GoalProgressRecorded(
        UUID caseId,
        UUID progressId,
        UUID goalId,
        Instant occurredAt,
        ProgressRating rating,
        @Phi String note) implements CaseEvent, BusinessTimed {
}
