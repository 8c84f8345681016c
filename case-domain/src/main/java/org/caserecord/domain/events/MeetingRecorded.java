package org.caserecord.domain.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.caserecord.domain.model.Attendee;
import org.caserecord.domain.model.MeetingBilling;
import org.caserecord.domain.model.MeetingType;
import org.caserecord.domain.model.Phi;

public record MeetingRecorded(
        UUID caseId,
        UUID meetingId,
        MeetingType type,
        Instant occurredAt,
        int durationMinutes,
        List<Attendee> attendees,
        @Phi String notes,
        MeetingBilling billing,
        UUID scheduledMeetingId) implements CaseEvent, BusinessTimed {

    public MeetingRecorded {
        attendees = attendees == null ? List.of() : List.copyOf(attendees);
    }

    /** A meeting that is not billed (and every meeting recorded before billing existed). */
    public MeetingRecorded(UUID caseId, UUID meetingId, MeetingType type, Instant occurredAt, int durationMinutes,
                           List<Attendee> attendees, String notes) {
        this(caseId, meetingId, type, occurredAt, durationMinutes, attendees, notes, null, null);
    }

    /** A meeting that was not scheduled beforehand (and every meeting recorded before scheduling existed). */
    public MeetingRecorded(UUID caseId, UUID meetingId, MeetingType type, Instant occurredAt, int durationMinutes,
                           List<Attendee> attendees, String notes, MeetingBilling billing) {
        this(caseId, meetingId, type, occurredAt, durationMinutes, attendees, notes, billing, null);
    }
}
