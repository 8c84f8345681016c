package org.caserecord.domain.events;

import java.util.UUID;
import org.caserecord.domain.model.Phi;

public record CaseManagerReassigned(
        UUID caseId,
        String previousCaseManagerId,
        String caseManagerId,
        @Phi String reason) implements CaseEvent {
}
