package org.caserecord.projections.disclosures;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.caserecord.domain.model.DisclosurePurpose;
import org.caserecord.domain.model.ExportFormat;
import org.caserecord.domain.model.Recipient;

/**
 * One line of the accounting of disclosures. {@code sequence} is the case version at which it
 * was recorded; {@code exportId} and {@code exportFormat} are set when the service made the
 * disclosed document itself.
 */
public record DisclosureView(
        UUID disclosureId,
        UUID caseId,
        long sequence,
        Recipient recipient,
        DisclosurePurpose purpose,
        String description,
        String legalBasis,
        LocalDate disclosedOn,
        UUID exportId,
        ExportFormat exportFormat,
        Instant recordedAt,
        String recordedBy) {
}
