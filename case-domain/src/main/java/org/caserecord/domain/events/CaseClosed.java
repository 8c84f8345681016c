package org.caserecord.domain.events;

import java.time.LocalDate;
import java.util.UUID;

import org.caserecord.domain.model.ClosureReason;
import org.caserecord.domain.model.Phi;

public record CaseClosed(
        UUID caseId,
        ClosureReason reason,
        @Phi String summary,
        LocalDate closedOn) implements CaseEvent {
}
