package org.caserecord.projections.caseload;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.caserecord.domain.model.RiskLevel;

/**
 * One open case in a manager's caseload. {@code lastContactAt} is the latest meeting's
 * business time; {@code pendingReferrals} await an answer, {@code openReferrals} also count
 * accepted ones still in progress (both block closing). {@code overdue}: a follow-up is past
 * due, or there has been no contact (or, without any contact, no contact since opening)
 * for longer than the configured number of days, or the client missed a scheduled meeting since
 * the last contact. {@code nextMeetingAt}: the earliest scheduled meeting not yet ended.
 */
public record CaseloadEntry(
        UUID caseId,
        String clientName,
        LocalDate openedOn,
        Instant lastContactAt,
        Long daysSinceLastContact,
        RiskLevel riskLevel,
        LocalDate nextFollowUpDue,
        boolean overdue,
        int pendingReferrals,
        int openReferrals,
        long version,
        Instant nextMeetingAt) {
}
