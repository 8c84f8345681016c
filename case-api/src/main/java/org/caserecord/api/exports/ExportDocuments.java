package org.caserecord.api.exports;

import java.util.List;
import java.util.UUID;

import org.axonframework.eventhandling.DomainEventMessage;
import org.caserecord.api.audit.AuditChain;
import org.caserecord.api.history.PointInTime;
import org.caserecord.api.web.ApiException;
import org.caserecord.api.web.RequestMetadata;
import org.caserecord.domain.events.CaseRecordDisposed;
import org.caserecord.domain.events.DisclosureRecorded;
import org.caserecord.projections.casefile.CaseFileRebuild;
import org.caserecord.projections.disclosures.DisclosureView;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Assembles an export from the event store: the case exactly as of the export's own disclosure
 * event, the disclosures up to it, and that event's chain hash. Nothing of the document is
 * stored; asking again gives the same content.
 */
@Component
class ExportDocuments {

    private final PointInTime pointInTime;
    private final AuditChain chain;

    ExportDocuments(PointInTime pointInTime, AuditChain chain) {
        this.pointInTime = pointInTime;
        this.chain = chain;
    }

    CaseFileExport export(UUID caseId, UUID exportId) {
        List<DomainEventMessage<?>> events = pointInTime.events(caseId);
        if (events.stream().anyMatch(event -> event.getPayload() instanceof CaseRecordDisposed)) {
            // Its personal data is gone: a document now would only pretend to be the record.
            throw new ApiException(HttpStatus.CONFLICT, "case-disposed", "Case record disposed of",
                    "The case record has been disposed of; its exports can no longer be produced.");
        }
        DomainEventMessage<?> exported = events.stream()
                .filter(event -> event.getPayload() instanceof DisclosureRecorded disclosure
                        && exportId.equals(disclosure.exportId()))
                .findFirst()
                .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "export-not-found", "Export not found",
                        "The case has no export with this id."));
        DisclosureRecorded disclosure = (DisclosureRecorded) exported.getPayload();
        long version = exported.getSequenceNumber();
        List<DomainEventMessage<?>> upToExport = events.subList(0, events.indexOf(exported) + 1);
        List<DisclosureView> disclosures = upToExport.stream()
                .filter(event -> event.getPayload() instanceof DisclosureRecorded)
                .map(ExportDocuments::view)
                .toList();
        return new CaseFileExport(exportId, caseId, version, chain.attestedChainHash(caseId.toString(), version),
                AuditChain.ALGORITHM, exported.getTimestamp(), disclosure.recipient(), disclosure.purpose(),
                CaseFileRebuild.fold(upToExport), disclosures);
    }

    private static DisclosureView view(DomainEventMessage<?> event) {
        DisclosureRecorded d = (DisclosureRecorded) event.getPayload();
        Object actor = event.getMetaData().get(RequestMetadata.ACTOR);
        return new DisclosureView(d.disclosureId(), d.caseId(), event.getSequenceNumber(), d.recipient(), d.purpose(),
                d.description(), d.legalBasis(), d.disclosedOn(), d.exportId(), d.exportFormat(), event.getTimestamp(),
                actor == null ? null : actor.toString());
    }
}
