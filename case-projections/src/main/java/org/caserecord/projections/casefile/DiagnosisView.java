package org.caserecord.projections.casefile;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

public record DiagnosisView(
        UUID diagnosisId,
        String code,
        String description,
        boolean primary,
        String diagnosedBy,
        LocalDate diagnosedOn,
        Status status,
        LocalDate resolvedOn,
        String resolutionReason,
        Instant recordedAt,
        String recordedBy,
        List<AmendmentView> amendments) implements Amendable<DiagnosisView> {

    public enum Status { ACTIVE, RESOLVED }

    DiagnosisView resolved(LocalDate on, String reason) {
        return new DiagnosisView(diagnosisId, code, description, primary, diagnosedBy, diagnosedOn, Status.RESOLVED,
                on, reason, recordedAt, recordedBy, amendments);
    }

    @Override
    public DiagnosisView withAmendments(List<AmendmentView> amendments) {
        return new DiagnosisView(diagnosisId, code, description, primary, diagnosedBy, diagnosedOn, status,
                resolvedOn, resolutionReason, recordedAt, recordedBy, amendments);
    }
}
