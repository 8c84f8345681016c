package org.caserecord.projections.retention;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One case in the retention register.
 *
 * @param retainUntil the first day its record may be disposed of (null while the case is open, and
 *                    once its record is disposed of)
 * @param holds       the legal holds that apply, without their reasons (see the case's legal holds)
 */
public record RetentionEntry(
        UUID caseId,
        String caseManagerId,
        LocalDate closedOn,
        LocalDate retainUntil,
        RetentionStatus status,
        List<Hold> holds,
        Instant disposedAt) {

    public record Hold(UUID holdId, String matterReference, Instant placedAt, String placedBy) {
    }
}
