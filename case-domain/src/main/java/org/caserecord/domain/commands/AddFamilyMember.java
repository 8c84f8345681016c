package org.caserecord.domain.commands;

import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.caserecord.domain.model.Phi;

public record AddFamilyMember(
        @TargetAggregateIdentifier UUID caseId,
        UUID memberId,
        @Phi String name,
        String relationship,
        @Phi String contact,
        boolean involvedInTreatment,
        @TargetAggregateVersion Long expectedVersion) {
}
