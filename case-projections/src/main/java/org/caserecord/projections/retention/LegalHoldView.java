package org.caserecord.projections.retention;

import java.time.Instant;
import java.util.UUID;

/** A legal hold on a case; {@code releasedAt} is null while it applies. */
public record LegalHoldView(
        UUID holdId,
        UUID caseId,
        String matterReference,
        String reason,
        Instant placedAt,
        String placedBy,
        Instant releasedAt,
        String releasedBy,
        String releaseReason) {
}
