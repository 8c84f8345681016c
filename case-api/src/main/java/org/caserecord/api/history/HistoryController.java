package org.caserecord.api.history;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.caserecord.api.web.ApiException;
import org.caserecord.api.web.Periods;
import org.caserecord.api.web.RequestMetadata;
import org.caserecord.domain.events.BusinessTimed;
import org.caserecord.domain.catalog.EventCatalog;
import org.springframework.format.annotation.DateTimeFormat;
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
    private final PointInTime pointInTime;

    HistoryController(EventStore eventStore, PointInTime pointInTime) {
        this.pointInTime = pointInTime;
        this.eventStore = eventStore;
    }

    @GetMapping("/{caseId}/history")
    @Operation(summary = "The events of a case in order, optionally filtered",
            description = """
                    Every entry shows when it was recorded (recordedAt) and, for entries about something that \
                    happened in the world, when it happened (occurredAt), so back-dated entries are visible. \
                    from/to (inclusive) apply to the chosen timeline: recorded (default) or occurred; on the \
                    occurred timeline entries without an occurrence time are left out when from or to is given. \
                    Paginated by sequence: pass nextSequence as fromSequence for the next page.""")
    HistoryPage history(@PathVariable UUID caseId,
                        @Parameter(description = "recorded (default) or occurred")
                        @RequestParam(defaultValue = "recorded") String timeline,
                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
                        @Parameter(description = "Event type names, e.g. MeetingRecorded; repeat for several")
                        @RequestParam(required = false) List<String> type,
                        @Parameter(description = "The user id that recorded the entry")
                        @RequestParam(required = false) String actor,
                        @RequestParam(defaultValue = "0") @Min(0) long fromSequence,
                        @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit) {
        Predicate<HistoryEntry> filter = filter(timeline, from, to, type, actor);
        if (eventStore.lastSequenceNumberFor(caseId.toString()).isEmpty()) {
            throw ApiException.caseNotFound();
        }
        pointInTime.forgetKeyIfDisposed(caseId);
        DomainEventStream events = eventStore.readEvents(caseId.toString(), fromSequence);
        List<HistoryEntry> entries = new ArrayList<>();
        Long nextSequence = null;
        while (events.hasNext()) {
            HistoryEntry entry = entry(events.next());
            if (!filter.test(entry)) {
                continue;
            }
            if (entries.size() == limit) {
                nextSequence = entry.sequence();
                break;
            }
            entries.add(entry);
        }
        return new HistoryPage(caseId, entries, nextSequence);
    }

    private static Predicate<HistoryEntry> filter(String timeline, Instant from, Instant to, List<String> types,
                                                  String actor) {
        Periods.check(from, to);
        boolean occurred = switch (timeline.toLowerCase(Locale.ROOT)) {
            case "recorded" -> false;
            case "occurred" -> true;
            default -> throw ApiException.badRequest("invalid-timeline", "Unknown timeline",
                    "timeline is recorded (when the entry was written) or occurred (when it happened).");
        };
        Set<String> wanted = types == null ? Set.of() : types.stream()
                .flatMap(value -> List.of(value.split(",")).stream())
                .map(String::trim)
                .filter(name -> !name.isEmpty())
                .collect(Collectors.toSet());
        for (String name : wanted) {
            if (EventCatalog.byName(name).isEmpty()) {
                throw ApiException.badRequest("invalid-event-type", "Unknown event type",
                        "type must be one of " + String.join(", ", EventCatalog.names()) + ".");
            }
        }
        Predicate<HistoryEntry> filter = entry -> wanted.isEmpty() || wanted.contains(entry.type());
        if (actor != null && !actor.isBlank()) {
            filter = filter.and(entry -> actor.equals(entry.actor()));
        }
        if (from != null || to != null) {
            filter = filter.and(entry -> {
                Instant at = occurred ? entry.occurredAt() : entry.recordedAt();
                return at != null && (from == null || !at.isBefore(from)) && (to == null || !at.isAfter(to));
            });
        }
        return filter;
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
