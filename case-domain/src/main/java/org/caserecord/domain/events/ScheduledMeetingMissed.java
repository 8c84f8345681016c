package org.caserecord.domain.events;

import java.time.Instant;
import java.util.UUID;

/** Nobody came to a scheduled meeting (a no-show), recorded after its time. */
public record ScheduledMeetingMissed(UUID caseId, UUID scheduledMeetingId, Instant scheduledFor)
        implements CaseEvent {
}
