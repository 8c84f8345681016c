package org.caserecord.projections.casefile;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.caserecord.domain.model.CaseStatus;
import org.caserecord.domain.model.Client;
import org.caserecord.domain.model.ClosureReason;

/** The case file as the read model holds it; {@code version} is the last event applied. */
public record CaseFileView(
        UUID caseId,
        long version,
        CaseStatus status,
        Client client,
        String caseManagerId,
        LocalDate openedOn,
        String referralSource,
        String presentingConcerns,
        LocalDate closedOn,
        ClosureReason closureReason,
        String closureSummary,
        String reopenReason,
        Instant recordedAt,
        Instant updatedAt,
        List<MeetingView> meetings,
        List<ReferralView> referrals) {
}
