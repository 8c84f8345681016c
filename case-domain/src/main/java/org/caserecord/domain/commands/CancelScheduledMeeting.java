package org.caserecord.domain.commands;

import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.caserecord.domain.model.Phi;

public record CancelScheduledMeeting(
        @TargetAggregateIdentifier UUID caseId,
        UUID scheduledMeetingId,
        @Phi String reason,
        @TargetAggregateVersion Long expectedVersion) {
}
