package org.caserecord.domain.events;

import java.util.UUID;

public record CaseManagerReassigned(
        UUID caseId,
        String previousCaseManagerId,
        String caseManagerId,
        String reason) implements CaseEvent {
}
