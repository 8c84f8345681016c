package org.caserecord.domain.events;

import java.time.LocalDate;
import java.util.UUID;

import org.caserecord.domain.model.Phi;

public record DiagnosisResolved(UUID caseId, UUID diagnosisId, LocalDate resolvedOn, @Phi String reason)
        implements CaseEvent {
}
