package org.caserecord.domain.commands;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.caserecord.domain.model.Attendee;
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
        @TargetAggregateVersion Long expectedVersion) {
}
