package org.caserecord.api.audit;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.caserecord.domain.events.CaseEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Seals every event as soon as it is committed: reads the row exactly as stored and appends its
 * link of the case's hash chain to event_seal, in the same transaction as the processor's token.
 * One segment, so seals follow the store's order and the checkpoint has a single position. There
 * is deliberately no reset handler: seals are append-only and must never be rebuilt from a store
 * that may have been altered since.
 */
@Component
@ProcessingGroup(EventSealer.PROCESSING_GROUP)
public class EventSealer {

    public static final String PROCESSING_GROUP = "audit-seal";

    private final JdbcClient jdbc;

    EventSealer(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(CaseEvent event, @MessageIdentifier String eventIdentifier) {
        Sealable row = jdbc.sql("""
                        SELECT e.global_index, e.event_identifier, e.aggregate_identifier, e.sequence_number, e.type,
                               e.payload_type, e.payload_revision, e.time_stamp, e.payload, e.meta_data,
                               p.chain_hash AS previous_hash
                          FROM domain_event_entry e
                          LEFT JOIN event_seal p ON p.aggregate_identifier = e.aggregate_identifier
                                                AND p.sequence_number = e.sequence_number - 1
                         WHERE e.event_identifier = :eventIdentifier
                        """)
                .param("eventIdentifier", eventIdentifier)
                .query((rs, n) -> new Sealable(StoredEvent.from(rs), rs.getBytes("previous_hash")))
                .single();
        StoredEvent stored = row.event();
        byte[] previous = stored.sequenceNumber() == 0 ? StoredEvent.GENESIS : row.previousHash();
        if (previous == null) {
            // The previous event is not sealed: its row vanished or was never sealed. Sealing on
            // would hide that; the processor retries and its status shows the error.
            throw new IllegalStateException("Cannot seal event " + eventIdentifier + ": sequence "
                    + (stored.sequenceNumber() - 1) + " of its case has no seal");
        }
        jdbc.sql("""
                        INSERT INTO event_seal (aggregate_identifier, sequence_number, global_index, event_identifier,
                                                chain_hash)
                        VALUES (:aggregateIdentifier, :sequenceNumber, :globalIndex, :eventIdentifier, :chainHash)
                        ON CONFLICT (aggregate_identifier, sequence_number) DO NOTHING
                        """)
                .param("aggregateIdentifier", stored.aggregateIdentifier())
                .param("sequenceNumber", stored.sequenceNumber())
                .param("globalIndex", stored.globalIndex())
                .param("eventIdentifier", stored.eventIdentifier())
                .param("chainHash", stored.chainHash(previous))
                .update();
    }

    private record Sealable(StoredEvent event, byte[] previousHash) {
    }
}
