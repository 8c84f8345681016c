package org.caserecord.domain.commands;

import java.time.LocalDate;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.caserecord.domain.model.Phi;

/** Records a diagnosis by its ICD-10-CM code; a case has at most one active primary diagnosis. */
public record RecordDiagnosis(
        @TargetAggregateIdentifier UUID caseId,
        UUID diagnosisId,
        @Phi String code,
        @Phi String description,
        boolean primary,
        String diagnosedBy,
        LocalDate diagnosedOn,
        @TargetAggregateVersion Long expectedVersion) {
}
