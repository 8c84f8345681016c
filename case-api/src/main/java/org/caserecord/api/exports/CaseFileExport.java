package org.caserecord.api.exports;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.caserecord.domain.model.DisclosurePurpose;
import org.caserecord.domain.model.Recipient;
import org.caserecord.projections.casefile.CaseFileView;
import org.caserecord.projections.disclosures.DisclosureView;

/**
 * A complete case file handed to a recipient: the case exactly as it stood at {@code version}
 * (rebuilt from the events up to and including the export's own disclosure), and the hash
 * chain value of that event, so the recipient can ask the clinic to verify it.
 *
 * @param chainHash     hex SHA-256 chain hash of the case's event at {@code version}
 * @param hashAlgorithm how the chain is computed (see docs/audit.md)
 */
public record CaseFileExport(
        UUID exportId,
        UUID caseId,
        long version,
        String chainHash,
        String hashAlgorithm,
        Instant generatedAt,
        Recipient recipient,
        DisclosurePurpose purpose,
        CaseFileView caseFile,
        List<DisclosureView> disclosures) {
}
