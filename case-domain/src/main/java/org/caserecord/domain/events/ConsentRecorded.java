package org.caserecord.domain.events;

import java.time.LocalDate;
import java.util.UUID;

import org.caserecord.domain.model.ConsentScope;
import org.caserecord.domain.model.Phi;

public record ConsentRecorded(
        UUID caseId,
        UUID consentId,
        ConsentScope scope,
        @Phi String grantedTo,
        LocalDate grantedOn,
        LocalDate validUntil) implements CaseEvent {
}
