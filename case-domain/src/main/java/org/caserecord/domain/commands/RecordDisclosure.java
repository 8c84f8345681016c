package org.caserecord.domain.commands;

import java.time.LocalDate;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.caserecord.domain.model.DisclosurePurpose;
import org.caserecord.domain.model.ExportFormat;
import org.caserecord.domain.model.Phi;
import org.caserecord.domain.model.Recipient;

/** Account for a disclosure of the record; {@code exportId} and {@code exportFormat} only for exports. */
public record RecordDisclosure(
        @TargetAggregateIdentifier UUID caseId,
        UUID disclosureId,
        Recipient recipient,
        DisclosurePurpose purpose,
        @Phi String description,
        @Phi String legalBasis,
        LocalDate disclosedOn,
        UUID exportId,
        ExportFormat exportFormat,
        @TargetAggregateVersion Long expectedVersion) {
}
