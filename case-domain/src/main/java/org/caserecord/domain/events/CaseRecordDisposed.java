package org.caserecord.domain.events;

import java.time.LocalDate;
import java.util.UUID;

import org.caserecord.domain.retention.RetentionPolicy;

/**
 * The case record's retention period ended with no legal hold in place, and its personal data was
 * destroyed by crypto-shredding: the case's data key is gone, so every field marked
 * {@link org.caserecord.domain.model.Phi} in its earlier events reads as a placeholder from now on.
 * The events themselves, their types, times, actors and hash chain remain. Nothing in this event
 * is personal data: {@code reason} is an administrative note (e.g. "retention period ended"), and
 * the day retention ended is deliberately not kept, since for a former minor it would give away
 * the date of birth the disposal destroyed.
 *
 * @param closedOn the closure the retention period ran from
 * @param policy   the retention policy applied
 */
public record CaseRecordDisposed(UUID caseId, String reason, LocalDate closedOn, RetentionPolicy policy)
        implements CaseEvent {
}
