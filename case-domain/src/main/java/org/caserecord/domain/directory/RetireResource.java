package org.caserecord.domain.directory;

import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

public record RetireResource(
        @TargetAggregateIdentifier UUID resourceId,
        String reason,
        @TargetAggregateVersion Long expectedVersion) {
}
