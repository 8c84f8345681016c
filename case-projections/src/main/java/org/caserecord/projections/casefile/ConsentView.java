package org.caserecord.projections.casefile;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.caserecord.domain.model.ConsentScope;

public record ConsentView(
        UUID consentId,
        ConsentScope scope,
        String grantedTo,
        LocalDate grantedOn,
        LocalDate validUntil,
        Status status,
        LocalDate revokedOn,
        Instant recordedAt,
        String recordedBy,
        List<AmendmentView> amendments) implements Amendable<ConsentView> {

    public enum Status { ACTIVE, REVOKED }

    ConsentView revoked(LocalDate on) {
        return new ConsentView(consentId, scope, grantedTo, grantedOn, validUntil, Status.REVOKED, on, recordedAt,
                recordedBy, amendments);
    }

    @Override
    public ConsentView withAmendments(List<AmendmentView> amendments) {
        return new ConsentView(consentId, scope, grantedTo, grantedOn, validUntil, status, revokedOn, recordedAt,
                recordedBy, amendments);
    }
}
