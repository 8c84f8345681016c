package org.caserecord.domain.directory;

import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

public record UpdateResource(
        @TargetAggregateIdentifier UUID resourceId,
        ResourceDetails details,
        @TargetAggregateVersion Long expectedVersion) {
}
