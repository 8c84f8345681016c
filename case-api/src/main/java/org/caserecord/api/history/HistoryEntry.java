package org.caserecord.api.history;

import java.time.Instant;
import java.util.List;

/**
 * One event of a case as stored: {@code recordedAt} is when it was written to the record,
 * {@code occurredAt} (where it applies) when it happened in the world.
 */
public record HistoryEntry(
        long sequence,
        String eventId,
        String type,
        Instant recordedAt,
        Instant occurredAt,
        String actor,
        List<String> actorRoles,
        String correlationId,
        String causationId,
        String requestId,
        Object payload) {
}
