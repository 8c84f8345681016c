package org.caserecord.projections.caseload;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One open case in a manager's caseload. {@code lastContactAt} is the latest meeting's
 * business time; {@code pendingReferrals} await an answer, {@code openReferrals} also
 * count accepted ones still in progress (both block closing the case).
 */
public record CaseloadEntry(
        UUID caseId,
        String clientName,
        LocalDate openedOn,
        Instant lastContactAt,
        int pendingReferrals,
        int openReferrals,
        long version) {
}
