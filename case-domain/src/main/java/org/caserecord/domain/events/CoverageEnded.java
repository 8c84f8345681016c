package org.caserecord.domain.events;

import java.time.LocalDate;
import java.util.UUID;

/** The coverage's last covered day is {@code endedOn}. */
public record CoverageEnded(UUID caseId, UUID coverageId, LocalDate endedOn) implements CaseEvent {
}
