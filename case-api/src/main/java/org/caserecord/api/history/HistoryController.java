package org.caserecord.api.history;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.caserecord.api.web.ApiException;
import org.caserecord.api.web.RequestMetadata;
import org.caserecord.domain.events.BusinessTimed;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A case's history, read from the event store itself: the legal record, not a copy of it. */
@RestController
@RequestMapping(path = "/api/cases", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "History", description = "The recorded events of a case")
class HistoryController {

    private final EventStore eventStore;

    HistoryController(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @GetMapping("/{caseId}/history")
    @Operation(summary = "The events of a case in order",
            description = "Paginated by sequence: pass nextSequence as fromSequence for the next page.")
    HistoryPage history(@PathVariable UUID caseId,
                        @RequestParam(defaultValue = "0") @Min(0) long fromSequence,
                        @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit) {
        if (eventStore.lastSequenceNumberFor(caseId.toString()).isEmpty()) {
            throw ApiException.caseNotFound();
        }
        DomainEventStream events = eventStore.readEvents(caseId.toString(), fromSequence);
        List<HistoryEntry> entries = new ArrayList<>();
        Long nextSequence = null;
        while (events.hasNext()) {
            DomainEventMessage<?> event = events.next();
            if (entries.size() == limit) {
                nextSequence = event.getSequenceNumber();
                break;
            }
            entries.add(entry(event));
        }
        return new HistoryPage(caseId, entries, nextSequence);
    }

    private static HistoryEntry entry(DomainEventMessage<?> event) {
        MetaData metaData = event.getMetaData();
        Object payload = event.getPayload();
        return new HistoryEntry(
                event.getSequenceNumber(),
                event.getIdentifier(),
                event.getPayloadType().getSimpleName(),
                event.getTimestamp(),
                payload instanceof BusinessTimed timed ? timed.occurredAt() : null,
                text(metaData.get(RequestMetadata.ACTOR)),
                roles(metaData.get(RequestMetadata.ACTOR_ROLES)),
                text(metaData.get(RequestMetadata.CORRELATION_ID)),
                text(metaData.get(RequestMetadata.CAUSATION_ID)),
                text(metaData.get(RequestMetadata.REQUEST_ID)),
                payload);
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static List<String> roles(Object value) {
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return value == null ? List.of() : List.of(value.toString());
    }
}
