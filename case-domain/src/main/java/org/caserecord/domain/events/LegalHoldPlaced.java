package org.caserecord.domain.events;

import java.util.UUID;

import org.caserecord.domain.model.Phi;

/**
 * A legal hold now applies to the case: its record may not be disposed of until every hold is
 * released. {@code matterReference} names the litigation, audit or investigation (e.g. a court
 * docket number); like the reason it may name people, so both are PHI.
 */
public record LegalHoldPlaced(UUID caseId, UUID holdId, @Phi String reason, @Phi String matterReference)
        implements CaseEvent {
}
