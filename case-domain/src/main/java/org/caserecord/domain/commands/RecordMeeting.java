package org.caserecord.domain.commands;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.caserecord.domain.model.Attendee;
import org.caserecord.domain.model.MeetingBilling;
import org.caserecord.domain.model.MeetingType;
import org.caserecord.domain.model.Phi;

/** Records a meeting that took place; {@code expectedVersion} is optional optimistic locking. */
public record RecordMeeting(
        @TargetAggregateIdentifier UUID caseId,
        UUID meetingId,
        MeetingType type,
        Instant occurredAt,
        Integer durationMinutes,
        List<Attendee> attendees,
        @Phi String notes,
        MeetingBilling billing,
        UUID scheduledMeetingId,
        @TargetAggregateVersion Long expectedVersion) {

    /** A meeting recorded without billing. */
    public RecordMeeting(UUID caseId, UUID meetingId, MeetingType type, Instant occurredAt, Integer durationMinutes,
                         List<Attendee> attendees, String notes, Long expectedVersion) {
        this(caseId, meetingId, type, occurredAt, durationMinutes, attendees, notes, null, null, expectedVersion);
    }

    /** A meeting recorded without naming a scheduled meeting. */
    public RecordMeeting(UUID caseId, UUID meetingId, MeetingType type, Instant occurredAt, Integer durationMinutes,
                         List<Attendee> attendees, String notes, MeetingBilling billing, Long expectedVersion) {
        this(caseId, meetingId, type, occurredAt, durationMinutes, attendees, notes, billing, null, expectedVersion);
    }
}
