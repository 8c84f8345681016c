package org.caserecord.domain.commands;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.caserecord.domain.model.Attendee;
import org.caserecord.domain.model.MeetingType;
import org.caserecord.domain.model.Phi;

/** Set up a meeting at a time to come. */
public record ScheduleMeeting(
        @TargetAggregateIdentifier UUID caseId,
        UUID scheduledMeetingId,
        MeetingType type,
        Instant scheduledFor,
        Integer plannedMinutes,
        List<Attendee> attendees,
        @Phi String location,
        @Phi String purpose,
        @TargetAggregateVersion Long expectedVersion) {
}
