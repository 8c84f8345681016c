package org.caserecord.domain.commands;

import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Nobody came to a scheduled meeting; allowed once its time has come. */
public record RecordNoShow(
        @TargetAggregateIdentifier UUID caseId,
        UUID scheduledMeetingId,
        @TargetAggregateVersion Long expectedVersion) {
}
