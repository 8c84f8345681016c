package org.caserecord.domain.events;

import java.time.LocalDate;
import java.util.UUID;

import org.caserecord.domain.model.DisclosurePurpose;
import org.caserecord.domain.model.ExportFormat;
import org.caserecord.domain.model.Phi;
import org.caserecord.domain.model.Recipient;

/**
 * Part or all of the record was disclosed outside the clinic: one line of the accounting of
 * disclosures. When the disclosure is a case file export made by the service, {@code exportId}
 * and {@code exportFormat} name it, and the export is the case as of this event's sequence.
 */
public record DisclosureRecorded(
        UUID caseId,
        UUID disclosureId,
        Recipient recipient,
        DisclosurePurpose purpose,
        @Phi String description,
        @Phi String legalBasis,
        LocalDate disclosedOn,
        UUID exportId,
        ExportFormat exportFormat) implements CaseEvent {
}
