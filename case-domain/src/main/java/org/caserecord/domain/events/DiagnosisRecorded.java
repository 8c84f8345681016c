package org.caserecord.domain.events;

import java.time.LocalDate;
import java.util.UUID;

import org.caserecord.domain.model.Phi;

public record DiagnosisRecorded(
        UUID caseId,
        UUID diagnosisId,
        @Phi String code,
        @Phi String description,
        boolean primary,
        String diagnosedBy,
        LocalDate diagnosedOn) implements CaseEvent {
}
