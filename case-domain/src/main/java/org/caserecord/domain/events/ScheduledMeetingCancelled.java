package org.caserecord.domain.events;

import java.util.UUID;

import org.caserecord.domain.model.Phi;

/** A scheduled meeting will not take place. */
public record ScheduledMeetingCancelled(UUID caseId, UUID scheduledMeetingId, @Phi String reason)
        implements CaseEvent {
}
