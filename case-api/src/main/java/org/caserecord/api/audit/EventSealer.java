package org.caserecord.api.audit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Seals every event as soon as it is committed: reads the row exactly as stored and appends its
 * link of the case's hash chain to event_seal, in the same transaction as the processor's token.
 * The events of a processing batch are sealed together just before the batch commits (three
 * statements per batch, and no event payload is ever deserialized). One segment, so seals follow
 * the store's order and the checkpoint has a single position. There is deliberately no reset
 * handler: seals are append-only and must never be rebuilt from a store that may have been
 * altered since.
 */
@Component
@ProcessingGroup(EventSealer.PROCESSING_GROUP)
public class EventSealer {

    public static final String PROCESSING_GROUP = "audit-seal";
    private static final String BATCH = EventSealer.class.getName() + ".batch";

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;

    EventSealer(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
    }

    /** Takes every event (the message, not its payload) and seals the batch before it commits. */
    @EventHandler
    void on(EventMessage<?> event) {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        List<String> batch = unitOfWork.getOrComputeResource(BATCH, key -> {
            List<String> eventIdentifiers = new ArrayList<>();
            unitOfWork.onPrepareCommit(u -> seal(eventIdentifiers));
            return eventIdentifiers;
        });
        batch.add(event.getIdentifier());
    }

    private void seal(List<String> eventIdentifiers) {
        if (eventIdentifiers.isEmpty()) {
            return;
        }
        List<StoredEvent> stored = jdbc.sql("SELECT " + StoredEvent.COLUMNS + """
                         FROM domain_event_entry
                        WHERE event_identifier = ANY(CAST(:ids AS varchar[]))
                        ORDER BY aggregate_identifier, sequence_number
                        """)
                .param("ids", eventIdentifiers.toArray(String[]::new))
                .query((rs, n) -> StoredEvent.from(rs))
                .list();
        if (stored.size() != eventIdentifiers.size()) {
            throw new IllegalStateException("Cannot seal: " + (eventIdentifiers.size() - stored.size())
                    + " of the batch's events are not in the event table");
        }
        Map<String, Long> firstSequence = new LinkedHashMap<>();
        stored.forEach(event -> firstSequence.putIfAbsent(event.aggregateIdentifier(), event.sequenceNumber()));
        Map<String, byte[]> previous = previousSeals(firstSequence);
        List<Object[]> seals = new ArrayList<>(stored.size());
        for (StoredEvent event : stored) {
            byte[] before = event.sequenceNumber() == 0 ? StoredEvent.GENESIS
                    : previous.get(event.aggregateIdentifier());
            if (before == null) {
                // The previous event is not sealed: its row vanished or was never sealed. Sealing on
                // would hide that; the processor retries and its status shows the error.
                throw new IllegalStateException("Cannot seal event " + event.eventIdentifier() + ": sequence "
                        + (event.sequenceNumber() - 1) + " of its case has no seal");
            }
            byte[] chain = event.chainHash(before);
            previous.put(event.aggregateIdentifier(), chain);
            seals.add(new Object[] {event.aggregateIdentifier(), event.sequenceNumber(), event.globalIndex(),
                    event.eventIdentifier(), chain});
        }
        jdbcTemplate.batchUpdate("""
                INSERT INTO event_seal (aggregate_identifier, sequence_number, global_index, event_identifier, chain_hash)
                VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (aggregate_identifier, sequence_number) DO NOTHING
                """, seals);
    }

    /** For each case, the chain hash sealed just before the batch's first event of it. */
    private Map<String, byte[]> previousSeals(Map<String, Long> firstSequence) {
        Map<String, byte[]> previous = new HashMap<>();
        jdbc.sql("""
                        SELECT s.aggregate_identifier, s.chain_hash
                          FROM event_seal s
                          JOIN unnest(CAST(:cases AS varchar[]), CAST(:sequences AS bigint[])) AS wanted(aggregate, sequence)
                            ON s.aggregate_identifier = wanted.aggregate AND s.sequence_number = wanted.sequence - 1
                        """)
                .param("cases", firstSequence.keySet().toArray(String[]::new))
                .param("sequences", firstSequence.values().toArray(Long[]::new))
                .query(rs -> {
                    previous.put(rs.getString("aggregate_identifier"), rs.getBytes("chain_hash"));
                });
        return previous;
    }
}
