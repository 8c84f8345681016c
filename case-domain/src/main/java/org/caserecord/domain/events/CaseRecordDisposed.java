package org.caserecord.domain.events;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The case record's retention period ended with no legal hold in place, and its personal data was
 * destroyed by crypto-shredding: the case's data key is gone, so every field marked
 * {@link org.caserecord.domain.model.Phi} in its earlier events reads as a placeholder from now on.
 * The events themselves, their types, times, actors and hash chain remain. Nothing in this event
 * is personal data: {@code reason} is an administrative note (e.g. "retention period ended").
 *
 * @param closedOn    the closure the retention period ran from
 * @param retainUntil the first day disposal was allowed
 */
public record CaseRecordDisposed(UUID caseId, String reason, LocalDate closedOn, LocalDate retainUntil)
        implements CaseEvent {
}
