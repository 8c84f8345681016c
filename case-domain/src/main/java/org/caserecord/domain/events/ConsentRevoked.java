package org.caserecord.domain.events;

import java.time.LocalDate;
import java.util.UUID;

public record ConsentRevoked(UUID caseId, UUID consentId, LocalDate revokedOn) implements CaseEvent {
}
