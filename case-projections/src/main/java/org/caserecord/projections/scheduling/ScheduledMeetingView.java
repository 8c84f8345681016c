package org.caserecord.projections.scheduling;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.caserecord.domain.model.Attendee;
import org.caserecord.domain.model.MeetingType;

/**
 * A scheduled meeting and how it ended: status SCHEDULED (still to come or not yet marked), HELD
 * (with the recorded {@code meetingId}), CANCELLED (with the reason) or MISSED.
 */
public record ScheduledMeetingView(
        UUID scheduledMeetingId,
        UUID caseId,
        MeetingType type,
        Instant scheduledFor,
        int plannedMinutes,
        List<Attendee> attendees,
        String location,
        String purpose,
        String status,
        UUID meetingId,
        String cancellationReason,
        Instant endedAt,
        Instant scheduledAt,
        String scheduledBy) {
}
