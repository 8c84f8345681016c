package org.caserecord.domain.commands;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.caserecord.domain.model.EducationFormat;
import org.caserecord.domain.model.EducationRecipient;
import org.caserecord.domain.model.Phi;

public record RecordEducationProvided(
        @TargetAggregateIdentifier UUID caseId,
        UUID educationId,
        Instant occurredAt,
        EducationRecipient recipient,
        @Phi String recipientName,
        @Phi String topic,
        EducationFormat format,
        @Phi List<String> materials,
        @TargetAggregateVersion Long expectedVersion) {
}
