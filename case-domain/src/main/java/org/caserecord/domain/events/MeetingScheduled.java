package org.caserecord.domain.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.caserecord.domain.model.Attendee;
import org.caserecord.domain.model.MeetingType;
import org.caserecord.domain.model.Phi;

/**
 * A meeting was set up for a time to come. It ends exactly once: held (a {@link MeetingRecorded}
 * names it), cancelled or missed.
 */
public record MeetingScheduled(
        UUID caseId,
        UUID scheduledMeetingId,
        MeetingType type,
        Instant scheduledFor,
        int plannedMinutes,
        List<Attendee> attendees,
        @Phi String location,
        @Phi String purpose) implements CaseEvent {

    public MeetingScheduled {
        attendees = attendees == null ? List.of() : List.copyOf(attendees);
    }
}
