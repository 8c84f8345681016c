package org.caserecord.domain.commands;

import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.caserecord.domain.model.Phi;

/** Adds an addendum correcting an entry; the entry itself is never changed. */
public record AmendEntry(
        @TargetAggregateIdentifier UUID caseId,
        UUID amendmentId,
        UUID entryId,
        @Phi String text,
        @Phi String reason,
        @TargetAggregateVersion Long expectedVersion) {
}
