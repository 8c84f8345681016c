package org.caserecord.domain.events;

import java.util.UUID;

import org.caserecord.domain.model.Phi;

public record FamilyMemberAdded(
        UUID caseId,
        UUID memberId,
        @Phi String name,
        String relationship,
        @Phi String contact,
        boolean involvedInTreatment) implements CaseEvent {
}
