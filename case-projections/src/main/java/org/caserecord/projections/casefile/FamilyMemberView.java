package org.caserecord.projections.casefile;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

public record FamilyMemberView(
        UUID memberId,
        String name,
        String relationship,
        String contact,
        boolean involvedInTreatment,
        Instant recordedAt,
        String recordedBy,
        List<AmendmentView> amendments) implements Amendable<FamilyMemberView> {

    @Override
    public FamilyMemberView withAmendments(List<AmendmentView> amendments) {
        return new FamilyMemberView(memberId, name, relationship, contact, involvedInTreatment, recordedAt,
                recordedBy, amendments);
    }
}
