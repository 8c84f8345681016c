package org.caserecord.api.retention;

import java.util.Optional;
import java.util.UUID;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.caserecord.api.audit.AuditChain;
import org.caserecord.api.web.ApiException;
import org.caserecord.api.web.RequestMetadata;
import org.caserecord.domain.events.CaseRecordDisposed;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Disposal certificates, read from the event store: the disposal event (always a disposed case's
 * last, as such a case takes no further command) gives the time, the actor, the reason and the
 * sequence number; the audit chain gives the hash through it.
 */
@Component
class DisposalCertificates {

    private final EventStore eventStore;
    private final AuditChain chain;

    DisposalCertificates(EventStore eventStore, AuditChain chain) {
        this.eventStore = eventStore;
        this.chain = chain;
    }

    /**
     * The certificate of a disposal that the caller's own transaction just appended: its chain head
     * is recomputed from the stored events, as no seal can cover the event before it commits.
     */
    DisposalCertificate issued(UUID caseId) {
        return find(caseId, false).orElseThrow(() ->
                new IllegalStateException("The disposal event just appended is not visible to its transaction"));
    }

    /**
     * The certificate of the case's disposal, if it was disposed of; its chain head is the one its
     * seal confirms (503 while not yet sealed, 409 if the stored events no longer match their seals).
     */
    Optional<DisposalCertificate> attested(UUID caseId) {
        return find(caseId, true);
    }

    private Optional<DisposalCertificate> find(UUID caseId, boolean attested) {
        Optional<Long> last = eventStore.lastSequenceNumberFor(caseId.toString());
        if (last.isEmpty()) {
            return Optional.empty();
        }
        DomainEventStream stream = eventStore.readEvents(caseId.toString(), last.get());
        if (!stream.hasNext()) {
            return Optional.empty();
        }
        DomainEventMessage<?> event = stream.next();
        if (!CaseRecordDisposed.class.equals(event.getPayloadType())) {
            return Optional.empty();
        }
        CaseRecordDisposed disposed = (CaseRecordDisposed) event.getPayload();
        long sequence = event.getSequenceNumber();
        String chainHead = attested
                ? chain.attestedChainHash(caseId.toString(), sequence)
                : chain.chainHash(caseId.toString(), sequence).orElseThrow();
        Object actor = event.getMetaData().get(RequestMetadata.ACTOR);
        return Optional.of(new DisposalCertificate(certificateId(event.getIdentifier()), caseId,
                event.getTimestamp(), actor == null ? null : actor.toString(), DisposalCertificate.CRYPTO_SHRED,
                sequence, chainHead, AuditChain.ALGORITHM, disposed.reason(), disposed.closedOn(), disposed.policy()));
    }

    private static UUID certificateId(String eventIdentifier) {
        try {
            return UUID.fromString(eventIdentifier);
        } catch (IllegalArgumentException e) {
            throw new ApiException(HttpStatus.CONFLICT, "record-integrity-failure", "Record fails verification",
                    "The disposal event's identifier is not the one the service wrote.");
        }
    }
}
