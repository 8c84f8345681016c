package org.caserecord.domain.events;

import java.time.LocalDate;
import java.util.UUID;

import org.caserecord.domain.model.Phi;

public record FollowUpScheduled(UUID caseId, UUID followUpId, LocalDate dueOn, @Phi String purpose)
        implements CaseEvent {
}
